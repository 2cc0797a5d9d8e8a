package cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LifecyclePreviewCommandTest {

    static final String POLICY = """
            {"rules": [
              {"rulePriority": 1, "description": "Expire untagged images 7 days after push",
               "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 7},
               "action": {"type": "expire"}},
              {"rulePriority": 2, "description": "Archive images not pulled in 90 days",
               "selection": {"tagStatus": "any", "countType": "sinceImagePulled", "countUnit": "days", "countNumber": 90},
               "action": {"type": "transition", "targetStorageClass": "archive"}}
            ]}
            """;

    static final String IMAGES = """
            {"imageDetails": [
              {"registryId": "123456789012", "repositoryName": "shop/dev/api", "imageDigest": "sha256:aaa",
               "imagePushedAt": "2025-12-01T00:00:00+00:00", "imageSizeInBytes": 1073741824,
               "imageScanStatus": {"status": "COMPLETE"}},
              {"imageDigest": "sha256:bbb", "imageTags": ["v1.0.0"], "imagePushedAt": "2025-06-01T00:00:00+00:00",
               "imageSizeInBytes": 2147483648, "lastRecordedPullTime": "2025-07-01T00:00:00+00:00"}
            ], "nextToken": "t"}
            {"imageDetails": [
              {"imageDigest": "sha256:ccc", "imageTags": ["v1.1.0"], "imagePushedAt": "2025-06-01T00:00:00+00:00",
               "imageSizeInBytes": 3221225472, "lastRecordedPullTime": "2026-01-10T00:00:00+00:00"}
            ]}
            """;

    @TempDir
    Path dir;
    Path policy;
    Path images;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        policy = Files.writeString(dir.resolve("policy.json"), POLICY);
        images = Files.writeString(dir.resolve("images.json"), IMAGES);
    }

    int run(String... args) {
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Nested
    class Json {
        @Test
        void printsEveryImageWithItsActionAndRuleAndTheTotals() throws IOException {
            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString(),
                    "--now", "2026-01-15T00:00:00Z", "--format", "json");

            assertThat(exit).isZero();
            assertThat(err.toString()).isEmpty();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("images").toString()).isEqualTo("["
                    + "{\"imageDigest\":\"sha256:aaa\",\"action\":\"expire\",\"rulePriority\":1},"
                    + "{\"imageDigest\":\"sha256:bbb\",\"action\":\"transition\",\"rulePriority\":2},"
                    + "{\"imageDigest\":\"sha256:ccc\",\"action\":\"keep\",\"rulePriority\":null}]");
            JsonNode totals = json.get("totals");
            assertThat(totals.get("images").asLong()).isEqualTo(3);
            assertThat(totals.get("bytes").asLong()).isEqualTo(6L << 30);
            assertThat(totals.get("expired").toString()).isEqualTo("{\"images\":1,\"bytes\":1073741824}");
            assertThat(totals.get("transitioned").toString()).isEqualTo("{\"images\":1,\"bytes\":2147483648}");
            assertThat(totals.get("kept").toString()).isEqualTo("{\"images\":1,\"bytes\":3221225472}");
            assertThat(totals.get("storage").toString()).isEqualTo("{"
                    + "\"standard\":{\"bytesBefore\":6442450944,\"bytesAfter\":3221225472,\"monthlyCostBefore\":0.6,\"monthlyCostAfter\":0.3},"
                    + "\"archive\":{\"bytesBefore\":0,\"bytesAfter\":2147483648,\"monthlyCostBefore\":0.0,\"monthlyCostAfter\":0.2}}");
            JsonNode cost = totals.get("monthlyStorageCost");
            assertThat(cost.get("before").asDouble()).isEqualTo(0.60);
            assertThat(cost.get("after").asDouble()).isEqualTo(0.50);
            assertThat(cost.get("upperBound").asBoolean()).isTrue();
            assertThat(cost.get("archivePriceSource").asText()).startsWith("Amazon ECR pricing, https://aws.amazon.com/ecr/pricing/");
        }

        @Test
        void pricesAreConfigurable() throws IOException {
            run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString(),
                    "--now", "2026-01-15T00:00:00Z", "--format", "json", "--price-per-gb-month", "1",
                    "--archive-price-per-gb-month", "0.5");

            JsonNode cost = new ObjectMapper().readTree(out.toString()).get("totals").get("monthlyStorageCost");
            assertThat(cost.get("before").asDouble()).isEqualTo(6.0);
            assertThat(cost.get("after").asDouble()).isEqualTo(4.0);
        }
    }

    @Nested
    class PolicyFromThePlatformFile {
        @Test
        void previewsWhatTheStacksDeployForProd() throws IOException {
            int exit = run("lifecycle", "preview", "--platform", "examples/ecommerce/platform.yaml", "--environment", "prod",
                    "--service", "user-service", "--images", images.toString(), "--now", "2026-07-02T00:00:00Z", "--format", "json");

            assertThat(exit).isZero();
            // prod: untagged expire after 7 days (rule 1); v* releases move to archive after 365 days without a
            // pull (rule 2) and are never expired: bbb was last pulled 366 days ago, ccc 173 days ago
            assertThat(new ObjectMapper().readTree(out.toString()).get("images").toString()).isEqualTo("["
                    + "{\"imageDigest\":\"sha256:aaa\",\"action\":\"expire\",\"rulePriority\":1},"
                    + "{\"imageDigest\":\"sha256:bbb\",\"action\":\"transition\",\"rulePriority\":2},"
                    + "{\"imageDigest\":\"sha256:ccc\",\"action\":\"keep\",\"rulePriority\":null}]");
        }

        @Test
        void devArchivesReleasesUnpulledForThirtyDaysAndExpiresOnlyOldUntaggedImages() throws IOException {
            run("lifecycle", "preview", "--platform", "examples/ecommerce/platform.yaml", "--environment", "dev",
                    "--service", "user-service", "--images", images.toString(), "--now", "2026-07-01T00:00:00Z", "--format", "json");

            assertThat(new ObjectMapper().readTree(out.toString()).get("images").toString()).isEqualTo("["
                    + "{\"imageDigest\":\"sha256:aaa\",\"action\":\"expire\",\"rulePriority\":1},"
                    + "{\"imageDigest\":\"sha256:bbb\",\"action\":\"transition\",\"rulePriority\":2},"
                    + "{\"imageDigest\":\"sha256:ccc\",\"action\":\"transition\",\"rulePriority\":2}]");
        }

        @Test
        void needsAllThreeOptionsAndNotAPolicyFileBesides() {
            int exit = run("lifecycle", "preview", "--platform", "examples/ecommerce/platform.yaml", "--environment", "prod",
                    "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).isEqualTo("error: the policy comes either from --policy <file> or from all three of"
                    + " --platform, --environment and --service. Fix: give one of the two" + System.lineSeparator());
        }

        @Test
        void namesTheEnvironmentsWhenOneIsUnknown() {
            int exit = run("lifecycle", "preview", "--platform", "examples/ecommerce/platform.yaml", "--environment", "qa",
                    "--service", "user-service", "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("error: --environment \"qa\" is not an environment of"
                    + " examples/ecommerce/platform.yaml: use one of [dev, staging, prod]" + System.lineSeparator());
        }
    }

    @Test
    void printsATableByDefault() {
        int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString(),
                "--now", "2026-01-15T00:00:00Z");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("ACTION     RULE        SIZE  DIGEST")
                .contains("expire     1        1.0 GiB  sha256:aaa")
                .contains("transition 2        2.0 GiB  sha256:bbb")
                .contains("keep       -        3.0 GiB  sha256:ccc")
                .contains("  expire      1 (1.0 GiB)\n")
                .contains("  before      $0.60\n  after       $0.50\n")
                .contains("storage       before                  after\n"
                        + "  standard    6.0 GiB    $0.60/month  3.0 GiB    $0.30/month\n"
                        + "  archive     0 B        $0.00/month  2.0 GiB    $0.20/month\n")
                .contains("upper bound: image sizes are summed")
                .contains("  standard    $0.10 per GB-month: Amazon ECR pricing");
    }

    @Nested
    class StrictInput {
        static final String DIGEST = "sha256:" + "a".repeat(64);

        String error(String images) throws IOException {
            Path file = Files.writeString(dir.resolve("strict.json"), images);
            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", file.toString(), "--format", "json");
            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            return err.toString().replace("error: the images file " + file + " cannot be used: ", "").strip();
        }

        String image(String fields) {
            return "{\"imageDigest\": \"" + DIGEST + "\", \"imagePushedAt\": \"2026-01-01T00:00:00Z\", " + fields + "}";
        }

        @Test
        void tagsGivenAsTextAreRejectedNotReadAsUntagged() throws IOException {
            assertThat(error("{\"imageDetails\": [\n" + image("\"imageTags\": \"v1.2.3\", \"imageSizeInBytes\": 1") + "]}"))
                    .startsWith("imageDetails[0].imageTags at line 2, column ")
                    .contains("must be a list of tags, got the text \"v1.2.3\"")
                    .endsWith("Fix: write [\"v1.2.3\"], as describe-images prints it");
        }

        @Test
        void negativeAndNonNumericSizesAreRejected() throws IOException {
            assertThat(error("{\"imageDetails\": [\n" + image("\"imageSizeInBytes\": -5") + "]}"))
                    .startsWith("imageDetails[0].imageSizeInBytes at line 2, column ")
                    .contains("must be a whole number of bytes, zero or more; got -5");
            err.getBuffer().setLength(0);
            assertThat(error("{\"imageDetails\": [\n" + image("\"imageSizeInBytes\": \"5\"") + "]}"))
                    .contains("imageSizeInBytes at line 2").contains("got the text \"5\"");
        }

        @Test
        void epochMillisecondsAreRejected() throws IOException {
            assertThat(error("{\"imageDetails\": [\n{\"imageDigest\": \"" + DIGEST + "\", \"imagePushedAt\": 1767225600000}]}"))
                    .startsWith("imageDetails[0].imagePushedAt at line 2, column ")
                    .contains("1767225600000 is not a time in epoch seconds (epoch milliseconds?)");
        }

        @Test
        void aDigestListedTwiceIsRejectedWithTheLineOfTheSecond() throws IOException {
            assertThat(error("{\"imageDetails\": [\n" + image("\"imageSizeInBytes\": 1") + "]}\n{\"imageDetails\": [\n"
                    + image("\"imageSizeInBytes\": 1") + "]}"))
                    .isEqualTo("imageDetails[1] at line 4, column 1 repeats the imageDigest " + DIGEST + " of imageDetails[0]: "
                            + "a repository lists each image once, so pages were appended twice. Fix: pass each "
                            + "describe-images page once");
        }

        @Test
        void trailingDataAfterTheJsonIsRejected() throws IOException {
            assertThat(error("{\"imageDetails\": [\n" + image("\"imageSizeInBytes\": 1") + "]}\ntrailing"))
                    .startsWith("not valid JSON at line 3, column ");
        }

        @Test
        void anInfinitePriceIsACleanError() {
            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString(),
                    "--price-per-gb-month", "Infinity");

            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("error: storage prices must be finite and zero or more (got standard "
                    + "Infinity, archive 0.1)");
        }
    }

    @Nested
    class Errors {
        @Test
        void malformedImagesJsonExitsWithTwoAndPrintsNothingToOut() throws IOException {
            Files.writeString(images, "{\"imageDetails\": [ {\"imageDigest\": ");

            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).isEqualTo("error: the images file " + images + " cannot be used: not valid JSON "
                    + "at line 1, column 36: Unexpected end-of-input within/between Object entries. Fix: pass the unmodified output "
                    + "of `aws ecr describe-images --output json`" + System.lineSeparator());
        }

        @Test
        void anInvalidPolicyListsEveryProblemAndExitsWithTwo() throws IOException {
            Files.writeString(policy, POLICY.replace("\"countNumber\": 90", "\"countNumber\": 0")
                    .replace("\"type\": \"transition\", \"targetStorageClass\": \"archive\"", "\"type\": \"expire\""));

            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).isEqualTo("error: the lifecycle policy file " + policy + " cannot be used: "
                    + "lifecycle policy is invalid (2 problems):\n"
                    + "  - rule 2: selection.countNumber 0 is invalid: must be a positive integer (0 is not accepted). "
                    + "Fix: use 1 or more\n"
                    + "  - rule 2: action.type \"expire\" is not allowed with countType \"sinceImagePulled\": pull-age "
                    + "rules can only transition images to archive. Fix: use {\"type\": \"transition\", "
                    + "\"targetStorageClass\": \"archive\"} and expire them later with a sinceImageTransitioned rule"
                    + System.lineSeparator());
        }

        @Test
        void unknownPolicyFieldsExitWithTwo() throws IOException {
            Files.writeString(policy, POLICY.replace("\"rulePriority\": 1,", "\"rulePriority\": 1, \"enabled\": true,"));

            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).contains("the lifecycle policy file " + policy + " cannot be used: lifecycle "
                    + "policy is invalid (1 problem):\n  - rules[0].enabled is not a lifecycle-policy field");
        }

        @Test
        void aMissingFileIsNamed() {
            int exit = run("lifecycle", "preview", "--policy", dir.resolve("nope.json").toString(),
                    "--images", images.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("error: cannot read the lifecycle policy file " + dir.resolve("nope.json")
                    + ": no such file. Fix: pass the path of a readable JSON file to --policy" + System.lineSeparator());
        }

        @Test
        void aBadNowIsRejected() {
            int exit = run("lifecycle", "preview", "--policy", policy.toString(), "--images", images.toString(),
                    "--now", "yesterday");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("error: --now \"yesterday\" is not an ISO-8601 time with offset. Fix: "
                    + "write it like 2026-01-15T12:00:00Z" + System.lineSeparator());
        }

        @Test
        void missingOptionsAreAUsageErrorWithExitTwo() {
            assertThat(run("lifecycle", "preview", "--policy", policy.toString())).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("Missing required option: '--images=<file>'");
        }
    }

    @Test
    void theRootCommandListsItsCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ecr-blueprint", "lifecycle");
    }
}
