package stacks;

import constructs.registry.RegistryContribution;
import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import constructs.registry.RegistrySettings;
import constructs.registry.RegistrySettingsProps;
import constructs.registry.SigningConfiguration;
import constructs.registry.SigningConfigurationProps;
import platform.Signing;
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
        new RegistrySettings(this, "Registry", new RegistrySettingsProps(contributions, templateKey));
        if (signing != null) {
            List<String> filters = signing.filters().isEmpty() ? List.of(platformName + "/*") : signing.filters();
            new SigningConfiguration(this, "Signing", SigningConfigurationProps.of(
                    new SigningConfigurationProps.Rule(signing.profileArn(), filters)));
        }
    }
}
