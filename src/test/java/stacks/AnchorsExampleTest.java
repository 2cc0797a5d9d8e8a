package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/anchors/platform.yaml as the app synthesizes it: each issue-26 setting where it lands (issue 26). */
class AnchorsExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> TEMPLATES = new TreeMap<>();

    @BeforeAll
    static void synth() throws Exception {
        CloudAssembly assembly = ExampleAssemblies.of("anchors");
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
    void eachRegistryStackWritesTheThreeAccountSettingsAndTheRescanDurations() throws Exception {
        for (String account : List.of("888800000001", "888800000002")) {
            String stack = "anchors-registry-" + account + "-eu-central-1";
            List<String> settings = new ArrayList<>();
            for (JsonNode setting : resources(stack, "Custom::EcrAccountSetting")) {
                JsonNode create = JSON.readTree(setting.path("Properties").path("Create").asText());
                settings.add(create.path("parameters").path("name").asText() + "=" + create.path("parameters").path("value").asText());
            }
            assertThat(settings).containsExactlyInAnyOrder("BASIC_SCAN_TYPE_VERSION=AWS_NATIVE", "REGISTRY_POLICY_SCOPE=V2",
                    "BLOB_MOUNTING=ENABLED");
            JsonNode rescan = JSON.readTree(resources(stack, "Custom::InspectorEcrRescan").get(0).path("Properties").path("Create").asText());
            assertThat(rescan.path("parameters").path("ecrConfiguration")).isEqualTo(JSON.readTree(
                    "{\"rescanDuration\":\"DAYS_180\",\"pullDateRescanDuration\":\"DAYS_90\",\"pullDateRescanMode\":\"LAST_IN_USE_AT\"}"));
            // The singleton function is excepted from CT.LAMBDA.PR.3 with a reason the compliance report lists.
            assertThat(resources(stack, "AWS::Lambda::Function")).singleElement()
                    .satisfies(f -> assertThat(f.path("Metadata").path("EcrBlueprint::ControlTowerExceptions").toString())
                            .contains("CT.LAMBDA.PR.3"));
        }
    }

    @Test
    void prodRepositoriesUseDualLayerEncryptionWithTheEnvironmentsKey() {
        for (JsonNode repository : resources("anchors-prod", "AWS::ECR::Repository")) {
            assertThat(repository.path("Properties").path("EncryptionConfiguration").path("EncryptionType").asText()).isEqualTo("KMS_DSSE");
            assertThat(repository.path("Properties").path("EncryptionConfiguration").path("KmsKey").isMissingNode()).isFalse();
        }
        for (JsonNode repository : resources("anchors-dev", "AWS::ECR::Repository")) {
            assertThat(repository.path("Properties").path("EncryptionConfiguration").path("EncryptionType").asText()).isEqualTo("KMS");
        }
    }

    @Test
    void theEscapeHatchesReachTheirRepositories() throws Exception {
        JsonNode api = resources("anchors-prod", "AWS::ECR::Repository").stream()
                .filter(r -> r.path("Properties").path("RepositoryName").asText().equals("anchors/prod/api")).findFirst().orElseThrow();
        assertThat(api.path("Properties").path("RepositoryPolicyText").path("Statement").toString())
                .contains("\"Sid\":\"AuditDescribe\"").contains("arn:aws:iam::888800000009:root");
        JsonNode batch = resources("anchors-prod", "AWS::ECR::Repository").stream()
                .filter(r -> r.path("Properties").path("RepositoryName").asText().equals("anchors/prod/batch")).findFirst().orElseThrow();
        JsonNode rules = JSON.readTree(batch.path("Properties").path("LifecyclePolicy").path("LifecyclePolicyText").asText()).path("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(1).path("selection").path("tagPrefixList").get(0).asText()).isEqualTo("nightly-");
    }

    @Test
    void devsRegistryCachesGitLabAzureAndAnotherAccountsEcrThroughItsRole() {
        Map<String, JsonNode> rules = new TreeMap<>();
        resources("anchors-registry-888800000001-eu-central-1", "AWS::ECR::PullThroughCacheRule")
                .forEach(r -> rules.put(r.path("Properties").path("EcrRepositoryPrefix").asText(), r.path("Properties")));
        assertThat(rules.get("gitlab").path("UpstreamRegistryUrl").asText()).isEqualTo("registry.gitlab.com");
        assertThat(rules.get("azure").path("UpstreamRegistryUrl").asText()).isEqualTo("examplecorp.azurecr.io");
        assertThat(rules.get("shared-base").path("UpstreamRegistryUrl").asText()).isEqualTo("888800000003.dkr.ecr.eu-central-1.amazonaws.com");
        assertThat(rules.get("shared-base").path("CustomRoleArn").asText()).isEqualTo("arn:aws:iam::888800000001:role/anchors-pull-through-cache");
        assertThat(rules.get("shared-base").path("UpstreamRepositoryPrefix").asText()).isEqualTo("base-images");
    }

    @Test
    void usageMetricsMeasureEachEnvironmentAndAlarmAtEightyPercentOfItsQuota() {
        for (String environment : List.of("dev", "prod")) {
            JsonNode function = resources("anchors-" + environment, "AWS::Lambda::Function").stream()
                    .filter(f -> f.path("Properties").path("FunctionName").asText().equals("anchors-" + environment + "-ecr-usage"))
                    .findFirst().orElseThrow();
            assertThat(function.path("Properties").path("Runtime").asText()).isEqualTo("nodejs24.x");
            assertThat(function.path("Properties").path("Code").path("ZipFile").asText())
                    .contains("\"repositoryNames\":[\"anchors/" + environment + "/api\",\"anchors/" + environment + "/batch\"]");
        }
        // prod has alerts: the image-count alarm at 80% of the 20,000 it was told, and the errors alarm
        assertThat(resources("anchors-prod", "AWS::CloudWatch::Alarm").toString())
                .contains("\"Threshold\":16000").contains("MaxImageCount").contains("\"MetricName\":\"Errors\"");
        // dev's alerts are on too (for the cache-failure alerts): its alarm takes the defaults, 80% of 10,000
        assertThat(resources("anchors-dev", "AWS::CloudWatch::Alarm").toString())
                .contains("\"Threshold\":8000").contains("MaxImageCount").contains("\"AlarmActions\":[{\"Ref\":\"Alerts");
    }
}
