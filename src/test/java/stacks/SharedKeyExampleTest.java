package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import constructs.repository.RepositoryKey;
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

/**
 * examples/shared-key as the app synthesizes it: dev and staging (one account and region, {@code sharedKey}) encrypt
 * their repositories with the registry stack's one key, so ECR can mount layers between them; prod keeps its own.
 */
class SharedKeyExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> TEMPLATES = new TreeMap<>();
    private static final Map<String, List<String>> DEPENDENCIES = new TreeMap<>();
    static final String REGISTRY = "studio-registry-999900000001-eu-west-1";

    @BeforeAll
    static void synth() throws Exception {
        CloudAssembly assembly = ExampleAssemblies.of("shared-key");
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            TEMPLATES.put(stack.getStackName(), JSON.readTree(Path.of(stack.getTemplateFullPath()).toFile()));
            DEPENDENCIES.put(stack.getStackName(), stack.getDependencies().stream().map(d -> d.getId()).toList());
        }
    }

    private static Map<String, JsonNode> resources(String stack, String type) {
        Map<String, JsonNode> found = new TreeMap<>();
        TEMPLATES.get(stack).path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    private static String sharedKeyLogicalId() {
        return resources(REGISTRY, "AWS::KMS::Key").keySet().stream()
                .filter(id -> id.startsWith(RegistryStack.SHARED_KEY_ID)).findFirst().orElseThrow();
    }

    @Test
    void theRegistryStackOfTheAccountHoldsTheSharedKeyWithTheRepositoryKeyPolicy() {
        JsonNode key = resources(REGISTRY, "AWS::KMS::Key").get(sharedKeyLogicalId());
        assertThat(key.path("Properties").path("EnableKeyRotation").asBoolean()).isTrue();
        // Kept when deleted or replaced (a rolled-back first create leaves nothing behind): images depend on it.
        assertThat(key.path("DeletionPolicy").asText()).isEqualTo("RetainExceptOnCreate");
        assertThat(key.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        JsonNode statements = key.path("Properties").path("KeyPolicy").path("Statement");
        List<String> sids = new ArrayList<>();
        statements.forEach(s -> sids.add(s.path("Sid").asText()));
        assertThat(sids).containsExactly(RepositoryKey.SID_ROOT, RepositoryKey.SID_ECR, RepositoryKey.SID_DENY_GRANTS);
        // Every environment sharing it is of this account and region: ECR uses the key for any of them.
        assertThat(statements.get(1).path("Condition").path("StringEquals").toString())
                .isEqualTo("{\"kms:CallerAccount\":\"999900000001\",\"kms:ViaService\":\"ecr.eu-west-1.amazonaws.com\"}");
        assertThat(resources(REGISTRY, "AWS::KMS::Alias").values()).singleElement()
                .satisfies(a -> assertThat(a.path("Properties").path("AliasName").asText()).isEqualTo("alias/" + REGISTRY + "-shared-ecr"));
    }

    @Test
    void devAndStagingEncryptEveryRepositoryWithTheSharedKeyAndCreateNoKeyOfTheirOwn() {
        String output = outputOfSharedKeyArn();
        for (String stack : List.of("studio-dev", "studio-staging")) {
            assertThat(resources(stack, "AWS::KMS::Key").keySet()).as(stack).noneMatch(id -> id.startsWith(EnvironmentStack.KEY_ID));
            // cdk.json makes cross-stack references weak: the registry stack's output, read at deployment.
            assertThat(resources(stack, "AWS::ECR::Repository").values()).as(stack).isNotEmpty().allSatisfy(repository ->
                    assertThat(repository.path("Properties").path("EncryptionConfiguration").path("KmsKey").path("Fn::GetStackOutput"))
                            .isEqualTo(JSON.createObjectNode().put("OutputName", output).put("Region", "eu-west-1")
                                    .put("StackName", REGISTRY)));
            // The registry stack deploys first: the output must exist when the environment reads it.
            assertThat(DEPENDENCIES.get(stack)).contains(REGISTRY);
        }
    }

    @Test
    void prodKeepsItsOwnKeyUnderTheUnchangedId() {
        Map<String, JsonNode> keys = resources("studio-prod", "AWS::KMS::Key");
        String own = keys.keySet().stream().filter(id -> id.startsWith(EnvironmentStack.KEY_ID)).findFirst().orElseThrow();
        assertThat(resources("studio-prod", "AWS::ECR::Repository").values()).allSatisfy(repository ->
                assertThat(repository.path("Properties").path("EncryptionConfiguration").path("KmsKey").path("Fn::GetAtt").get(0).asText())
                        .isEqualTo(own));
        assertThat(resources("studio-registry-999900000002-eu-west-1", "AWS::KMS::Key").keySet())
                .noneMatch(id -> id.startsWith(RegistryStack.SHARED_KEY_ID));
    }

    @Test
    void theSharedKeyIsWatchedByTheAlertsOfAnEnvironmentThatUsesIt() throws Exception {
        // staging with alerts on: its registry-audit rules watch the shared key (the registry stack's output), not a key of its own.
        String text = java.nio.file.Files.readString(ExampleAssemblies.platformFile("shared-key")).replace(
                "    profile: staging\n    sharedKey: true\n", "    profile: staging\n    sharedKey: true\n    overrides:\n      alerts: true\n");
        software.amazon.awscdk.App app = snapshots.SnapshotApp.create();
        PlatformStacks.create(app, platform.PlatformLoader.parse("platform.yaml", text), "platform.yaml");
        JsonNode staging = snapshots.Synthesis.of(app).template("studio-staging");
        List<String> watching = new ArrayList<>();
        staging.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::Events::Rule") && r.toString().contains("kms.amazonaws.com")) {
                watching.add(r.path("Properties").path("EventPattern").toString());
            }
        });
        assertThat(watching).isNotEmpty().allSatisfy(pattern ->
                assertThat(pattern).contains("\"Fn::GetStackOutput\":{\"OutputName\":\"" + outputOfSharedKeyArn() + "\""));
    }

    private static String outputOfSharedKeyArn() {
        String key = sharedKeyLogicalId();
        List<String> outputs = new ArrayList<>();
        TEMPLATES.get(REGISTRY).path("Outputs").fields().forEachRemaining(o -> {
            if (o.getValue().path("Value").path("Fn::GetAtt").toString().equals("[\"" + key + "\",\"Arn\"]")) {
                outputs.add(o.getKey());
            }
        });
        assertThat(outputs).as("the registry stack outputs the shared key's ARN").hasSize(1);
        return outputs.get(0);
    }
}
