package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lifecycle.LifecyclePolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import snapshots.Synthesis;
import software.amazon.awscdk.App;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default example as deployed: what the platform engineer gets from {@code npx cdk synth}, read
 * from the synthesized templates (schema validation and cdk-nag on).
 */
@Tag("validated")
class EcommerceStacksTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Platform platform;
    static Synthesis synthesis;

    @BeforeAll
    static void synthesize() {
        platform = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));
        App app = SnapshotApp.create();
        PlatformStacks.create(app, platform);
        synthesis = Synthesis.of(app);
    }

    /** The template with {@code Fn::Join}s over {@code AWS::Partition} written out, as deployed in the aws partition. */
    static JsonNode template(String stack) {
        return literal(synthesis.template(stack));
    }

    static JsonNode literal(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::Join") && node.get("Fn::Join").get(0).asText().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : node.get("Fn::Join").get(1)) {
                JsonNode literal = literal(part);
                if (literal.isTextual()) {
                    text.append(literal.asText());
                } else if (literal.path("Ref").asText().equals("AWS::Partition")) {
                    text.append("aws");
                } else {
                    return node;
                }
            }
            return JsonNodeFactory.instance.textNode(text.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), literal(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(literal(e)));
            return copy;
        }
        return node;
    }

    static List<JsonNode> resources(String stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        template(stack).get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }

    static JsonNode role(String stack, String roleName) {
        return resources(stack, "AWS::IAM::Role").stream()
                .filter(r -> r.at("/Properties/RoleName").asText().equals(roleName)).findFirst().orElseThrow();
    }

    static JsonNode policyOf(String stack, String roleLogicalId) {
        return resources(stack, "AWS::IAM::ManagedPolicy").stream()
                .filter(p -> p.at("/Properties/Roles/0/Ref").asText().equals(roleLogicalId)).findFirst().orElseThrow()
                .at("/Properties/PolicyDocument");
    }

    static String logicalId(String stack, JsonNode resource) {
        var ids = new ArrayList<String>();
        template(stack).get("Resources").properties().forEach(e -> {
            if (e.getValue().equals(resource)) {
                ids.add(e.getKey());
            }
        });
        return ids.get(0);
    }

    static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    @Test
    void everyRepositoryIsImmutableScannedEncryptedWithItsEnvironmentsKeyAndItsLifecyclePolicyParsesBack() {
        for (var env : platform.environments()) {
            String stack = StackNames.environment("shop", env.name());
            List<JsonNode> repositories = resources(stack, "AWS::ECR::Repository");
            assertThat(repositories).hasSize(4);
            String key = resources(stack, "AWS::KMS::Key").stream().map(k -> logicalId(stack, k))
                    .filter(id -> id.startsWith(EnvironmentStack.KEY_ID)).findFirst().orElseThrow();
            for (JsonNode repository : repositories) {
                JsonNode p = repository.get("Properties");
                assertThat(p.get("ImageTagMutability").asText()).isEqualTo("IMMUTABLE");
                assertThat(p.at("/ImageScanningConfiguration/ScanOnPush").asBoolean()).isTrue();
                assertThat(p.at("/EncryptionConfiguration/EncryptionType").asText()).isEqualTo("KMS");
                assertThat(p.at("/EncryptionConfiguration/KmsKey")).isEqualTo(json(Map.of("Fn::GetAtt", List.of(key, "Arn"))));
                String text = p.at("/LifecyclePolicy/LifecyclePolicyText").asText();
                LifecyclePolicy parsed = LifecyclePolicy.parse(text);
                assertThat(parsed.toJson()).isEqualTo(text);
                assertThat(parsed).isEqualTo(platform.lifecyclePolicy(env, platform.profile(env)));
            }
        }
    }

    @Test
    void prodRepositoriesAndKeyAreRetainedAndDevIsEmptiedOnDelete() {
        for (JsonNode repository : resources("shop-prod", "AWS::ECR::Repository")) {
            // RETAIN_ON_UPDATE_OR_DELETE: kept on update, replacement and deletion; gone only if its own create rolls back
            assertThat(repository.get("DeletionPolicy").asText()).isEqualTo("RetainExceptOnCreate");
            assertThat(repository.get("UpdateReplacePolicy").asText()).isEqualTo("Retain");
            assertThat(repository.at("/Properties/EmptyOnDelete").isMissingNode()).isTrue();
        }
        assertThat(resources("shop-prod", "AWS::KMS::Key").get(0).get("DeletionPolicy").asText()).isEqualTo("RetainExceptOnCreate");
        for (JsonNode repository : resources("shop-dev", "AWS::ECR::Repository")) {
            assertThat(repository.get("DeletionPolicy").asText()).isEqualTo("Delete");
            assertThat(repository.at("/Properties/EmptyOnDelete").asBoolean()).isTrue();
        }
        assertThat(resources("shop-dev", "Custom::ECRAutoDeleteImages")).isEmpty();
    }

    @Test
    void eachProdPromoterPullsItsStagingRepositoryPushesItsProdRepositoryAndNothingElse() {
        List<String> services = List.of("user-service", "product-service", "order-service", "payment-service");
        for (String service : services) {
            JsonNode role = role("shop-prod", "shop-prod-" + service + "-promoter");
            JsonNode policy = policyOf("shop-prod", logicalId("shop-prod", role));
            JsonNode repository = resources("shop-prod", "AWS::ECR::Repository").stream()
                    .filter(r -> r.at("/Properties/RepositoryName").asText().equals("shop/prod/" + service)).findFirst().orElseThrow();
            assertThat(policy).as(service).isEqualTo(json(Map.of(
                    "Version", "2012-10-17",
                    "Statement", List.of(
                            Map.of("Sid", "PullFromSource", "Effect", "Allow",
                                    "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                                    "Resource", List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/staging/" + service)),
                            Map.of("Sid", "PushToTarget", "Effect", "Allow",
                                    "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                                            "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"),
                                    "Resource", List.of(Map.of("Fn::GetAtt", List.of(logicalId("shop-prod", repository), "Arn")))),
                            Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                    "Action", List.of("ecr:GetAuthorizationToken"), "Resource", List.of("*"))))));
            assertThat(policy.toString()).doesNotContain("Delete").doesNotContain("ecr:*").doesNotContain("Policy\"");
        }
    }

    @Test
    void eachProdPromoterIsAssumedOnlyFromItsServicesRepositoryInTheProdGitHubEnvironment() {
        for (String service : List.of("user-service", "product-service", "order-service", "payment-service")) {
            JsonNode role = role("shop-prod", "shop-prod-" + service + "-promoter");
            assertThat(role.at("/Properties/AssumeRolePolicyDocument")).as(service).isEqualTo(json(Map.of(
                    "Version", "2012-10-17",
                    "Statement", List.of(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("Federated", "arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com"),
                            "Action", "sts:AssumeRoleWithWebIdentity",
                            "Condition", Map.of("StringEquals", Map.of(
                                    "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                                    "token.actions.githubusercontent.com:sub", List.of(
                                            "repo:example-shop/" + service + ":environment:prod"))))))));
            assertThat(role.at("/Properties/MaxSessionDuration").asInt()).isEqualTo(3600);
        }
    }

    @Test
    void stagingRepositoriesLetTheirProdPromoterPullThroughItsAccountRootWhateverTheDeployOrder() {
        for (JsonNode repository : resources("shop-staging", "AWS::ECR::Repository")) {
            String service = repository.at("/Properties/RepositoryName").asText().substring("shop/staging/".length());
            JsonNode statements = repository.at("/Properties/RepositoryPolicyText/Statement");
            assertThat(statements).hasSize(1);
            JsonNode statement = statements.get(0);
            assertThat(statement.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::222222222222:root");
            assertThat(statement.at("/Condition/ArnEquals/aws:PrincipalArn").asText())
                    .isEqualTo("arn:aws:iam::222222222222:role/shop-prod-" + service + "-promoter");
            assertThat(statement.get("Action")).isEqualTo(json(List.of(
                    "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")));
            assertThat(statement.has("Resource")).isFalse();
        }
    }

    @Test
    void publishersExistOnlyInTheFirstEnvironmentAndPullersGetNoKeyPermissions() {
        assertThat(resources("shop-dev", "AWS::IAM::Role")).extracting(r -> r.at("/Properties/RoleName").asText())
                .contains("shop-dev-user-service-publisher", "shop-dev-ecs-task-execution");
        assertThat(resources("shop-staging", "AWS::IAM::Role")).extracting(r -> r.at("/Properties/RoleName").asText())
                .noneMatch(name -> name.endsWith("-publisher"));
        assertThat(resources("shop-prod", "AWS::IAM::Role")).extracting(r -> r.at("/Properties/RoleName").asText())
                .noneMatch(name -> name.endsWith("-publisher"));
        for (String stack : List.of("shop-dev", "shop-staging", "shop-prod")) {
            resources(stack, "AWS::IAM::ManagedPolicy").forEach(p -> assertThat(p.toString()).doesNotContain("\"kms:"));
        }
    }

    @Test
    void eachRegistrySingletonExistsOncePerAccountAndRegion() {
        for (String stack : synthesis.templates().keySet()) {
            for (String singleton : List.of("AWS::ECR::RegistryScanningConfiguration", "AWS::ECR::ReplicationConfiguration",
                    "AWS::ECR::RegistryPolicy", "AWS::ECR::SigningConfiguration")) {
                assertThat(resources(stack, singleton)).as(singleton + " in " + stack).hasSizeLessThanOrEqualTo(1);
            }
        }
        assertThat(synthesis.templates().keySet().stream()
                .filter(stack -> !resources(stack, "AWS::ECR::RegistryScanningConfiguration").isEmpty()))
                .containsExactlyInAnyOrder("shop-registry-111111111111-eu-west-1", "shop-registry-222222222222-eu-west-1",
                        "shop-registry-222222222222-eu-central-1");
    }

    @Test
    void devAndStagingCacheEcrPublicAndDockerHubBaseImagesOnce() {
        List<JsonNode> rules = resources("shop-registry-111111111111-eu-west-1", "AWS::ECR::PullThroughCacheRule");
        assertThat(rules).extracting(r -> r.at("/Properties/EcrRepositoryPrefix").asText())
                .containsExactlyInAnyOrder("ecr-public", "docker-hub");
        assertThat(rules).extracting(r -> r.at("/Properties/UpstreamRegistryUrl").asText())
                .containsExactlyInAnyOrder("public.ecr.aws", "registry-1.docker.io");
        assertThat(resources("shop-registry-111111111111-eu-west-1", "AWS::ECR::RepositoryCreationTemplate"))
                .extracting(t -> t.at("/Properties/AppliedFor/0").asText()).containsOnly("PULL_THROUGH_CACHE");
    }

    @Test
    void prodReplicatesToEuCentral1WhereATemplateMakesReplicasEncryptedImmutableAndManaged() {
        JsonNode replication = resources("shop-registry-222222222222-eu-west-1", "AWS::ECR::ReplicationConfiguration").get(0);
        assertThat(replication.at("/Properties/ReplicationConfiguration/Rules/0/Destinations")).isEqualTo(json(List.of(
                Map.of("Region", "eu-central-1", "RegistryId", "222222222222"))));
        assertThat(replication.at("/Properties/ReplicationConfiguration/Rules/0/RepositoryFilters")).isEqualTo(json(List.of(
                Map.of("Filter", "shop/prod/", "FilterType", "PREFIX_MATCH"))));
        JsonNode template = resources("shop-registry-222222222222-eu-central-1", "AWS::ECR::RepositoryCreationTemplate").get(0)
                .get("Properties");
        assertThat(template.get("Prefix").asText()).isEqualTo("shop/prod");
        assertThat(template.at("/AppliedFor/0").asText()).isEqualTo("REPLICATION");
        assertThat(template.get("ImageTagMutability").asText()).isEqualTo("IMMUTABLE");
        assertThat(template.at("/EncryptionConfiguration/EncryptionType").asText()).isEqualTo("KMS");
        assertThat(LifecyclePolicy.parse(template.get("LifecyclePolicy").asText()))
                .isEqualTo(platform.lifecyclePolicy(platform.environment("prod").orElseThrow(),
                        platform.profile(platform.environment("prod").orElseThrow())));
    }

    @Test
    void prodHasEndpointsAlertsAndADashboardAndDevOnlyADashboard() {
        assertThat(resources("shop-prod", "AWS::EC2::VPCEndpoint")).extracting(e -> e.at("/Properties/ServiceName").asText())
                .contains("com.amazonaws.eu-west-1.ecr.api", "com.amazonaws.eu-west-1.ecr.dkr", "com.amazonaws.eu-west-1.s3");
        assertThat(resources("shop-prod", "AWS::SNS::Topic")).hasSize(1);
        assertThat(resources("shop-prod", "AWS::CloudWatch::Alarm")).hasSize(1);
        assertThat(resources("shop-prod", "AWS::CloudWatch::Dashboard")).hasSize(1);
        assertThat(resources("shop-dev", "AWS::CloudWatch::Dashboard")).hasSize(1);
        assertThat(resources("shop-dev", "AWS::SNS::Topic")).isEmpty();
        assertThat(resources("shop-dev", "AWS::EC2::VPCEndpoint")).isEmpty();
    }
}
