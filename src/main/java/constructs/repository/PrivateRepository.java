package constructs.repository;

import constructs.access.Persona;
import constructs.internal.StackValues;
import constructs.internal.Tokens;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A private Amazon ECR repository that is compliant by default: immutable tags, scan on push, KMS encryption
 * with a customer-managed key, a lifecycle policy, an explicit removal policy and, when asked, a repository
 * policy for other accounts, organisations and Lambda. Built on {@code AWS::ECR::Repository} (child id
 * {@code Resource}) with no custom resource and no asset.
 *
 * <p>Enforced, whatever the props say: {@code ScanOnPush} true; {@code EncryptionConfiguration} written out
 * ({@code KMS} with a customer-managed key); a lifecycle policy with at least one rule; {@code MUTABLE} tags
 * refused; {@code EmptyOnDelete} only together with {@code DESTROY}.
 */
public class PrivateRepository extends Construct {

    /** Stable id of the warning emitted when some tags stay movable. */
    public static final String WARNING_MUTABLE_TAG_EXCLUSION = "ecr-blueprint:mutableTagExclusion";

    /** At most this many tag-mutability exclusion filters on one repository (ECR API reference). */
    public static final int MAX_EXCLUSION_FILTERS = 5;
    private static final Pattern EXCLUSION_FILTER = Pattern.compile("[0-9a-zA-Z._*-]{1,128}");
    private static final int MAX_TAGS = 50;

    private final String repositoryName;
    private final CfnRepository resource;
    private final IKey encryptionKey;
    private final StackValues stack;
    /** Read once: the ARN is one token, and the outputs and every grant use it. */
    private String repositoryArn;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PrivateRepository(Construct scope, String id, PrivateRepositoryProps props) {
        super(scope, id);
        this.stack = StackValues.of(scope);
        validate(props, stack);

        this.repositoryName = props.repositoryName();
        this.encryptionKey = props.encryptionKey() != null ? props.encryptionKey()
                : new RepositoryKey(this, "Key", RepositoryKeyProps.builder()
                        .removalPolicy(props.removalPolicy()).build()).key();

        boolean withExclusion = props.tagMutability() == TagMutability.IMMUTABLE_WITH_EXCLUSION;
        CfnRepository.Builder builder = CfnRepository.Builder.create(this, "Resource")
                .repositoryName(repositoryName)
                .imageTagMutability(props.tagMutability().name())
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder()
                        .scanOnPush(true).build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder()
                        .encryptionType("KMS").kmsKey(stack.keyArn(encryptionKey)).build())
                .lifecyclePolicy(CfnRepository.LifecyclePolicyProperty.builder()
                        .lifecyclePolicyText(props.lifecyclePolicy().toJson()).build());
        if (withExclusion) {
            List<Object> filters = new ArrayList<>();
            for (String filter : props.mutableTagExclusions()) {
                filters.add(CfnRepository.ImageTagMutabilityExclusionFilterProperty.builder()
                        .imageTagMutabilityExclusionFilterType("WILDCARD")
                        .imageTagMutabilityExclusionFilterValue(filter).build());
            }
            builder.imageTagMutabilityExclusionFilters(filters);
        }
        RepositoryPolicy policy = props.repositoryPolicy();
        if (policy != null && !policy.isEmpty()) {
            builder.repositoryPolicyText(policy.toDocument(stack.partition(), stack.region()));
        }
        if (props.removalPolicy() == RemovalPolicy.DESTROY) {
            builder.emptyOnDelete(true);
        }
        if (!props.tags().isEmpty()) {
            List<CfnTag> tags = new ArrayList<>();
            props.sortedTags().forEach((k, v) -> tags.add(CfnTag.builder().key(k).value(v).build()));
            builder.tags(tags);
        }
        this.resource = builder.build();
        resource.applyRemovalPolicy(props.removalPolicy());
        List<String> organizations = policy == null ? List.of() : policy.grants().stream()
                .filter(g -> g.principal() instanceof RepositoryPrincipal.Organization)
                .map(g -> ((RepositoryPrincipal.Organization) g.principal()).organizationId())
                .distinct().toList();
        if (!organizations.isEmpty()) {
            // AwsSolutions-ECR1 flags any "*" principal; ours is only ever bound to the organisation.
            NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-ECR1")
                    .reason("The only * principal is bound by StringEquals aws:PrincipalOrgID to organisation "
                            + String.join(", ", organizations) + ", so no principal outside it has access.")
                    .build()));
        }

        if (withExclusion) {
            // The documented, validated and warned exception to immutable tags: EcrBlueprint-ECR2 would
            // otherwise fail the synthesis of a choice the platform file states (and must justify where the
            // profile requires immutable tags). Only this repository, only this rule.
            NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder()
                    .id("EcrBlueprint-ECR2")
                    .reason("IMMUTABLE_WITH_EXCLUSION: only tags matching " + props.mutableTagExclusions()
                            + " are mutable, every other tag stays immutable"
                            + (isBlank(props.mutableTagOverrideReason()) ? ""
                            : "; override reason: " + props.mutableTagOverrideReason()))
                    .build()));
            Annotations.of(this).addWarningV2(WARNING_MUTABLE_TAG_EXCLUSION, "repository \"" + repositoryName
                    + "\" uses IMMUTABLE_WITH_EXCLUSION: tags matching " + props.mutableTagExclusions()
                    + " can be moved to another image. This fails Security Hub ECR.2, Control Tower CT.ECR.PR.3 "
                    + "(blocked at deploy time where proactive controls run) and Checkov CKV_AWS_51"
                    + (isBlank(props.mutableTagOverrideReason()) ? ""
                    : "; override reason: " + props.mutableTagOverrideReason()));
        }
        if (props.exportOutputs()) {
            String exportPrefix = repositoryName.replaceAll("[^A-Za-z0-9-]", "-");
            output("RepositoryNameOutput", repositoryName, "name", exportPrefix + "-RepositoryName");
            output("RepositoryArnOutput", repositoryArn(), "ARN", exportPrefix + "-RepositoryArn");
            output("RepositoryUriOutput", repositoryUri(), "URI (docker push/pull address)",
                    exportPrefix + "-RepositoryUri");
        }
    }

    private void output(String id, String value, String what, String exportName) {
        CfnOutput.Builder.create(this, id)
                .value(value)
                .description("Repository " + what + " of " + repositoryName)
                .exportName(exportName)
                .build();
    }

    private static void validate(PrivateRepositoryProps props, StackValues stack) {
        List<String> problems = new ArrayList<>(RepositoryName.problems("repositoryName", props.repositoryName()));
        if (props.repositoryName() != null && Tokens.isUnresolved(props.repositoryName()) && props.exportOutputs()) {
            problems.add("repositoryName is unresolved, but the export names of the outputs are derived from it. "
                    + "Hint: write the name out, or set exportOutputs(false)");
        }

        if (props.lifecyclePolicy() == null || props.lifecyclePolicy().rules().isEmpty()) {
            problems.add("lifecyclePolicy " + (props.lifecyclePolicy() == null ? "is required" : "has no rules")
                    + ": without one, images pile up forever (cost, and old vulnerable images stay pullable). "
                    + "Hint: add at least one rule, e.g. expire untagged images after 14 days");
        }

        if (props.removalPolicy() == null) {
            problems.add("removalPolicy is required: RETAIN keeps the repository and its images when it leaves the "
                    + "stack, DESTROY deletes them. Hint: RETAIN for prod, DESTROY for dev");
        } else if (props.removalPolicy() == RemovalPolicy.SNAPSHOT) {
            problems.add("removalPolicy " + props.removalPolicy() + " is not supported for a repository: "
                    + "use RETAIN_ON_UPDATE_OR_DELETE (a rolled-back first create leaves nothing behind), RETAIN or DESTROY");
        }

        TagMutability mutability = props.tagMutability();
        List<String> filters = props.mutableTagExclusions();
        if (mutability == TagMutability.MUTABLE || mutability == TagMutability.MUTABLE_WITH_EXCLUSION) {
            problems.add("tagMutability " + mutability + " is not allowed: a tag that can be moved breaks "
                    + "rollbacks and audits (Security Hub ECR.2, Control Tower CT.ECR.PR.3, Checkov CKV_AWS_51). "
                    + "Hint: keep IMMUTABLE, or use IMMUTABLE_WITH_EXCLUSION with mutableTagExclusions([\"latest\"])");
        } else if (mutability == TagMutability.IMMUTABLE_WITH_EXCLUSION) {
            if (filters.isEmpty() || filters.size() > MAX_EXCLUSION_FILTERS) {
                problems.add("mutableTagExclusions " + filters + " is invalid: IMMUTABLE_WITH_EXCLUSION needs 1 to "
                        + MAX_EXCLUSION_FILTERS + " filters (got " + filters.size() + "). Hint: use [\"latest\"]");
            }
            Set<String> seen = new HashSet<>();
            for (String filter : filters) {
                if (filter == null || !EXCLUSION_FILTER.matcher(filter).matches()) {
                    problems.add("mutableTagExclusions filter \"" + filter + "\" is invalid: must be 1 to 128 "
                            + "characters of [0-9a-zA-Z._*-] (\"*\" is the wildcard). Hint: use \"latest\" or \"dev-*\"");
                } else if (filter.chars().allMatch(c -> c == '*')) {
                    problems.add("mutableTagExclusions filter \"" + filter + "\" is invalid: it matches every tag, "
                            + "which makes the repository MUTABLE. Hint: name the movable tags, e.g. \"latest\"");
                } else if (!seen.add(filter)) {
                    problems.add("mutableTagExclusions filter \"" + filter + "\" is listed twice: remove the duplicate");
                }
            }
            if (props.requireImmutableTags() && isBlank(props.mutableTagOverrideReason())) {
                problems.add("tagMutability IMMUTABLE_WITH_EXCLUSION is refused where requireImmutableTags is set "
                        + "(the prod profile): tags " + filters + " could be moved. Hint: keep IMMUTABLE, or give "
                        + "mutableTagOverrideReason(\"...why...\") to accept the Security Hub ECR.2 finding");
            }
        } else if (!filters.isEmpty()) {
            problems.add("mutableTagExclusions " + filters + " apply only with IMMUTABLE_WITH_EXCLUSION (tagMutability "
                    + "is " + mutability + "). Hint: drop mutableTagExclusions, or set "
                    + "tagMutability(IMMUTABLE_WITH_EXCLUSION)");
        }

        RepositoryPolicy policy = props.repositoryPolicy();
        if (policy != null && !policy.isEmpty()) {
            String region = stack.region();
            for (RepositoryPolicy.Grant grant : policy.grants()) {
                if (grant.principal() instanceof RepositoryPrincipal.LambdaFunctions lambda
                        && lambda.functionRegion() != null && !Tokens.isUnresolved(region)
                        && !lambda.functionRegion().equals(region)) {
                    problems.add("repositoryPolicy grants " + lambda.describe() + " in " + lambda.functionRegion()
                            + ", but the repository is in " + region + ": Lambda only pulls images from its own "
                            + "region. Hint: replicate the repository to " + lambda.functionRegion()
                            + " and grant it there");
                }
            }
            String partition = Tokens.isUnresolved(stack.partition()) ? RepositoryPolicy.LONGEST_PARTITION
                    : stack.partition();
            String sizeRegion = Tokens.isUnresolved(region) ? RepositoryPolicy.LONGEST_REGION : region;
            int length = policy.toJson(partition, sizeRegion).length();
            if (length > RepositoryPolicy.MAX_LENGTH) {
                problems.add("repositoryPolicy is " + length + " characters, over ECR's limit of "
                        + RepositoryPolicy.MAX_LENGTH + ": ECR would reject it at deploy time. Hint: grant whole "
                        + "accounts or the organisation instead of many single roles");
            }
        }

        if (props.tags().size() > MAX_TAGS) {
            problems.add("tags has " + props.tags().size() + " entries, over ECR's limit of " + MAX_TAGS
                    + ". Hint: move the rest to stack-level tags you really need");
        }
        props.sortedTags().forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || key.toLowerCase().startsWith("aws:")) {
                problems.add("tag key \"" + key + "\" is invalid: must be 1 to 128 characters and not start with "
                        + "\"aws:\". Hint: use \"team\"");
            }
            if (value.length() > 256) {
                problems.add("tag \"" + key + "\" value is " + value.length() + " characters, over 256: shorten it");
            }
        });

        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Lets {@code grantee} (a role) pull from this repository, through the role's customer-managed
     * {@link RepositoryPrincipalPolicy} for {@link Persona#PULLER}. No key permission is added: ECR decrypts
     * with its own grant.
     *
     * @return the managed policy now holding this repository
     * @param grantee the principal to grant to
     */
    public ManagedPolicy grantPull(IGrantable grantee) {
        return grant(grantee, Persona.PULLER, "grantPull");
    }

    /**
     * As {@link #grantPull(IGrantable)}, with the {@link Persona#PUBLISHER} actions.
     *
     * @param grantee the principal to grant to
     * @return the customer-managed policy that holds the grant
     */
    public ManagedPolicy grantPush(IGrantable grantee) {
        return grant(grantee, Persona.PUBLISHER, "grantPush");
    }

    private ManagedPolicy grant(IGrantable grantee, Persona persona, String method) {
        if (!(grantee.getGrantPrincipal() instanceof IRole role)) {
            throw new IllegalArgumentException(method + "(" + grantee.getGrantPrincipal() + ") is invalid: "
                    + "only IAM roles receive repository access (customer-managed policies attach to roles; no IAM "
                    + "users or access keys). Hint: pass the workload's or CI's role");
        }
        RepositoryPrincipalPolicy policy = RepositoryPrincipalPolicy.of(role, persona, this);
        policy.addRepository(repositoryArn());
        return policy.managedPolicy();
    }

    /**
     * The repository name, e.g. {@code shop/dev/user-service}.
     *
     * @return the repository name, e.g
     */
    public String repositoryName() {
        return repositoryName;
    }

    /**
     * {@code arn:<partition>:ecr:<region>:<account>:repository/<name>} (a token).
     *
     * @return the repository ARN
     */
    public String repositoryArn() {
        if (repositoryArn == null) {
            repositoryArn = resource.getAttrArn();
        }
        return repositoryArn;
    }

    /**
     * {@code <account>.dkr.ecr.<region>.<url suffix>/<name>}, the docker address.
     *
     * @return the repository URI
     */
    public String repositoryUri() {
        return stack.account() + ".dkr.ecr." + stack.region() + "." + stack.urlSuffix() + "/" + repositoryName;
    }

    /**
     * The key the repository is encrypted with.
     *
     * @return the key the repository is encrypted with
     */
    public IKey encryptionKey() {
        return encryptionKey;
    }

    /**
     * The L1 resource, for escape hatches.
     *
     * @return the L1 resource, for escape hatches
     */
    public CfnRepository resource() {
        return resource;
    }
}
