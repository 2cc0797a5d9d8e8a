package constructs.registry;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

import java.util.List;
import java.util.Map;

import static constructs.registry.CreationTemplateAppliedFor.REPLICATION;
import static constructs.registry.RegistryScanFrequency.CONTINUOUS_SCAN;
import static constructs.registry.RegistryScanFrequency.SCAN_ON_PUSH;

/** Every registry resource type, synthesized with CloudFormation schema validation on. */
@Tag("validated")
class RegistrySettingsValidatedTest {

    @Test
    void everyRegistryResourceSynthesizesUnderSchemaValidation() {
        Stack stack = RegistryTestSupport.stack("222222222222", "eu-west-1");
        RegistryContribution prod = RegistrySettingsTest.environment("prod", RegistrySettingsTest.PROD_DOCKER);
        new RegistrySettings(stack, "Registry", RegistrySettingsProps.builder()
                .encryptionKey(Key.Builder.create(stack, "Key").enableKeyRotation(true).build())
                .contribution(new RegistryContribution(prod.source(),
                        RegistryScanningProps.builder().scanType(RegistryScanType.ENHANCED)
                                .rules(RegistryScanningRule.of(CONTINUOUS_SCAN, "shop/prod/*"),
                                        RegistryScanningRule.of(SCAN_ON_PUSH, "ecr-public/*", "docker-hub/*", "replicas/*"))
                                .build(),
                        RegistryReplicationProps.builder().rule(ReplicationRule.of(
                                List.of(ReplicationDestination.of("eu-central-1", "222222222222")), "shop/prod/")).build(),
                        RegistryPolicyProps.of(RegistryPolicyStatement.allowReplicationFrom("111111111111", true, "replicas")),
                        prod.cacheRules(),
                        List.of(prod.templates().get(0), prod.templates().get(1),
                                RepositoryCreationTemplateProps.builder().prefix("replicas").appliedFor(REPLICATION)
                                        .lifecyclePolicy(RepositoryCreationTemplateTest.EXPIRE_UNTAGGED).build()),
                        List.of("arn:aws:iam::222222222222:role/shop-prod-promoter")))
                .build());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of("ScanType", "ENHANCED"));
        template.hasResourceProperties("AWS::ECR::PullTimeUpdateExclusion",
                Map.of("PrincipalArn", "arn:aws:iam::222222222222:role/shop-prod-promoter"));
    }
}
