package cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnRepository;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    private static final Path FIXTURE = Path.of("src/test/resources/compliance/cdk-out");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path copyOfFixture(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return dir;
    }

    @Test
    void aMissingCloudAssemblyExitsWith2AndSaysToSynthesizeFirst(@TempDir Path dir) {
        Path missing = dir.resolve("cdk.out");

        assertThat(run("--cdk-out", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: cloud assembly " + missing + " does not exist: run `cdk synth` first, "
                + "or name the directory with --cdk-out" + System.lineSeparator());
    }

    @Test
    void aDirectoryWithoutAManifestIsNotACloudAssembly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("old.template.json"), "{}");

        assertThat(run("--cdk-out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + dir + " is not a cloud assembly (it has no manifest.json): run"
                + " `cdk synth` first, or name the directory with --cdk-out" + System.lineSeparator());
    }

    @Test
    void anAssemblyWithoutStacksExitsWith2(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"version\": \"48.0.0\", \"artifacts\": {}}");

        assertThat(run("--cdk-out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: cloud assembly " + dir + " holds no *.template.json");
    }

    @Test
    void onlyTheStacksOfTheLastSynthesisAreReported(@TempDir Path dir) throws IOException {
        Path cdkOut = copyOfFixture(dir);
        // A template an earlier synthesis wrote for a stack the platform no longer has.
        Files.copy(cdkOut.resolve("shop-prod.template.json"), cdkOut.resolve("shop-removed.template.json"));

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(1);
        String json = Files.readString(cdkOut.resolve("compliance-report.json"));
        assertThat(json).contains("shop-prod.template.json", "assembly-Prod/Prodshop1234ABCD.template.json")
                .doesNotContain("shop-removed");
        assertThat(out.toString()).endsWith("3 repositories, 7 failing controls" + System.lineSeparator());
    }

    @Test
    void anAssemblyWhoseSynthesisFailedIsRefusedAndNoReportWritten(@TempDir Path dir) throws IOException {
        Path cdkOut = copyOfFixture(dir);
        Path manifest = cdkOut.resolve("assembly-Prod/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"type\": \"aws:cloudformation:stack\",",
                "\"type\": \"aws:cloudformation:stack\", \"metadata\": {\"/Prod/shop/Repo/Resource\": [{\"type\": \"aws:cdk:error\","
                        + " \"data\": \"[Error at /Prod/shop/Repo/Resource] EcrBlueprint-ECR2: not IMMUTABLE\"}]},"));

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: the last synthesis into " + cdkOut + " failed with 1 error, so its"
                + " templates are not what would deploy; no report is written. Fix them and run `cdk synth` again:"
                + System.lineSeparator() + "  /Prod/shop/Repo/Resource: [Error at /Prod/shop/Repo/Resource] EcrBlueprint-ECR2:"
                + " not IMMUTABLE" + System.lineSeparator());
        assertThat(cdkOut.resolve("compliance-report.md")).doesNotExist();
    }

    /**
     * A real synthesis with an error annotation: the CDK writes a stack's annotations to {@code <stack>.metadata.json}
     * (named by the manifest's {@code additionalMetadataFile}), not into manifest.json, and the report must still
     * refuse the assembly. The CDK writes the templates all the same, so only the annotations tell.
     */
    @Test
    void anAssemblyWhoseSynthesisRecordedAnErrorInAStackMetadataFileIsRefused(@TempDir Path dir) {
        Path cdkOut = dir.resolve("cdk.out");
        App app = new App(AppProps.builder().outdir(cdkOut.toString()).analyticsReporting(false).build());
        Stack stack = new Stack(app, "shop-prod");
        CfnRepository repository = CfnRepository.Builder.create(stack, "Repo").repositoryName("shop/prod/web").build();
        Annotations.of(repository).addError("EcrBlueprint-ImmutableTags: not IMMUTABLE");
        app.synth();
        assertThat(cdkOut.resolve("shop-prod.metadata.json")).content().contains("aws:cdk:error");
        assertThat(cdkOut.resolve("manifest.json")).content().doesNotContain("aws:cdk:error");

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: the last synthesis into " + cdkOut + " failed with 1 error, so its"
                + " templates are not what would deploy; no report is written. Fix them and run `cdk synth` again:"
                + System.lineSeparator() + "  /shop-prod/Repo: EcrBlueprint-ImmutableTags: not IMMUTABLE" + System.lineSeparator());
        assertThat(cdkOut.resolve("compliance-report.md")).doesNotExist();
    }

    @Test
    void aSynthesisThatFailedBeforeWritingAnythingIsRefusedNamingItsCauseAndTheEarlierTemplatesAreNotReported(@TempDir Path dir)
            throws IOException {
        // A good synthesis, then one the app stopped before the CDK wrote anything: the templates are the earlier ones.
        Path cdkOut = copyOfFixture(dir);
        validation.CloudAssembly.recordFailure(cdkOut, "platform.yaml: 1 problem");

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: the last synthesis into " + cdkOut + " failed before writing its"
                + " templates: platform.yaml: 1 problem" + System.lineSeparator()
                + "Hint: fix that and run `cdk synth` again; the templates in " + cdkOut + " are from an earlier synthesis,"
                + " so no report is written." + System.lineSeparator());
        assertThat(cdkOut.resolve("compliance-report.md")).doesNotExist();
    }

    @Test
    void aFirstSynthesisThatFailedBeforeWritingAnythingIsNamedInsteadOfNoAssembly(@TempDir Path dir) {
        Path cdkOut = dir.resolve("cdk.out");
        validation.CloudAssembly.recordFailure(cdkOut, "platform.yaml: platform file not found.");

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: the last synthesis into " + cdkOut + " failed before writing its"
                + " templates: platform.yaml: platform file not found." + System.lineSeparator()
                + "Hint: fix that and run `cdk synth` again; there is no assembly to report on." + System.lineSeparator());
    }

    @Test
    void writesEveryFormatNextToTheTemplatesAndExitsWith1WhenControlsFail(@TempDir Path dir) throws IOException {
        Path cdkOut = copyOfFixture(dir);

        assertThat(run("--cdk-out", cdkOut.toString())).isEqualTo(1);
        assertThat(cdkOut.resolve("compliance-report.md")).exists();
        assertThat(cdkOut.resolve("compliance-report.json")).exists();
        assertThat(cdkOut.resolve("compliance-report.sarif")).exists();
        assertThat(out.toString()).endsWith("3 repositories, 7 failing controls" + System.lineSeparator());
    }

    @Test
    void formatMdWritesOnlyMarkdown(@TempDir Path dir) throws IOException {
        Path cdkOut = copyOfFixture(dir);

        run("--cdk-out", cdkOut.toString(), "--format", "md");
        assertThat(cdkOut.resolve("compliance-report.md")).exists();
        assertThat(cdkOut.resolve("compliance-report.sarif")).doesNotExist();
    }

    @Test
    void anUnknownFormatExitsWith2(@TempDir Path dir) throws IOException {
        assertThat(run("--cdk-out", copyOfFixture(dir).toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --format format \"pdf\" is unknown: must be md, json, sarif or all"
                + System.lineSeparator());
    }
}
