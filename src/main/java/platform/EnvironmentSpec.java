package platform;

import java.util.List;

/** One deployment environment: a stack {@code <platform>-<name>} in one account and region. */
public record EnvironmentSpec(
        @Field(required = true, pattern = NameFormats.NAME, value = "Short name, part of the stack name (<platform>-<name>) and of repository names.")
        String name,
        @Field(required = true, pattern = NameFormats.ACCOUNT, value = "The 12-digit AWS account id, quoted.")
        String account,
        @Field(required = true, pattern = NameFormats.REGION, value = "The AWS region, e.g. eu-west-1.")
        String region,
        @Field(required = true, value = "The environment profile whose defaults apply: dev, staging or prod.")
        Profile profile,
        @Field("The AWS CLI profile for deploying this environment by hand. Default: the default credentials.")
        String awsProfile,
        @Field(pattern = NameFormats.REGION, value = "Regions the environment's repositories are replicated to (same account). Default: none.")
        List<String> replicaRegions,
        @Field("Where scan-finding alerts go and from which severity. Default: the profile decides whether alerts exist; no subscriptions.")
        Alerts alerts,
        @Field("An existing VPC (given by ids, no lookups) that gets ECR endpoints. Default: no endpoints.")
        Vpc vpc,
        @Field("Changes to the profile's defaults for this environment. Default: none.")
        ProfileOverrides overrides,
        @Field("This environment's repository naming scheme. Default: the platform's repositoryNaming.")
        String repositoryNaming,
        @Field("KMS or KMS_DSSE (dual-layer) encryption of the environment's repositories, always with its KMS key;"
                + " fixed once a repository exists (ECR cannot change it, and the fixed name makes CloudFormation refuse a"
                + " replacement). Default: KMS.")
        EncryptionType encryption,
        @Field("Encrypt the repositories with the one KMS key of this platform's registry stack of the environment's account"
                + " and region, shared by every environment there that sets sharedKey, so that blob mounting works across them"
                + " (ECR mounts a layer only between repositories of the same encryption type and key). Chosen when the"
                + " environment is created: ECR cannot change a repository's key, and the fixed repository names make"
                + " CloudFormation refuse the replacement. Not with delivery. Default: false, a key of the environment's own.")
        boolean sharedKey,
        @Field("Per-repository image count and storage published to CloudWatch by a scheduled function, on the"
                + " environment's dashboard, with an alarm near the images-per-repository quota where the environment has"
                + " alerts. Default: off.")
        UsageMetrics usageMetrics) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param name short name, part of the stack name (&lt;platform&gt;-&lt;name&gt;) and of repository names.
     * @param account the 12-digit AWS account id, quoted.
     * @param region the AWS region, e.g. eu-west-1.
     * @param profile the environment profile whose defaults apply: dev, staging or prod.
     * @param awsProfile the AWS CLI profile for deploying this environment by hand. Default: the default credentials.
     * @param replicaRegions regions the environment's repositories are replicated to (same account). Default: none.
     * @param alerts where scan-finding alerts go and from which severity. Default: the profile decides whether alerts exist; no subscriptions.
     * @param vpc an existing VPC (given by ids, no lookups) that gets ECR endpoints. Default: no endpoints.
     * @param overrides changes to the profile's defaults for this environment. Default: none.
     * @param repositoryNaming this environment's repository naming scheme. Default: the platform's repositoryNaming.
     * @param encryption KMS or KMS_DSSE encryption of the environment's repositories. Default: KMS.
     * @param sharedKey the repositories use the registry stack's key shared by the environments of the account and
     *                  region that set it. Default: false, the environment's own key.
     * @param usageMetrics per-repository image count and storage metrics with a quota alarm. Default: off.
     */
    public EnvironmentSpec {
        replicaRegions = replicaRegions == null ? List.of() : List.copyOf(replicaRegions);
        overrides = overrides == null ? ProfileOverrides.NONE : overrides;
        encryption = encryption == null ? EncryptionType.KMS : encryption;
    }

    /**
     * An environment without usage metrics (before {@code usageMetrics}).
     *
     * @param name short name, part of the stack name and of repository names
     * @param account the 12-digit AWS account id
     * @param region the AWS region
     * @param profile the environment profile whose defaults apply
     * @param awsProfile the AWS CLI profile for deploying by hand
     * @param replicaRegions regions the environment's repositories are replicated to
     * @param alerts where scan-finding alerts go
     * @param vpc an existing VPC that gets ECR endpoints
     * @param overrides changes to the profile's defaults
     * @param repositoryNaming this environment's repository naming scheme
     * @param encryption KMS or KMS_DSSE encryption of the environment's repositories
     * @param sharedKey the repositories use the registry stack's shared key
     */
    public EnvironmentSpec(String name, String account, String region, Profile profile, String awsProfile,
                           List<String> replicaRegions, Alerts alerts, Vpc vpc, ProfileOverrides overrides,
                           String repositoryNaming, EncryptionType encryption, boolean sharedKey) {
        this(name, account, region, profile, awsProfile, replicaRegions, alerts, vpc, overrides, repositoryNaming,
                encryption, sharedKey, null);
    }

    /**
     * An environment encrypted with KMS (before {@code encryption}).
     *
     * @param name short name, part of the stack name and of repository names
     * @param account the 12-digit AWS account id
     * @param region the AWS region
     * @param profile the environment profile whose defaults apply
     * @param awsProfile the AWS CLI profile for deploying by hand
     * @param replicaRegions regions the environment's repositories are replicated to
     * @param alerts where scan-finding alerts go
     * @param vpc an existing VPC that gets ECR endpoints
     * @param overrides changes to the profile's defaults
     * @param repositoryNaming this environment's repository naming scheme
     */
    public EnvironmentSpec(String name, String account, String region, Profile profile, String awsProfile,
                           List<String> replicaRegions, Alerts alerts, Vpc vpc, ProfileOverrides overrides,
                           String repositoryNaming) {
        this(name, account, region, profile, awsProfile, replicaRegions, alerts, vpc, overrides, repositoryNaming, null, false, null);
    }

    /**
     * An environment with its own key (before {@code sharedKey}).
     *
     * @param name short name, part of the stack name and of repository names
     * @param account the 12-digit AWS account id
     * @param region the AWS region
     * @param profile the environment profile whose defaults apply
     * @param awsProfile the AWS CLI profile for deploying by hand
     * @param replicaRegions regions the environment's repositories are replicated to
     * @param alerts where scan-finding alerts go
     * @param vpc an existing VPC that gets ECR endpoints
     * @param overrides changes to the profile's defaults
     * @param repositoryNaming this environment's repository naming scheme
     * @param encryption KMS or KMS_DSSE encryption of the environment's repositories
     */
    public EnvironmentSpec(String name, String account, String region, Profile profile, String awsProfile,
                           List<String> replicaRegions, Alerts alerts, Vpc vpc, ProfileOverrides overrides,
                           String repositoryNaming, EncryptionType encryption) {
        this(name, account, region, profile, awsProfile, replicaRegions, alerts, vpc, overrides, repositoryNaming, encryption, false, null);
    }

    /**
     * An environment with only the required keys.
     *
     * @param name the environment name
     * @param account the AWS account id (12 digits)
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @param profile the environment profile
     * @return an environment with only the required keys
     */
    public static EnvironmentSpec of(String name, String account, String region, Profile profile) {
        return new EnvironmentSpec(name, account, region, profile, null, null, null, null, null, null);
    }
}
