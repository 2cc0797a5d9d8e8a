package publishing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import platform.ScanType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the generated shell with bash (and jq, as on GitHub's and CodeBuild's images) against a stand-in {@code aws}
 * function: the tags the shell computes are the ones {@link TaggingStrategy} says, and the gate fails exactly on
 * findings at or above the severity.
 */
class PublishScriptTest {

    static final String SHA = TaggingStrategyTest.SHA;
    static final TaggingStrategy TAGGING = TaggingStrategyTest.TAGGING;

    record Run(int exit, String out, String err) {
    }

    static Run bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    @BeforeAll
    static void toolsExist() throws Exception {
        assumeTrue(bash("command -v jq", Map.of()).exit() == 0, "jq is not installed");
    }

    @Nested
    class Tags {

        String tagsOf(String kind, String ref, long build) throws Exception {
            Run run = bash(PublishScript.tags(TAGGING) + "echo \"$TAGS|$RELEASE\"",
                    Map.of("EVENT_KIND", kind, "REF_NAME", ref, "COMMIT_SHA", SHA, "BUILD_NUMBER", Long.toString(build)));
            assertThat(run.exit()).as(run.err()).isZero();
            return run.out().lines().reduce((a, b) -> b).orElseThrow();
        }

        @Test
        void theShellWritesTheStrategysTagsForABranchPush() throws Exception {
            assertThat(tagsOf("branch", "main", 41))
                    .isEqualTo(String.join(" ", TAGGING.pushedTags(BuildEvent.branch("main", SHA, 41))) + "|");
        }

        @Test
        void theShellWritesTheStrategysTagsForARelease() throws Exception {
            assertThat(tagsOf("tag", "v1.2.3", 42))
                    .isEqualTo(String.join(" ", TAGGING.pushedTags(BuildEvent.releaseTag("v1.2.3", SHA, 42))) + "|v1.2.3");
        }

        @Test
        void theShellWritesTheStrategysTagsForAManualRun() throws Exception {
            assertThat(tagsOf("manual", "main", 43))
                    .isEqualTo(String.join(" ", TAGGING.pushedTags(BuildEvent.manual(SHA, 43))) + "|");
        }

        @Test
        void theShellWritesLatestOnlyWhereTheStrategyDoes() throws Exception {
            TaggingStrategy latest = new TaggingStrategy("v", List.of("commit-", "pr-"), true);
            Run run = bash(PublishScript.tags(latest) + "echo \"$TAGS\"",
                    Map.of("EVENT_KIND", "branch", "REF_NAME", "main", "COMMIT_SHA", SHA, "BUILD_NUMBER", "5"));

            assertThat(run.out()).endsWith(String.join(" ", latest.pushedTags(BuildEvent.branch("main", SHA, 5))) + "\n");
        }

        @Test
        void theShellRefusesAGitTagThatIsNotAVersion() throws Exception {
            Run run = bash(PublishScript.tags(TAGGING),
                    Map.of("EVENT_KIND", "tag", "REF_NAME", "v1.2", "COMMIT_SHA", SHA, "BUILD_NUMBER", "1"));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("git tag v1.2 is not a release version: must match "
                    + "^v[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$, e.g. v1.2.3\n");
        }
    }

    @Nested
    class ScanGate {

        static final String DIGEST = "sha256:" + "11".repeat(32);
        static final String INDEX = "{\"manifests\":[{\"digest\":\"sha256:" + "aa".repeat(32) + "\"},{\"digest\":\"sha256:"
                + "bb".repeat(32) + "\"}]}";
        static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1", "REGISTRY", "111111111111.dkr.ecr.eu-west-1.amazonaws.com",
                "REPOSITORY", "shop/dev/user-service", "DIGEST", DIGEST, "GATE_SEVERITIES", "HIGH CRITICAL");

        /** A stand-in aws CLI: answers from fixtures and logs every call. */
        static String fakeAws(String manifest, String severityCounts, String inspectorCount) {
            return """
                    aws() {
                      echo "aws $*" >> calls.log
                      case "$1 $2" in
                        "ecr batch-get-image") echo '@MANIFEST@' ;;
                        "ecr wait") ;;
                        "ecr describe-image-scan-findings")
                          case "$*" in *imageScanStatus*) echo ACTIVE ;; *) echo '@COUNTS@' ;; esac ;;
                        "inspector2 list-findings") echo '@INSPECTOR@' ;;
                        *) echo "unexpected aws $*" >&2; return 1 ;;
                      esac
                    }
                    cd "$(mktemp -d)"
                    """.replace("@MANIFEST@", manifest).replace("@COUNTS@", severityCounts).replace("@INSPECTOR@", inspectorCount);
        }

        @Test
        void basicScanningPassesWithFindingsBelowTheGate() throws Exception {
            Run run = bash(fakeAws("{}", "{\"MEDIUM\": 4, \"LOW\": 9}", "") + PublishScript.scanGate(ScanType.BASIC), ENV);

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(DIGEST + ": 0 findings of severity HIGH CRITICAL\n");
        }

        @Test
        void basicScanningFailsOnAHighFinding() throws Exception {
            Run run = bash(fakeAws("{}", "{\"HIGH\": 1, \"CRITICAL\": 2}", "") + PublishScript.scanGate(ScanType.BASIC), ENV);

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).isEqualTo(DIGEST + ": 3 findings of severity HIGH CRITICAL\n");
            assertThat(run.err()).isEqualTo("Scan gate failed: findings of severity HIGH CRITICAL in "
                    + "111111111111.dkr.ecr.eu-west-1.amazonaws.com/shop/dev/user-service@" + DIGEST + "\n");
        }

        @Test
        void basicScanningWithoutFindingsPasses() throws Exception {
            Run run = bash(fakeAws("{}", "null", "") + PublishScript.scanGate(ScanType.BASIC), ENV);

            assertThat(run.exit()).as(run.err()).isZero();
        }

        @Test
        void aMultiPlatformImageIsGatedPerPlatformImage() throws Exception {
            Run run = bash(fakeAws(INDEX, "{\"CRITICAL\": 1}", "") + PublishScript.scanGate(ScanType.BASIC)
                    + "\n", ENV);

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).isEqualTo("sha256:" + "aa".repeat(32) + ": 1 findings of severity HIGH CRITICAL\n"
                    + "sha256:" + "bb".repeat(32) + ": 1 findings of severity HIGH CRITICAL\n");
        }

        @Test
        void enhancedScanningCountsInspectorFindingsOfTheImageDigest() throws Exception {
            Run run = bash(fakeAws("{}", "", "2") + PublishScript.scanGate(ScanType.ENHANCED)
                    + "; echo never", ENV);
            Run calls = bash(fakeAws("{}", "", "0") + PublishScript.scanGate(ScanType.ENHANCED) + "\ncat calls.log", ENV);

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).isEqualTo(DIGEST + ": 2 findings of severity HIGH CRITICAL\n");
            assertThat(calls.exit()).as(calls.err()).isZero();
            assertThat(calls.out()).contains("aws inspector2 list-findings --region eu-west-1 --filter-criteria "
                    + "{\"ecrImageHash\":[{\"comparison\":\"EQUALS\",\"value\":\"" + DIGEST + "\"}],"
                    + "\"ecrImageRepositoryName\":[{\"comparison\":\"EQUALS\",\"value\":\"shop/dev/user-service\"}],"
                    + "\"findingStatus\":[{\"comparison\":\"EQUALS\",\"value\":\"ACTIVE\"}],"
                    + "\"severity\":[{\"comparison\":\"EQUALS\",\"value\":\"HIGH\"},{\"comparison\":\"EQUALS\",\"value\":\"CRITICAL\"}]}");
        }
    }

    @Nested
    class BuildOncePerCommit {

        static final String DIGEST = "sha256:" + "cd".repeat(32);

        /** Stand-ins for aws and docker that keep the repository's tags in ./tags and log every call. */
        static String fakes(String existingTags) {
            return """
                    cd "$(mktemp -d)"
                    printf '%s' '@EXISTING@' > tags
                    aws() {
                      echo "aws $*" >> calls.log
                      case "$*" in
                        *"describe-images"*"imageTag="*)
                          if [ -s tags ]; then echo '@DIGEST@'; else echo "An error occurred (ImageNotFoundException)" >&2; return 254; fi ;;
                        *"describe-images"*"imageDigest="*) tr ' ' '\\t' < tags; echo ;;
                        *"batch-get-image"*) echo '{"images":[{"imageManifest":"{}","imageManifestMediaType":"application/vnd.oci.image.manifest.v1+json"}]}' ;;
                        *"put-image"*"--image-tag "*)
                          ARGS="$*"; TAG="${ARGS#*--image-tag }"; printf ' %s' "${TAG%% *}" >> tags ;;
                        *) echo "unexpected aws $*" >&2; return 1 ;;
                      esac
                    }
                    docker() {
                      echo "docker $*" >> calls.log
                      ARGS="$*"; TAG="${ARGS#*--tag }"; TAG="${TAG%% *}"; printf '%s' "${TAG##*:}" > tags
                    }
                    """.replace("@EXISTING@", existingTags).replace("@DIGEST@", DIGEST);
        }

        static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1",
                "REGISTRY", "111111111111.dkr.ecr.eu-west-1.amazonaws.com", "REPOSITORY", "shop/dev/user-service",
                "PLATFORMS", "linux/amd64", "DOCKERFILE", "Dockerfile", "DOCKER_CONTEXT", ".",
                "EVENT_KIND", "tag", "REF_NAME", "v1.2.3", "COMMIT_SHA", SHA, "BUILD_NUMBER", "42");

        @Test
        void aNewCommitIsBuiltOnceAndTheOtherTagsAreAddedToItsDigest() throws Exception {
            Run run = bash(fakes("") + PublishScript.tags(TAGGING) + PublishScript.push()
                    + "echo \"digest=$DIGEST\"; echo \"tags=$(cat tags)\"; grep -c '^docker buildx build' calls.log", ENV);

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).endsWith("digest=" + DIGEST + "\ntags=commit-" + SHA + " build-42 v1.2.3\n1\n");
        }

        @Test
        void aCommitThatWasBuiltIsReusedNotRebuilt() throws Exception {
            Run run = bash(fakes("commit-" + SHA + " build-41") + PublishScript.tags(TAGGING) + PublishScript.push()
                    + "echo \"tags=$(cat tags)\"; grep -c '^docker' calls.log || true", ENV);

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("commit-" + SHA + " exists as " + DIGEST + ": reusing it (built once per commit)\n")
                    .endsWith("tags=commit-" + SHA + " build-41 build-42 v1.2.3\n0\n");
        }
    }

    @Nested
    class CodeBuildTriggers {

        String kind(String trigger) throws Exception {
            Run run = bash(Buildspec.EVENT_MAPPING + "echo \"$EVENT_KIND|$REF_NAME|$COMMIT_SHA|$BUILD_NUMBER\"",
                    Map.of("CODEBUILD_WEBHOOK_TRIGGER", trigger, "PUBLISH_BRANCHES", "main release",
                            "CODEBUILD_RESOLVED_SOURCE_VERSION", SHA, "CODEBUILD_BUILD_NUMBER", "9"));
            assertThat(run.exit()).as(run.err()).isZero();
            return run.out().lines().reduce((a, b) -> b).orElseThrow();
        }

        @Test
        void mapsWebhookTriggersToEventKinds() throws Exception {
            assertThat(kind("branch/main")).isEqualTo("branch|main|" + SHA + "|9");
            assertThat(kind("branch/release")).isEqualTo("branch|release|" + SHA + "|9");
            assertThat(kind("branch/feature-x")).isEqualTo("build-only|feature-x|" + SHA + "|9");
            assertThat(kind("tag/v1.2.3")).isEqualTo("tag|v1.2.3|" + SHA + "|9");
            assertThat(kind("pr/12")).isEqualTo("build-only||" + SHA + "|9");
            assertThat(kind("")).isEqualTo("manual||" + SHA + "|9");
        }
    }
}
