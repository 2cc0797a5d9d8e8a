package examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

/** The documented constructs-only example synthesizes, with schema validation on, to compliant repositories. */
@Tag("validated")
class ConstructsOnlyAppTest {

    static Template template;

    @BeforeAll
    static void synthesize() {
        App app = new App(AppProps.builder().analyticsReporting(false).build());
        template = Template.fromStack(ConstructsOnlyApp.build(app));
        app.synth();
    }

    @Test
    void bothRepositoriesAreImmutableScannedAndEncryptedWithTheSharedKey() {
        template.resourceCountIs("AWS::KMS::Key", 1);
        for (String name : List.of("orders/orders-api", "orders/orders-worker")) {
            template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", name,
                    "ImageTagMutability", "IMMUTABLE",
                    "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                    "EncryptionConfiguration", Map.of("EncryptionType", "KMS",
                            "KmsKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RepositoryKey.*"), "Arn")))));
        }
    }

    @Test
    void thePartnerAccountMayPullTheApiOnly() {
        template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "RepositoryName", "orders/orders-api",
                "RepositoryPolicyText", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Sid", "PullAccount777788889999",
                        "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"))))))));
        template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "RepositoryName", "orders/orders-worker",
                "RepositoryPolicyText", Match.absent()));
    }

    @Test
    void theTaskExecutionRolePullsThroughACustomerManagedPolicy() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("TaskExecutionRole.*")))));
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }
}
