package stacks;

import constructs.observability.ReplicationFailureForwarder;
import constructs.observability.ReplicationFailureForwarderProps;
import constructs.registry.RegistryContribution;
import constructs.registry.RegistryScanType;
import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import constructs.registry.RegistrySettings;
import constructs.registry.RegistrySettingsProps;
import constructs.registry.SigningConfiguration;
import constructs.registry.SigningConfigurationProps;
import constructs.internal.SdkCallProvider;
import constructs.registry.AccountSettingName;
import constructs.registry.EcrAccountSetting;
import constructs.registry.EcrAccountSettingProps;
import constructs.registry.InspectorEcrRescan;
import constructs.registry.InspectorEcrRescanProps;
import platform.AccountSettings;
import platform.InspectorRescan;
import platform.Signing;
import validation.ControlTowerSettings;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.List;

/**
 * Registry-wide singletons, exactly once per account and region: environments that share an
 * account and region (dev and staging in the default example) share this stack.
 *
 * <p>Construct ids are API: {@value #TEMPLATE_KEY_ID} encrypts every repository ECR creates from a
 * template (replicas, cached base images); replacing it would orphan their encryption.
 */
public class RegistryStack extends Stack {

    /** The construct id of the creation templates' KMS key: API, a new id would replace the key. */
    public static final String TEMPLATE_KEY_ID = "TemplateKey";

    /**
     * The construct id of the repository key the environments of this account and region share ({@code sharedKey}):
     * API, a new id would replace the key their repositories are encrypted with.
     */
    public static final String SHARED_KEY_ID = "SharedRepositoryKey";

    private final IKey sharedKey;

    /**
     * The registry settings of one account and region.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param account the AWS account id (12 digits)
     * @param region the AWS region
     * @param contributions what each environment and platform-wide setting contributes ({@link RegistryPlan})
     * @param signing the managed-signing settings, or {@code null} for none
     * @param platformName the platform name, for names and tags
     */
    public RegistryStack(Construct scope, String id, String account, String region,
                         List<RegistryContribution> contributions, Signing signing, String platformName) {
        this(scope, id, account, region, contributions, signing, platformName, null, null);
    }

    /**
     * The registry settings of one account and region, with its ECR account settings and Inspector re-scan durations.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param account the AWS account id (12 digits)
     * @param region the AWS region
     * @param contributions what each environment and platform-wide setting contributes ({@link RegistryPlan})
     * @param signing the managed-signing settings, or {@code null} for none
     * @param platformName the platform name, for names and tags
     * @param accountSettings the ECR account settings to write, or {@code null} to leave them as they are
     * @param inspector Inspector's ECR re-scan durations to write, or {@code null} to leave them as they are
     */
    public RegistryStack(Construct scope, String id, String account, String region,
                         List<RegistryContribution> contributions, Signing signing, String platformName,
                         AccountSettings accountSettings, InspectorRescan inspector) {
        this(scope, id, account, region, contributions, signing, platformName, accountSettings, inspector, false);
    }

    /**
     * The registry settings of one account and region, with the repository key its environments may share.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param account the AWS account id (12 digits)
     * @param region the AWS region
     * @param contributions what each environment and platform-wide setting contributes ({@link RegistryPlan})
     * @param signing the managed-signing settings, or {@code null} for none
     * @param platformName the platform name, for names and tags
     * @param accountSettings the ECR account settings to write, or {@code null} to leave them as they are
     * @param inspector Inspector's ECR re-scan durations to write, or {@code null} to leave them as they are
     * @param sharedKey whether to create {@value #SHARED_KEY_ID}, the key of the environments here that set
     *                  {@code sharedKey} ({@link RegistryPlan#holdsSharedKey})
     */
    public RegistryStack(Construct scope, String id, String account, String region,
                         List<RegistryContribution> contributions, Signing signing, String platformName,
                         AccountSettings accountSettings, InspectorRescan inspector, boolean sharedKey) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(Environment.builder().account(account).region(region).build())
                .description("ecr-blueprint: registry settings for " + account + " in " + region)
                .build());
        boolean templates = contributions.stream().anyMatch(c -> !c.templates().isEmpty());
        // The same key policy as the environments' keys: ECR uses it through grants, and grants not
        // for AWS resources are denied (CT.KMS.PR.3).
        IKey templateKey = templates
                ? new RepositoryKey(this, TEMPLATE_KEY_ID, RepositoryKeyProps.builder()
                        .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                        .description("Encrypts repositories ECR creates from creation templates in " + region)
                        .build()).key()
                : null;
        // One key for the environments that share it: their repositories have the same key, so ECR mounts layers
        // between them. Its policy is every environment key's (the account's principals through ECR only); the
        // environments are all of this account and region, and their roles need no key permission (ECR decrypts with
        // the grant it creates per repository). Kept when the stack or the key leaves: images depend on it.
        this.sharedKey = sharedKey
                ? new RepositoryKey(this, SHARED_KEY_ID, RepositoryKeyProps.builder()
                        .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                        .alias(id + "-shared-ecr")
                        .description("Encrypts the Amazon ECR repositories of the " + platformName + " environments in "
                                + region + " that share one key (sharedKey)")
                        .build()).key()
                : null;
        RegistrySettings settings = new RegistrySettings(this, "Registry", new RegistrySettingsProps(contributions, templateKey));
        if (contributions.stream().flatMap(c -> c.templates().stream()).anyMatch(t -> "MUTABLE".equals(t.imageTagMutability()))) {
            DesignChoices.acknowledge(settings, DesignChoices.MUTABLE_CACHE_TEMPLATE, DesignChoices.MUTABLE_CACHE_TEMPLATE_REASON);
        }
        // No scanning where the registry's scanning is left as it is (registry.ownership: scanning existing).
        if (settings.scanning() != null && settings.scanning().scanType() == RegistryScanType.ENHANCED) {
            DesignChoices.acknowledge(settings, DesignChoices.ENHANCED_SCANNING_NEEDS_INSPECTOR,
                    DesignChoices.ENHANCED_SCANNING_NEEDS_INSPECTOR_REASON);
        }
        if (signing != null) {
            List<String> filters = signing.filters().isEmpty() ? List.of(platformName + "/*") : signing.filters();
            new SigningConfiguration(this, "Signing", SigningConfigurationProps.of(
                    new SigningConfigurationProps.Rule(signing.profileArn(), filters)));
        }
        if (accountSettings != null) {
            accountSetting(AccountSettingName.BASIC_SCAN_TYPE_VERSION, accountSettings.basicScanTypeVersion());
            accountSetting(AccountSettingName.REGISTRY_POLICY_SCOPE, accountSettings.registryPolicyScope());
            accountSetting(AccountSettingName.BLOB_MOUNTING, accountSettings.blobMounting());
        }
        if (inspector != null) {
            new InspectorEcrRescan(this, "InspectorEcrRescan", new InspectorEcrRescanProps(inspector.rescanDuration().name(),
                    inspector.pullDateRescanDuration() == null ? null : inspector.pullDateRescanDuration().name(),
                    inspector.pullDateRescanMode() == null ? null : inspector.pullDateRescanMode().name()));
        }
        SdkCallProvider.function(this).ifPresent(function -> ControlTowerSettings.exceptResource(function, "CT.LAMBDA.PR.3",
                "aws-cdk-lib's AwsCustomResource function calls only AWS APIs (ECR, Amazon Inspector) and CloudFormation's"
                        + " response URL while the stack deploys; it reaches no resource inside a VPC."));
        SdkCallProvider.logGroup(this).ifPresent(logGroup -> ControlTowerSettings.exceptResource(logGroup, "CT.CLOUDWATCH.PR.3",
                "The log group of aws-cdk-lib's AwsCustomResource function holds only which SDK calls it made, with request"
                        + " and response data hidden; CloudWatch Logs encrypts it at rest with its own key."));
    }

    /**
     * The repository key the environments of this account and region share, when one of them sets {@code sharedKey}.
     *
     * @return the key, or {@code null} when no environment here shares one
     */
    public IKey sharedKey() {
        return sharedKey;
    }

    /** One account setting, with the construct id of its name: API, since a new id would write it twice. */
    private void accountSetting(AccountSettingName name, Enum<?> value) {
        if (value != null) {
            new EcrAccountSetting(this, "AccountSetting" + constructId(name), EcrAccountSettingProps.of(name, value.name()));
        }
    }

    private static String constructId(AccountSettingName name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.name().split("_")) {
            id.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return id.toString();
    }

    /**
     * Sends the failed replications from each of {@code sourceRegions} into this region (same account) to the default
     * event bus of the source region, where the replicating environment's {@code RegistryFailureAlerts} reports them:
     * ECR sends "ECR Replication Action" in the destination region only.
     *
     * @param sourceRegions the regions of this account whose environments replicate here and alert on failures
     */
    public void forwardReplicationFailures(List<String> sourceRegions) {
        for (String source : sourceRegions) {
            new ReplicationFailureForwarder(this, "ReplicationFailuresTo-" + source,
                    ReplicationFailureForwarderProps.builder().sourceRegion(source).build());
        }
    }
}
