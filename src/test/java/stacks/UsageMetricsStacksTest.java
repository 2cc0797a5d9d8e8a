package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code environments[].usageMetrics} in a sharded estate: one function per environment, in shard 1, measuring the
 * repositories of every shard under the environment's prefix; each shard's dashboard graphs its own; an environment
 * without the setting gets nothing, and one without alerts gets no alarm (CT.CLOUDWATCH.PR.1 refuses one without an
 * action).
 */
class UsageMetricsStacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> TEMPLATES = new TreeMap<>();

    @BeforeAll
    static void synth() throws Exception {
        Platform platform = PlatformLoader.parse("platform.yaml", """
                platform: shop
                environments:
                  - name: dev
                    account: "111111111111"
                    region: eu-west-1
                    profile: dev
                  - name: staging
                    account: "111111111111"
                    region: eu-west-1
                    profile: staging
                    usageMetrics: {}
                  - name: prod
                    account: "222222222222"
                    region: eu-west-1
                    profile: prod
                    usageMetrics:
                      imagesPerRepositoryQuota: 20000
                      alarmPercent: 90
                services:
                  - name: cart
                  - name: catalog
                  - name: search
                """);
        App app = new App(AppProps.builder().analyticsReporting(false).build());
        PlatformStacks.create(app, platform, "platform.yaml",
                new ShardMap(2, true, List.of(List.of("cart", "catalog"), List.of("search"))));
        CloudAssembly assembly = app.synth();
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            TEMPLATES.put(stack.getStackName(), JSON.readTree(Path.of(stack.getTemplateFullPath()).toFile()));
        }
    }

    private static List<JsonNode> resources(String stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        TEMPLATES.get(stack).path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }

    @Test
    void shardOneMeasuresEveryShardsRepositoriesUnderTheEnvironmentsPrefix() {
        JsonNode function = resources("shop-prod", "AWS::Lambda::Function").stream().findFirst().orElseThrow();
        assertThat(function.path("Properties").path("FunctionName").asText()).isEqualTo("shop-prod-ecr-usage");
        assertThat(function.path("Properties").path("Code").path("ZipFile").asText())
                .contains("\"repositoryNames\":[\"shop/prod/cart\",\"shop/prod/catalog\",\"shop/prod/search\"]")
                .contains("\"scope\":\"shop-prod\"");
        assertThat(resources("shop-prod-2", "AWS::Lambda::Function")).isEmpty();
        assertThat(resources("shop-prod", "AWS::IAM::ManagedPolicy").toString())
                .contains("repository/shop/prod/*").doesNotContain("repository/shop/staging");
    }

    @Test
    void eachShardsDashboardGraphsItsOwnRepositories() {
        String first = resources("shop-prod", "AWS::CloudWatch::Dashboard").get(0).path("Properties").path("DashboardBody").toString();
        String second = resources("shop-prod-2", "AWS::CloudWatch::Dashboard").get(0).path("Properties").path("DashboardBody").toString();
        assertThat(first).contains("ImageCount").contains("shop/prod/cart").contains("StorageBytes").doesNotContain("shop/prod/search");
        assertThat(second).contains("ImageCount").contains("shop/prod/search");
        assertThat(resources("shop-dev", "AWS::CloudWatch::Dashboard").get(0).path("Properties").path("DashboardBody").toString())
                .doesNotContain("ImageCount").contains("Not measurable here");
    }

    @Test
    void alarmsOnlyWhereTheEnvironmentHasAlertsAtThePercentOfItsQuota() {
        assertThat(resources("shop-prod", "AWS::CloudWatch::Alarm").toString())
                .contains("\"Threshold\":18000").contains("MaxImageCount").contains("\"MetricName\":\"Errors\"");
        assertThat(resources("shop-staging", "AWS::Lambda::Function")).hasSize(1);
        assertThat(resources("shop-staging", "AWS::CloudWatch::Alarm")).isEmpty();
        assertThat(resources("shop-dev", "AWS::Lambda::Function")).isEmpty();
    }

    @Test
    void theFunctionIsExceptedFromTheVpcControlWithItsReason() {
        JsonNode function = resources("shop-prod", "AWS::Lambda::Function").get(0);
        assertThat(function.path("Metadata").path("EcrBlueprint::ControlTowerExceptions").toString())
                .contains("CT.LAMBDA.PR.3").contains("calls only the ECR and CloudWatch APIs");
    }
}
