package examples;

import constructs.access.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented constructs-only example synthesizes, with schema validation on, to compliant repositories, and
 * each aws-cdk-lib API it hands a {@code PrivateRepository} to (ECS, Lambda, CodeBuild, EventBridge, the digest URI)
 * produces what that API produces for aws-cdk-lib's own repository, with our grants.
 */
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
        assertThat(template.findResources("AWS::ECR::Repository", Map.of("Properties", Map.of(
                "RepositoryName", "orders/orders-worker")))).asString().doesNotContain("777788889999");
    }

    static Map<String, Object> arnOf(String logicalIdPrefix) {
        return Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^" + logicalIdPrefix + ".*"), "Arn"));
    }

    @Test
    void theEcsTaskRunsTheApiImageByDigestAndItsExecutionRolePullsThroughACustomerManagedPolicy() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", "api",
                        "Image", Match.objectLike(Map.of("Fn::Join", Match.anyValue()))))),
                "ExecutionRoleArn", arnOf("TaskExecutionRole")));
        assertThat(template.findResources("AWS::ECS::TaskDefinition").toString())
                .contains("/orders/orders-api@" + ConstructsOnlyApp.API_DIGEST);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^TaskExecutionRole.*"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        Map.of("Sid", "RepositoryActions", "Action", Persona.PULLER.actions(),
                                "Resource", arnOf("ordersapi")),
                        Map.of("Sid", "GetAuthorizationToken", "Resource", "*")))));
        template.resourcePropertiesCountIs("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^TaskExecutionRole.*")))), 0);
    }

    @Test
    void theLambdaFunctionRunsTheWorkerImageAndTheLambdaServiceIsLetInByTheRepositoryPolicy() {
        assertThat(template.findResources("AWS::Lambda::Function").toString())
                .contains("/orders/orders-worker@" + ConstructsOnlyApp.API_DIGEST);
        template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                "RepositoryName", "orders/orders-worker",
                "RepositoryPolicyText", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com"),
                        "Action", Persona.PULLER.actions())))));
    }

    @Test
    void theCodeBuildProjectRunsInTheApiImageAndItsRolePullsThroughACustomerManagedPolicy() {
        template.hasResourceProperties("AWS::CodeBuild::Project", Map.of("Environment", Match.objectLike(Map.of(
                "ImagePullCredentialsType", "SERVICE_ROLE"))));
        assertThat(template.findResources("AWS::CodeBuild::Project").toString()).contains("/orders/orders-api:v1.4.2");
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^IntegrationTestsRole.*"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        Map.of("Sid", "RepositoryActions", "Action", Persona.PULLER.actions(),
                                "Resource", arnOf("ordersapi")),
                        Map.of("Sid", "GetAuthorizationToken", "Resource", "*")))));
    }

    @Test
    void theScanRuleMatchesTheApiRepositoryAndTag() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Map.of(
                "source", List.of("aws.ecr"),
                "detail-type", List.of("ECR Image Scan"),
                "detail", Map.of("repository-name", List.of("orders/orders-api"),
                        "scan-status", List.of("COMPLETE"),
                        "image-tags", List.of("v1.4.2")))));
    }

    @Test
    void theOutputNamesTheApiImageByDigest() {
        assertThat(template.findOutputs("ApiImage").toString())
                .contains("/orders/orders-api@" + ConstructsOnlyApp.API_DIGEST);
    }
}
