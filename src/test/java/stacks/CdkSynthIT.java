package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the real, pinned cdk CLI (node_modules/.bin/cdk, installed by the build):
 * what a platform engineer gets from the README's synth command.
 */
class CdkSynthIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/e2e/cdk.out");

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run cdk(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("node_modules/.bin/cdk").toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("cdk", ".out");
        Path stderr = Files.createTempFile("cdk", ".err");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("cdk finished within 5 minutes").isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeAll
    static void cleanState() throws IOException {
        deleteRecursively(ROOT.resolve("target/e2e"));
    }

    @Test
    void synthOfTheDefaultExampleWritesExactlyTheExpectedStacks() throws Exception {
        Run run = cdk("synth", "--quiet", "--output", OUT.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(OUT.resolve("manifest.json").toFile());
        Set<String> stacks = new TreeSet<>();
        manifest.get("artifacts").properties().forEach(artifact -> {
            if ("aws:cloudformation:stack".equals(artifact.getValue().path("type").asText())) {
                stacks.add(artifact.getKey());
            }
        });
        assertThat(stacks).containsExactlyInAnyOrder(
                "shop-account-111111111111",
                "shop-account-222222222222",
                "shop-registry-111111111111-eu-west-1",
                "shop-registry-222222222222-eu-west-1",
                "shop-registry-222222222222-eu-central-1",
                "shop-dev",
                "shop-staging",
                "shop-prod");
        for (String stack : stacks) {
            assertThat(OUT.resolve(stack + ".template.json")).isRegularFile();
            // BlueprintApp's context default: no creation stack traces (from Java they hold only jsii's frames).
            assertThat(OUT.resolve(stack + ".metadata.json")).content()
                    .contains("aws:cdk:logicalId").doesNotContain("aws:cdk:creationStack");
        }
    }

    @Test
    void synthOfTheDefaultExamplePrintsNoWarningAndPassesTheControlTowerControls() throws Exception {
        Path out = ROOT.resolve("target/e2e/quiet.out");

        Run run = cdk("synth", "--quiet", "--output", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat((run.stdout() + run.stderr()).lines())
                .as("documented design choices are acknowledged where they are made, not printed")
                .noneMatch(line -> line.contains("WARNING") || line.contains("[Warning"));
        // Every template was evaluated against the Control Tower controls, and the registry's choices are on record.
        assertThat(out.resolve("shop-prod.control-tower.json")).content().contains("\"CT.KMS.PR.3\"").contains("\"PASS\"");
        assertThat(out.resolve("shop-registry-111111111111-eu-west-1.metadata.json")).content()
                .contains("aws:cdk:acknowledged-rules").contains("ecr-blueprint:mutableCacheTemplate");
    }

    @Test
    void aRealWarningIsPrintedOnce() throws Exception {
        Path platform = ROOT.resolve("target/e2e/one-az.yaml");
        Files.createDirectories(platform.getParent());
        String text = Files.readString(ROOT.resolve("examples/ecommerce/platform.yaml"));
        String oneSubnet = text.replaceAll("(?m)^        - id: subnet-0a1b2c3d4e5f6000[23]\\n          availabilityZone: eu-west-1[bc]\\n", "");
        assertThat(oneSubnet).as("the fixture removed two of prod's three subnets").isNotEqualTo(text);
        Files.writeString(platform, oneSubnet);

        Run run = cdk("synth", "--quiet", "--output", ROOT.resolve("target/e2e/one-az.out").toString(),
                "-c", "platform=" + platform);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat((run.stdout() + run.stderr()).lines().filter(line -> line.startsWith("WARNING")))
                .singleElement().asString().contains("one Availability Zone only");
    }

    @Test
    void aMissingPlatformFileIsOneClearErrorAndWritesNothing() throws Exception {
        Path out = ROOT.resolve("target/e2e/missing.out");

        Run run = cdk("synth", "--quiet", "--output", out.toString(), "-c", "platform=examples/nope/platform.yaml");

        assertThat(run.exitCode()).isNotZero();
        String all = run.stdout() + run.stderr();
        assertThat(all).contains("examples/nope/platform.yaml: platform file not found.");
        assertThat(all).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.resolve("manifest.json")).doesNotExist();
        // What `report` reads to refuse the assembly instead of reporting nothing or an earlier synthesis.
        assertThat(out.resolve(validation.CloudAssembly.FAILED_SYNTHESIS)).content()
                .contains("examples/nope/platform.yaml: platform file not found.");
    }

    @Test
    void aFailedSynthesisOverAnEarlierAssemblyIsRecordedSoReportRefusesTheOldTemplates() throws Exception {
        Path out = ROOT.resolve("target/e2e/stale.out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{\"version\": \"48.0.0\", \"artifacts\": {}}");

        Run run = cdk("synth", "--quiet", "--output", out.toString(), "-c", "platform=examples/nope/platform.yaml");

        assertThat(run.exitCode()).isNotZero();
        assertThat(validation.CloudAssembly.read(out).failedBefore()).get().asString()
                .contains("examples/nope/platform.yaml: platform file not found.");
    }

    @Test
    void aFileThatIsNotYamlIsOneClearErrorAndWritesNothing() throws Exception {
        Path broken = ROOT.resolve("target/e2e/broken.yaml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "platform: shop\nenvironments: [ {name: dev\n");
        Path out = ROOT.resolve("target/e2e/broken.out");

        Run run = cdk("synth", "--quiet", "--output", out.toString(), "-c", "platform=" + broken);

        assertThat(run.exitCode()).isNotZero();
        String all = run.stdout() + run.stderr();
        assertThat(all).contains(broken + ": not a valid platform file: not YAML or JSON");
        assertThat(all).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.resolve("manifest.json")).doesNotExist();
    }
}
