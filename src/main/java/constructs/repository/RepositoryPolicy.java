package constructs.repository;

import constructs.access.Persona;
import constructs.internal.Tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyDocumentProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.IConstruct;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repository policy built from typed statements: cross-account pull and push by account, role or
 * organisation, and Lambda container-image pulls. Rendered once into {@code AWS::ECR::Repository}
 * {@code RepositoryPolicyText} by {@link PrivateRepository}.
 *
 * <p>What it never renders: a {@code Resource} element (a repository policy applies to its repository), a
 * bare {@code *} principal (the organisation statement binds it with {@code StringEquals}
 * {@code aws:PrincipalOrgID}; {@code ForAllValues:} is never used because it lets principals outside any
 * organisation in), a role as principal (ECR rejects roles that do not exist yet: the role's account root
 * with an {@code aws:PrincipalArn} condition is named instead).
 *
 * <p>Statement ids are derived from the statement's content, so adding a consumer does not renumber the
 * others.
 */
public final class RepositoryPolicy {

    /** ECR's limit on a repository policy's text (ECR service quotas). */
    public static final int MAX_LENGTH = limits.AwsLimits.ECR_POLICY_TEXT;

    /**
     * What a Lambda function needs to start from a container image of another account.
     * Source: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-permissions
     */
    public static final List<String> LAMBDA_PULL_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    /** The service principal Lambda pulls container images as. */
    public static final String LAMBDA_SERVICE_PRINCIPAL = "lambda.amazonaws.com";

    /** Longest partition and region names, used to bound the length when they are unresolved tokens. */
    static final String LONGEST_PARTITION = "aws-us-gov";
    static final String LONGEST_REGION = "ap-southeast-7";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Pull or push. */
    public enum Access {
        /** Pull: the puller persona's actions. */
        PULL("Pull", Persona.PULLER),
        /** Push: the publisher persona's actions. */
        PUSH("Push", Persona.PUBLISHER);

        private final String word;
        private final Persona persona;

        Access(String word, Persona persona) {
            this.word = word;
            this.persona = persona;
        }

        /**
         * The actions this access grants.
         *
         * @return the persona's actions
         */
        public List<String> actions() {
            return persona.actions();
        }
    }

    /** One grant: who, and pull or push. */
    public record PrincipalAccess(Access access, RepositoryPrincipal principal) {
    }

    private final List<PrincipalAccess> grants;

    private RepositoryPolicy(List<PrincipalAccess> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * A builder of a repository policy, with no grant yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The grants, in the order given.
     *
     * @return the grants
     */
    public List<PrincipalAccess> grants() {
        return grants;
    }

    /**
     * Whether the policy has no grant (then no policy is written).
     *
     * @return whether there is no grant
     */
    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /**
     * The policy document. {@code partition} and {@code region} are the repository's (tokens allowed); the
     * region goes into the Lambda {@code aws:sourceArn} condition because a function can only use an image
     * from its own region.
     *
     * @param partition the AWS partition, e.g. {@code aws}
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return the policy document
     */
    public Map<String, Object> toDocument(String partition, String region) {
        List<Object> statements = new ArrayList<>();
        for (PrincipalAccess grant : grants) {
            statements.addAll(statements(grant, partition, region));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    /**
     * Compact JSON of {@link #toDocument(String, String)}, as ECR stores and measures it.
     *
     * @param partition the AWS partition, e.g. {@code aws}
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return the policy document as JSON
     */
    public String toJson(String partition, String region) {
        try {
            return JSON.writeValueAsString(toDocument(partition, region));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render repository policy", e);
        }
    }

    /**
     * The policy document a repository writes once statements are added to it beyond these grants (a platform file's
     * {@code repositoryPolicyStatements}, aws-cdk-lib's grants to another account): these grants' statements first,
     * then whatever is added. Never minimized, whatever the app's {@code @aws-cdk/aws-iam:minimizePolicies}: ECR gets
     * the added statements as written, and the document {@code validate} sizes is the one synthesis writes.
     *
     * @param partition the AWS partition, e.g. {@code aws}
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return a new document holding these grants' statements, to add statements to
     */
    public PolicyDocument toPolicyDocument(String partition, String region) {
        PolicyDocument document = new PolicyDocument(PolicyDocumentProps.builder().minimize(false).build());
        for (Object statement : (List<?>) toDocument(partition, region).get("Statement")) {
            document.addStatements(PolicyStatement.fromJson(statement));
        }
        return document;
    }

    /**
     * The characters ECR counts against {@link #MAX_LENGTH} for a document of {@link #toPolicyDocument(String, String)}
     * with statements added: the compact JSON of the document as {@code scope}'s stack writes it (duplicate statements
     * dropped, as CloudFormation receives it); an intrinsic function that remains is counted as written. The
     * repository's synth-time check and {@code validate}'s (package {@code stacks}) both measure with this.
     *
     * @param scope a construct of the stack that writes the document
     * @param document the document
     * @return the policy's length in characters
     */
    public static int length(IConstruct scope, PolicyDocument document) {
        try {
            return JSON.writeValueAsString(Stack.of(scope).resolve(document)).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render repository policy", e);
        }
    }

    /**
     * The characters ECR counts against {@link #MAX_LENGTH}: the length of {@link #toJson(String, String)}, with a
     * partition or region that is an unresolved token counted at its longest. The repository's synth-time check and
     * the platform file's (package {@code stacks}, run by {@code validate}) both measure with this.
     *
     * @param partition the repository's partition, e.g. {@code aws} (a token allowed)
     * @param region the repository's region, e.g. {@code eu-west-1} (a token allowed)
     * @return the policy's length in characters
     */
    public int length(String partition, String region) {
        return toJson(Tokens.isUnresolved(partition) ? LONGEST_PARTITION : partition,
                Tokens.isUnresolved(region) ? LONGEST_REGION : region).length();
    }

    /**
     * Every statement id, in order.
     *
     * @return every statement id, in order
     */
    public List<String> sids() {
        List<String> sids = new ArrayList<>();
        for (PrincipalAccess grant : grants) {
            for (Object statement : statements(grant, "aws", "us-east-1")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) statement;
                sids.add((String) s.get("Sid"));
            }
        }
        return sids;
    }

    private static List<Map<String, Object>> statements(PrincipalAccess grant, String partition, String region) {
        String word = grant.access().word;
        List<String> actions = grant.access().actions();
        RepositoryPrincipal principal = grant.principal();
        if (principal instanceof RepositoryPrincipal.Account a) {
            return List.of(statement(word + "Account" + a.accountId(),
                    Map.of("AWS", root(partition, a.accountId())), actions, null));
        }
        if (principal instanceof RepositoryPrincipal.Role r) {
            return List.of(statement(word + "Role" + r.accountId() + shortHash(r.roleArn()),
                    Map.of("AWS", root(r.partition(), r.accountId())), actions,
                    Map.of(r.isWildcard() ? "ArnLike" : "ArnEquals", Map.of("aws:PrincipalArn", r.roleArn()))));
        }
        if (principal instanceof RepositoryPrincipal.Organization o) {
            return List.of(statement(word + "Organization" + o.organizationId().replace("-", ""),
                    Map.of("AWS", "*"), actions,
                    Map.of("StringEquals", Map.of("aws:PrincipalOrgID", o.organizationId()))));
        }
        RepositoryPrincipal.LambdaFunctions l = (RepositoryPrincipal.LambdaFunctions) principal;
        return List.of(
                statement("LambdaPullAccount" + l.accountId(),
                        Map.of("AWS", root(partition, l.accountId())), LAMBDA_PULL_ACTIONS, null),
                statement("LambdaServicePull" + l.accountId(),
                        Map.of("Service", LAMBDA_SERVICE_PRINCIPAL), LAMBDA_PULL_ACTIONS,
                        Map.of("ArnLike", Map.of("aws:sourceArn", "arn:" + partition + ":lambda:"
                                + (l.functionRegion() != null ? l.functionRegion() : region) + ":"
                                + l.accountId() + ":function:*"))));
    }

    private static Map<String, Object> statement(String sid, Map<String, String> principal, List<String> actions,
                                                 Map<String, Map<String, String>> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Principal", principal);
        s.put("Action", actions);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }

    private static String root(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }

    /** Eight hex characters of SHA-256: stable across runs and JVMs, unlike String.hashCode ordering. */
    static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Collects the grants of a {@link RepositoryPolicy}.
     */
    public static final class Builder {
        private final List<PrincipalAccess> grants = new ArrayList<>();

        /**
         * Lets {@code principal} pull (the puller persona's actions; Lambda: the two Lambda actions). Default: none
         * added.
         *
         * @param principal who may pull
         * @return this builder
         */
        public Builder pull(RepositoryPrincipal principal) {
            grants.add(new PrincipalAccess(Access.PULL, principal));
            return this;
        }

        /**
         * Lets {@code principal} push (the publisher persona's actions). Default: none added.
         *
         * @param principal who may push
         * @return this builder
         */
        public Builder push(RepositoryPrincipal principal) {
            grants.add(new PrincipalAccess(Access.PUSH, principal));
            return this;
        }

        /**
         * Validates every grant and throws once with every problem.
         *
         * @return the policy
         */
        public RepositoryPolicy build() {
            List<String> problems = new ArrayList<>();
            Set<PrincipalAccess> seen = new LinkedHashSet<>();
            for (PrincipalAccess grant : grants) {
                if (grant.principal() == null) {
                    problems.add(grant.access().word.toLowerCase() + "(null) is invalid: name a principal. "
                            + "Hint: use RepositoryPrincipal.account(\"111122223333\")");
                    continue;
                }
                problems.addAll(grant.principal().problems());
                if (grant.access() == Access.PUSH && grant.principal() instanceof RepositoryPrincipal.LambdaFunctions) {
                    problems.add("push(" + grant.principal().describe() + ") is invalid: Lambda only pulls images. "
                            + "Hint: grant push to the CI role with push(RepositoryPrincipal.role(...))");
                }
                if (!seen.add(grant)) {
                    problems.add(grant.access().word.toLowerCase() + "(" + grant.principal().describe()
                            + ") is listed twice: remove the duplicate");
                }
            }
            if (problems.isEmpty()) {
                Set<String> sids = new LinkedHashSet<>();
                for (String sid : new RepositoryPolicy(grants).sids()) {
                    if (!sids.add(sid)) {
                        problems.add("statement id " + sid + " would appear twice: two grants give the same "
                                + "principal the same access; remove one");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
            return new RepositoryPolicy(grants);
        }
    }
}
