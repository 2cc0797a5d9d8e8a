package constructs.repository;

import constructs.access.Persona;
import constructs.internal.StackValues;
import constructs.internal.Tokens;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.TokenComparison;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.RepositoryBase;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AddToResourcePolicyResult;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalAndResourceOptions;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.GrantWithResourceOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IResourceWithPolicyV2;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.IUser;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
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
 * <p>It is an aws-cdk-lib {@link software.amazon.awscdk.services.ecr.IRepository} (it extends
 * {@link RepositoryBase}, as aws-cdk-lib's own {@code Repository} does), so it can be passed wherever aws-cdk-lib
 * takes one: {@code ContainerImage.fromEcrRepository}, {@code DockerImageCode.fromEcr},
 * {@code LinuxBuildImage.fromEcrRepository}, {@code onImageScanCompleted}, {@code repositoryUriForDigest}.
 *
 * <p>Enforced, whatever the props say: {@code ScanOnPush} true; {@code EncryptionConfiguration} written out
 * ({@code KMS} with a customer-managed key); a lifecycle policy with at least one rule; {@code MUTABLE} tags
 * refused; {@code EmptyOnDelete} only together with {@code DESTROY}.
 */
public class PrivateRepository extends RepositoryBase implements IResourceWithPolicyV2 {

    /** Stable id of the warning emitted when some tags stay movable. */
    public static final String WARNING_MUTABLE_TAG_EXCLUSION = "ecr-blueprint:mutableTagExclusion";

    /** Stable id of the warning emitted when a statement added to the repository policy names resources. */
    public static final String WARNING_POLICY_RESOURCES = "ecr-blueprint:repositoryPolicyResources";

    /** At most this many tag-mutability exclusion filters on one repository (ECR API reference). */
    public static final int MAX_EXCLUSION_FILTERS = limits.AwsLimits.ECR_TAG_MUTABILITY_EXCLUSIONS;
    private static final Pattern EXCLUSION_FILTER = Pattern.compile("[0-9a-zA-Z._*-]{1,128}");
    private static final int MAX_TAGS = 50;

    private final String repositoryName;
    private final CfnRepository resource;
    private final IKey encryptionKey;
    private final StackValues stack;
    private final RepositoryPolicy typedPolicy;
    /** Read once: the ARN is one token, and the outputs and every grant use it. */
    private final String repositoryArn;
    /** The repository policy once a statement is added through {@link #addToResourcePolicy}; null before. */
    private PolicyDocument policyDocument;
    private final List<PolicyStatement> addedStatements = new ArrayList<>();

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PrivateRepository(Construct scope, String id, PrivateRepositoryProps props) {
        super(scope, id, validated(scope, props));
        this.stack = StackValues.of(scope);

        this.repositoryName = props.repositoryName();
        this.typedPolicy = props.repositoryPolicy();
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
                        .encryptionType(props.encryption().getValue()).kmsKey(stack.keyArn(encryptionKey)).build())
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
        // As aws-cdk-lib's Repository: the attribute within this stack, the name-based ARN from another
        // account or region (a cross-environment grant).
        this.repositoryArn = getResourceArnAttribute(resource.getAttrArn(), ArnComponents.builder()
                .service("ecr").resource("repository").resourceName(repositoryName).build());
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
            // The documented, validated and warned exception to immutable tags: EcrBlueprint-ImmutableTags would
            // otherwise fail the synthesis of a choice the platform file states (and must justify where the
            // profile requires immutable tags). Only this repository, only this rule.
            NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder()
                    .id("EcrBlueprint-ImmutableTags")
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
            output("RepositoryArnOutput", getRepositoryArn(), "ARN", exportPrefix + "-RepositoryArn");
            output("RepositoryUriOutput", getRepositoryUri(), "URI (docker push/pull address)",
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

    /** Validates before the construct exists, so an invalid repository leaves nothing in the tree. */
    private static ResourceProps validated(Construct scope, PrivateRepositoryProps props) {
        validate(props, StackValues.of(scope));
        return ResourceProps.builder().physicalName(props.repositoryName()).build();
    }

    private static void validate(PrivateRepositoryProps props, StackValues stack) {
        List<String> problems = new ArrayList<>(RepositoryName.problems("repositoryName", props.repositoryName()));
        if (props.repositoryName() != null && Tokens.isUnresolved(props.repositoryName()) && props.exportOutputs()) {
            problems.add("repositoryName is unresolved, but the export names of the outputs are derived from it. "
                    + "Hint: write the name out, or set exportOutputs(false)");
        }

        // Only whether there is one: a LifecyclePolicy checks its rules when it is built.
        if (props.lifecyclePolicy() == null) {
            problems.add("lifecyclePolicy is required: without one, images pile up forever (cost, and old vulnerable images stay pullable). "
                    + "Hint: add at least one rule, e.g. expire untagged images after 14 days");
        }

        if (props.removalPolicy() == null) {
            problems.add("removalPolicy is required: RETAIN keeps the repository and its images when it leaves the "
                    + "stack, DESTROY deletes them. Hint: RETAIN for prod, DESTROY for dev");
        } else if (props.removalPolicy() == RemovalPolicy.SNAPSHOT) {
            problems.add("removalPolicy " + props.removalPolicy() + " is not supported for a repository: "
                    + "use RETAIN_ON_UPDATE_OR_DELETE (a rolled-back first create leaves nothing behind), RETAIN or DESTROY");
        }

        if (!"KMS".equals(props.encryption().getValue()) && !"KMS_DSSE".equals(props.encryption().getValue())) {
            problems.add("encryption " + props.encryption().getValue() + " is not allowed: images are encrypted with a"
                    + " customer-managed KMS key (Security Hub ECR.5)."
                    + " Hint: RepositoryEncryption.KMS (the default) or RepositoryEncryption.KMS_DSSE");
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
            for (RepositoryPolicy.PrincipalAccess grant : policy.grants()) {
                if (grant.principal() instanceof RepositoryPrincipal.LambdaFunctions lambda
                        && lambda.functionRegion() != null && !Tokens.isUnresolved(region)
                        && !lambda.functionRegion().equals(region)) {
                    problems.add("repositoryPolicy grants " + lambda.describe() + " in " + lambda.functionRegion()
                            + ", but the repository is in " + region + ": Lambda only pulls images from its own "
                            + "region. Hint: replicate the repository to " + lambda.functionRegion()
                            + " and grant it there");
                }
            }
            int length = policy.length(stack.partition(), region);
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
            if (key.isEmpty() || key.length() > limits.AwsLimits.ECR_TAG_KEY || key.toLowerCase().startsWith("aws:")) {
                problems.add("tag key \"" + key + "\" is invalid: must be 1 to " + limits.AwsLimits.ECR_TAG_KEY + " characters and not start with "
                        + "\"aws:\". Hint: use \"team\"");
            }
            if (value.length() > limits.AwsLimits.ECR_TAG_VALUE) {
                problems.add("tag \"" + key + "\" value is " + value.length() + " characters, over " + limits.AwsLimits.ECR_TAG_VALUE
                        + ": shorten it");
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
     * Lets {@code grantee} pull from this repository with exactly the {@link Persona#PULLER} actions, and log in
     * ({@value Persona#AUTHORIZATION_TOKEN_ACTION}). No key permission is added: ECR decrypts with its own grant.
     *
     * <ul>
     *   <li>An IAM role or user: through its customer-managed {@link RepositoryPrincipalPolicy} (never an inline
     *       policy); one of another account is also admitted by the repository policy, which names its
     *       account root with an {@code aws:PrincipalArn} condition (ECR rejects a policy naming a role that does
     *       not exist yet).</li>
     *   <li>Any other principal (a service such as {@code lambda.amazonaws.com}, an account, an organisation): as
     *       aws-cdk-lib does, through the principal's policy where it has one in this account, else through the
     *       repository policy.</li>
     * </ul>
     *
     * @param grantee the principal to grant to
     * @return aws-cdk-lib's grant: the principal statement, the repository-policy statement, or both
     */
    @Override
    public Grant grantPull(IGrantable grantee) {
        return grant(grantee, Persona.PULLER);
    }

    /**
     * As {@link #grantPull(IGrantable)}, with the {@link Persona#PUBLISHER} actions.
     *
     * @param grantee the principal to grant to
     * @return aws-cdk-lib's grant
     */
    @Override
    public Grant grantPush(IGrantable grantee) {
        return grant(grantee, Persona.PUBLISHER);
    }

    /**
     * As {@link #grantPull(IGrantable)}, with the {@link Persona#PROMOTER} actions (pull and push).
     *
     * @param grantee the principal to grant to
     * @return aws-cdk-lib's grant
     */
    @Override
    public Grant grantPullPush(IGrantable grantee) {
        return grant(grantee, Persona.PROMOTER);
    }

    private Grant grant(IGrantable grantee, Persona persona) {
        IPrincipal principal = grantee.getGrantPrincipal();
        List<String> arns = List.of(getRepositoryArn());
        if (principal instanceof IRole || principal instanceof IUser) {
            String identityAccount = accountOf(principal);
            boolean otherAccount = identityAccount != null
                    && Token.compareStrings(stack.account(), identityAccount) == TokenComparison.DIFFERENT;
            // A role or user of another account known only by its ARN gets no policy here: a policy in this account
            // cannot attach to it (aws-cdk-lib would attach an inline one to a namesake user of this account); its
            // own account grants it. The account principal takes the identity half of the grant and adds nothing.
            IGrantable identity = otherAccount && !(principal instanceof Construct) ? new AccountPrincipal(identityAccount)
                    : RepositoryPrincipalPolicy.of(principal, persona, this).grantee(principal);
            if (otherAccount) {
                String identityArn = principal instanceof IRole role ? role.getRoleArn() : ((IUser) principal).getUserArn();
                return Grant.addToPrincipalAndResource(GrantOnPrincipalAndResourceOptions.builder()
                        .grantee(identity).actions(persona.actions()).resourceArns(arns)
                        .resource(this).resourceSelfArns(List.of())
                        .resourcePolicyPrincipal(new AccountPrincipal(identityAccount).withConditions(Map.of(
                                "ArnEquals", Map.of("aws:PrincipalArn", identityArn))))
                        .build());
            }
            return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                    .grantee(identity).actions(persona.actions()).resourceArns(arns).build());
        }
        Grant grant = Grant.addToPrincipalOrResource(GrantWithResourceOptions.builder()
                .grantee(grantee).actions(persona.actions()).resourceArns(arns)
                .resource(this).resourceSelfArns(List.of()).build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(grantee)
                .actions(List.of(Persona.AUTHORIZATION_TOKEN_ACTION)).resourceArns(List.of("*")).build());
        return grant;
    }

    /**
     * The principal's account. aws-cdk-lib gives a user imported by ARN ({@code User.fromUserArn}) the importing
     * stack's account whatever its ARN says; a managed policy here would then name a user of another account (or
     * a namesake of this one), so the account is read from the ARN.
     */
    private static String accountOf(IPrincipal principal) {
        if (principal instanceof IUser user && !(principal instanceof Construct)) {
            String arn = user.getUserArn();
            if (!Token.isUnresolved(arn)) {
                return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).getAccount();
            }
        }
        return principal.getPrincipalAccount();
    }

    /**
     * Adds a statement to the repository policy (aws-cdk-lib's grants call this for principals outside the
     * account, and for services). The typed {@link PrivateRepositoryProps#repositoryPolicy()} statements stay
     * first; the document is checked late, with every statement in it.
     *
     * @param statement a statement with a principal and no resources
     * @return that the statement was added, and the repository to depend on
     */
    @Override
    public AddToResourcePolicyResult addToResourcePolicy(PolicyStatement statement) {
        if (!statement.getResources().isEmpty()) {
            Annotations.of(this).addWarningV2(WARNING_POLICY_RESOURCES, "a statement added to the repository policy "
                    + "of \"" + repositoryName + "\" names resources " + statement.getResources() + ": a repository "
                    + "policy applies to its repository and ECR rejects a Resource element. Hint: leave resources out");
        }
        if (policyDocument == null) {
            RepositoryPolicy typed = typedPolicy == null ? RepositoryPolicy.builder().build() : typedPolicy;
            policyDocument = typed.toPolicyDocument(stack.partition(), stack.region());
            resource.setRepositoryPolicyText(policyDocument);
            getNode().addValidation(this::validateAddedStatements);
        }
        policyDocument.addStatements(statement);
        addedStatements.add(statement);
        return AddToResourcePolicyResult.builder().statementAdded(true).policyDependable(this).build();
    }

    /**
     * What IAM requires of a statement of a resource policy, except a {@code Resource}, which a repository
     * policy has not (it applies to its repository); and ECR's size limit on the whole document, which only now holds
     * every added statement.
     */
    private List<String> validateAddedStatements() {
        List<String> problems = new ArrayList<>();
        for (PolicyStatement statement : addedStatements) {
            statement.validateForAnyPolicy().forEach(error -> problems.add("repository policy of \""
                    + repositoryName + "\": " + error));
            if (!statement.getHasPrincipal()) {
                problems.add("repository policy of \"" + repositoryName + "\": a statement names no principal. "
                        + "Hint: grant to a principal (an account, a role, a service)");
            }
        }
        int length = RepositoryPolicy.length(this, policyDocument);
        if (length > RepositoryPolicy.MAX_LENGTH) {
            problems.add("repository policy of \"" + repositoryName + "\" is " + length + " characters with the "
                    + addedStatements.size() + " statements added to it, over ECR's limit of " + RepositoryPolicy.MAX_LENGTH
                    + ": ECR would reject it at deploy time. Hint: merge the added statements (one statement can list"
                    + " several principals and actions), or grant whole accounts instead of single roles");
        }
        return problems;
    }

    /**
     * The repository name.
     *
     * @return the repository name, e.g. {@code shop/dev/user-service}
     */
    @Override
    public String getRepositoryName() {
        return repositoryName;
    }

    /**
     * The repository ARN: the attribute within this stack, the name-based ARN from another account or region.
     *
     * @return {@code arn:<partition>:ecr:<region>:<account>:repository/<name>} (a token)
     */
    @Override
    public String getRepositoryArn() {
        return repositoryArn;
    }

    /**
     * The docker address.
     *
     * @return {@code <account>.dkr.ecr.<region>.<url suffix>/<name>}
     */
    @Override
    public String getRepositoryUri() {
        return stack.account() + ".dkr.ecr." + stack.region() + "." + stack.urlSuffix() + "/" + repositoryName;
    }

    /**
     * The key the repository is encrypted with.
     *
     * @return the customer-managed key
     */
    public IKey getEncryptionKey() {
        return encryptionKey;
    }

    /**
     * The L1 resource, for escape hatches.
     *
     * @return the {@code AWS::ECR::Repository}
     */
    public CfnRepository getResource() {
        return resource;
    }
}
