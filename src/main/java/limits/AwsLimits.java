package limits;

/**
 * The AWS limits this project checks before deployment, each defined once: the platform validator, the constructs
 * and the compliance rules all read them here, so `validate`, synthesis and the cdk-nag rules cannot disagree.
 * Each constant names the page it comes from.
 */
public final class AwsLimits {

    private AwsLimits() {
    }

    // --- IAM: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html -----------------------

    /** A role name. */
    public static final int IAM_ROLE_NAME = 64;
    /** A customer-managed policy, whitespace excluded. */
    public static final int IAM_MANAGED_POLICY = 6_144;
    /** A role trust policy at the default quota (raisable to 4,096 through Service Quotas). */
    public static final int IAM_TRUST_POLICY = 2_048;

    // --- ECR: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html and
    // --- https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html ----------------------------

    /** A private repository name (2 to 256 characters). */
    public static final int ECR_REPOSITORY_NAME = 256;
    /** A repository policy or registry policy text (SetRepositoryPolicy, PutRegistryPolicy: policyText). */
    public static final int ECR_POLICY_TEXT = 10_240;
    /** A tag key of a repository (TagResource, Tag: keys of at most 128 characters). */
    public static final int ECR_TAG_KEY = 128;
    /** A tag value of a repository (TagResource, Tag: values of at most 256 characters). */
    public static final int ECR_TAG_VALUE = 256;
    /** Tag filters of an IMMUTABLE_WITH_EXCLUSION repository (PutImageTagMutability: 1 to 5). */
    public static final int ECR_TAG_MUTABILITY_EXCLUSIONS = 5;
    /** Rules of a registry's scanning configuration (PutRegistryScanningConfiguration: rules, at most 2). */
    public static final int ECR_SCANNING_RULES = 2;
    /** One filter of a scanning rule (ScanningRepositoryFilter.filter: 1 to 255 characters). */
    public static final int ECR_SCANNING_FILTER = 255;
    /** Replication rules of a registry's replication configuration (PutReplicationConfiguration). */
    public static final int ECR_REPLICATION_RULES = 10;
    /** Unique destinations across all replication rules of a registry. */
    public static final int ECR_REPLICATION_DESTINATIONS = 25;
    /** Repository filters of one replication, scanning or signing rule. */
    public static final int ECR_FILTERS_PER_RULE = 100;
    /** Pull-through cache rules of a registry. */
    public static final int ECR_PULL_THROUGH_CACHE_RULES = 50;
    /**
     * Images per repository, the default of an adjustable quota (Service Quotas: Amazon ECR, "Images per repository").
     * The quotas page on docs.aws.amazon.com gives 10,000; a newer copy of it (docs.amazonaws.cn) gives 100,000. Alarms
     * take the lower value unless told the quota applied to the account.
     */
    public static final int ECR_IMAGES_PER_REPOSITORY = 10_000;
    /** Images in one DescribeImages page (maxResults: 1 to 1,000). */
    public static final int ECR_DESCRIBE_IMAGES_PAGE = 1_000;

    // --- ECR Public: https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/API_RepositoryCatalogDataInput.html

    /** A public repository name (CreateRepository: 2 to 205 characters). */
    public static final int ECR_PUBLIC_REPOSITORY_NAME = 205;
    /** The catalog's short description. */
    public static final int ECR_PUBLIC_DESCRIPTION = 1_024;
    /** The catalog's about text and usage text, each. */
    public static final int ECR_PUBLIC_TEXT = 25_600;

    // --- ECR creation templates: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepositoryCreationTemplate.html

    /** A repository creation template's prefix (CreateRepositoryCreationTemplate: prefix, 1 to 256). */
    public static final int ECR_CREATION_TEMPLATE_PREFIX = 256;
    /** A repository creation template's description (CreateRepositoryCreationTemplate: description, 0 to 256). */
    public static final int ECR_CREATION_TEMPLATE_DESCRIPTION = 256;

    // --- ECR managed signing: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutSigningConfiguration.html

    /** Rules of a registry's signing configuration. */
    public static final int ECR_SIGNING_RULES = 10;
    /** One signing repository filter (WILDCARD_MATCH), 1 to 256 characters. */
    public static final int ECR_SIGNING_FILTER = 256;

    // --- EventBridge: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html ---------------

    /** A rule name. */
    public static final int EVENTBRIDGE_RULE_NAME = 64;

    // --- CloudWatch: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html ------

    /** Different metrics in one PutMetricData request. */
    public static final int CLOUDWATCH_METRICS_PER_PUT = 1_000;

    // --- CloudFormation: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html

    /** A stack name. */
    public static final int CLOUDFORMATION_STACK_NAME = 128;

    /**
     * Branch patterns one CodePipeline trigger filter includes: GitBranchFilterCriteria includes, "Maximum number of 8 items".
     * Source: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitBranchFilterCriteria.html
     */
    public static final int CODEPIPELINE_TRIGGER_BRANCHES = 8;
}
