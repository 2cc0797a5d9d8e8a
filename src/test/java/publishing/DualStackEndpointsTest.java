package publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Platform;
import platform.PlatformLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code publishers[].dualStack}: the files of a publisher that asks for it log in, push, gate and promote through
 * ECR's dual-stack host {@code <account>.dkr-ecr.<region>.on.aws} (ECR user guide, "Making requests to Amazon ECR
 * registries") with the AWS CLI told {@code AWS_USE_DUALSTACK_ENDPOINT}; every other file keeps the IPv4 host.
 */
class DualStackEndpointsTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String ANCHORS_FILE = "examples/anchors/platform.yaml";
    static final Map<String, String> ANCHORS = PublishingFiles.generate(PlatformLoader.load(Path.of(ANCHORS_FILE)),
            ANCHORS_FILE, "examples/anchors/ci");
    static final String DEV_IPV4 = "888800000001.dkr.ecr.eu-central-1.amazonaws.com";
    static final String DEV_DUAL = "888800000001.dkr-ecr.eu-central-1.on.aws";
    static final String PROD_DUAL = "888800000002.dkr-ecr.eu-central-1.on.aws";

    @Test
    void theHostsAreTheUserGuidesFormats() {
        assertThat(RegistryHost.of("123456789012", "eu-west-1", true)).isEqualTo("123456789012.dkr-ecr.eu-west-1.on.aws");
        assertThat(RegistryHost.of("123456789012", "eu-west-1", false)).isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com");
    }

    @Nested
    class GitHubWorkflowOfADualStackPublisher {

        final JsonNode workflow = read(ANCHORS.get("api/github-workflow.yml"));

        @Test
        void theWorkflowTellsTheCliAndTheActionsToUseDualStackEndpoints() {
            assertThat(workflow.at("/env/AWS_USE_DUALSTACK_ENDPOINT").asText()).isEqualTo("true");
            assertThat(workflow.at("/env/REGISTRY").asText()).isEqualTo(DEV_DUAL);
        }

        @Test
        void itLogsInWithoutAmazonEcrLoginWhichKnowsOnlyTheIpv4Host() {
            JsonNode steps = workflow.at("/jobs/publish/steps");
            assertThat(steps.findValuesAsText("uses")).doesNotContain(GitHubWorkflow.ECR_LOGIN);
            assertThat(step(steps, "Log in to " + DEV_DUAL).get("run").asText())
                    .contains("aws ecr get-login-password --region \"$AWS_REGION\"", "docker login --username AWS --password-stdin \"$REGISTRY\"");
        }

        @Test
        void theRegistryIsTheAccountAndRegionOfThePublisherRoleThatTheScanGateAsks() {
            // The scan gate and put-image ask the AWS API by repository name in AWS_REGION, as the role's account: the
            // host pushed to must be that very registry.
            String role = workflow.at("/jobs/publish/steps").findValuesAsText("role-to-assume").get(0);
            String account = role.split(":")[4];
            assertThat(workflow.at("/env/REGISTRY").asText())
                    .isEqualTo(RegistryHost.of(account, workflow.at("/env/AWS_REGION").asText(), true));
        }

        @Test
        void theImagePushedIsTheImageThePromotionCopies() throws Exception {
            assumeTrue(PublishScriptTest.bash("command -v jq", Map.of()).exit() == 0, "jq is not installed");
            JsonNode steps = workflow.at("/jobs/publish/steps");
            Map<String, String> env = new HashMap<>();
            workflow.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            env.putAll(Map.of("EVENT_KIND", "branch", "REF_NAME", "main", "COMMIT_SHA", "ab".repeat(20), "BUILD_NUMBER", "7"));
            String script = FAKES + step(steps, "Log in to " + DEV_DUAL).get("run").asText()
                    + step(steps, "Tag, build once per commit, push").get("run").asText().replace("\"$GITHUB_ENV\"", "/dev/stderr")
                    + "cat calls.log\n";

            PublishScriptTest.Run run = PublishScriptTest.bash(script, env);

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("AWS_USE_DUALSTACK_ENDPOINT=true aws ecr get-login-password")
                    .contains("docker login --username AWS --password-stdin " + DEV_DUAL);
            Matcher pushed = Pattern.compile("docker buildx build .*--tag (\\S+):commit-").matcher(run.out());
            assertThat(pushed.find()).as(run.out()).isTrue();
            String promotion = workflow.at("/jobs/promote-prod/steps").findValuesAsText("run").stream()
                    .filter(r -> r.contains("oras cp")).findFirst().orElseThrow();
            assertThat(promotion).contains("SRC=" + pushed.group(1) + "\n", "DST=" + PROD_DUAL + "/anchors/prod/api\n",
                    "--password-stdin " + DEV_DUAL + "\n", "--password-stdin " + PROD_DUAL + "\n");
            assertThat(pushed.group(1)).isEqualTo(DEV_DUAL + "/anchors/dev/api");
        }
    }

    @Test
    void theBuildspecOfTheSameServiceKeepsTheIpv4HostItsCodeBuildRunnersUse() {
        JsonNode buildspec = read(ANCHORS.get("api/buildspec.yml"));
        assertThat(buildspec.at("/env/variables/REGISTRY").asText()).isEqualTo(DEV_IPV4);
        assertThat(buildspec.at("/env/variables").has("AWS_USE_DUALSTACK_ENDPOINT")).isFalse();
    }

    @Test
    void aWorkflowWithoutDualStackUsesAmazonEcrLoginAndTheIpv4HostsOnly() {
        String batch = ANCHORS.get("batch/github-workflow.yml");
        assertThat(batch).contains("uses: " + GitHubWorkflow.ECR_LOGIN, "REGISTRY: " + DEV_IPV4)
                .doesNotContain(".on.aws", "AWS_USE_DUALSTACK_ENDPOINT");
    }

    @Nested
    class EveryCiSystem {

        @TempDir
        Path dir;

        Map<String, String> files(boolean dualStack) throws IOException {
            String yaml = Files.readString(Path.of("examples/ci-systems/platform.yaml"));
            if (dualStack) {
                // api builds in its CodePipeline image pipeline (CodeBuild, the buildspec)
                yaml = yaml.replace("      - type: codepipeline\n", "      - type: codepipeline\n        dualStack: true\n")
                        .replace("      - type: jenkins\n", "      - type: jenkins\n        dualStack: true\n")
                        .replace("      - type: gitlab\n", "      - type: gitlab\n        dualStack: true\n");
            }
            Path file = dir.resolve("platform.yaml");
            Files.writeString(file, yaml);
            Platform platform = PlatformLoader.load(file);
            return PublishingFiles.generate(platform, "platform.yaml", "ci");
        }

        @Test
        void theBuildspecJenkinsfileAndGitLabPipelineOfDualStackPublishersPushToTheDualStackHost() throws IOException {
            Map<String, String> files = files(true);
            String host = "555555555555.dkr-ecr.eu-west-1.on.aws";
            assertThat(read(files.get("api/buildspec.yml")).at("/env/variables/REGISTRY").asText()).isEqualTo(host);
            assertThat(read(files.get("api/buildspec.yml")).at("/env/variables/AWS_USE_DUALSTACK_ENDPOINT").asText()).isEqualTo("true");
            assertThat(files.get("billing/Jenkinsfile")).contains("REGISTRY = '" + host + "'", "AWS_USE_DUALSTACK_ENDPOINT = 'true'")
                    .contains("docker login --username AWS --password-stdin \"$REGISTRY\"");
            JsonNode gitlab = read(files.get("web/.gitlab-ci.yml"));
            assertThat(gitlab.at("/variables/REGISTRY").asText()).isEqualTo(host);
            assertThat(gitlab.at("/variables/AWS_USE_DUALSTACK_ENDPOINT").asText()).isEqualTo("true");
            // Those services have no github publisher: their workflows stay on the IPv4 host.
            assertThat(files.get("api/github-workflow.yml")).doesNotContain(".on.aws");
        }

        @Test
        void withoutDualStackNoFileNamesADualStackHost() throws IOException {
            for (var file : files(false).entrySet()) {
                assertThat(file.getValue()).as(file.getKey()).doesNotContain(".on.aws", "api.aws", "AWS_USE_DUALSTACK_ENDPOINT")
                        .contains(".dkr.ecr.eu-west-1.amazonaws.com");
            }
        }
    }

    /** Stand-ins for aws and docker that log their calls, with AWS_USE_DUALSTACK_ENDPOINT as the CLI would see it. */
    static final String FAKES = """
            cd "$(mktemp -d)"
            aws() {
              echo "AWS_USE_DUALSTACK_ENDPOINT=${AWS_USE_DUALSTACK_ENDPOINT:-} aws $*" >> calls.log
              case "$*" in
                *"get-login-password"*) echo token ;;
                *"describe-images"*"imageTag="*)
                  if [ -e pushed ]; then echo 'sha256:@D@'; else echo "An error occurred (ImageNotFoundException)" >&2; return 254; fi ;;
                *"describe-images"*"imageDigest="*) echo "commit-x" ;;
                *"batch-get-image"*) echo '{"images":[{"imageManifest":"{}","imageManifestMediaType":"application/vnd.oci.image.manifest.v1+json"}]}' ;;
                *"put-image"*) ;;
                *) echo "unexpected aws $*" >&2; return 1 ;;
              esac
            }
            docker() {
              if [ "$1" = login ]; then cat >/dev/null; fi
              echo "docker $*" >> calls.log
              case "$*" in *"buildx build"*) touch pushed ;; esac
            }
            """.replace("@D@", "12".repeat(32));

    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode step(JsonNode steps, String name) {
        for (JsonNode step : steps) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step named " + name + " in " + steps);
    }

}
