package cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowsCommandTest {

    static final String EXAMPLE = "examples/ecommerce/platform.yaml";

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WorkflowsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesAWorkflowAndABuildspecPerService(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ci");

        Result result = run("--platform", EXAMPLE, "--out", out.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(files(out)).containsExactly(
                "order-service/buildspec.yml", "order-service/github-workflow.yml",
                "payment-service/buildspec.yml", "payment-service/github-workflow.yml",
                "product-service/buildspec.yml", "product-service/github-workflow.yml",
                "user-service/buildspec.yml", "user-service/github-workflow.yml");
        assertThat(files(dir)).allMatch(f -> f.startsWith("ci/"));
    }

    @Test
    void checkPassesOnTheCommittedExample() {
        Result result = run("--platform", EXAMPLE, "--out", "examples/ecommerce/ci", "--check");

        assertThat(result.exit()).as(result.err()).isEqualTo(WorkflowsCommand.OK);
        assertThat(result.out()).isEqualTo("examples/ecommerce/ci: 8 files are current\n");
    }

    @Test
    void checkFailsOnAnEditedMissingOrExtraFileNamingEach(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ci");
        run("--platform", EXAMPLE, "--out", out.toString());
        Files.writeString(out.resolve("user-service/buildspec.yml"), "version: 0.2\n");
        Files.delete(out.resolve("order-service/github-workflow.yml"));
        Files.createDirectories(out.resolve("old-service"));
        Files.writeString(out.resolve("old-service/buildspec.yml"), "version: 0.2\n");

        Result result = run("--platform", EXAMPLE, "--out", out.toString(), "--check");

        assertThat(result.exit()).isEqualTo(WorkflowsCommand.OUT_OF_DATE);
        assertThat(result.err()).contains(
                out.resolve("order-service/github-workflow.yml") + ": missing\n",
                out.resolve("user-service/buildspec.yml") + ": differs from the generated file\n",
                out.resolve("old-service/buildspec.yml") + ": not generated from " + EXAMPLE + " (a removed service?)\n",
                "Fix: bin/ecr-blueprint workflows --platform " + EXAMPLE + " --out ");
    }

    @Test
    void regeneratingReplacesStaleFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ci");
        Files.createDirectories(out.resolve("old-service"));
        Files.writeString(out.resolve("old-service/buildspec.yml"), "version: 0.2\n");

        assertThat(run("--platform", EXAMPLE, "--out", out.toString()).exit()).isZero();

        assertThat(files(out)).doesNotContain("old-service/buildspec.yml").hasSize(8);
        assertThat(run("--platform", EXAMPLE, "--out", out.toString(), "--check").exit()).isZero();
    }

    @Test
    void aBadPlatformFileExitsTwoWithTheLoadersMessageAndWritesNothing(@TempDir Path dir) throws Exception {
        Path platform = dir.resolve("platform.yaml");
        Files.writeString(platform, "platform: shop\nenvironments: [ {name: dev\n");
        Path out = dir.resolve("ci");

        Result result = run("--platform", platform.toString(), "--out", out.toString());

        assertThat(result.exit()).isEqualTo(WorkflowsCommand.INVALID);
        assertThat(result.err()).isEqualTo(platform + ": not a valid platform file: not YAML or JSON of the expected shape"
                + " at line 2, column 27 (while parsing a flow mapping: expected ',' or '}', but got <stream end>)."
                + " Hint: see examples/ecommerce/platform.yaml for the format.\n");
        assertThat(files(dir)).containsExactly("platform.yaml");
    }

    @Test
    void refusesAnOutputDirectoryHoldingOtherFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "mine\n");

        Result result = run("--platform", EXAMPLE, "--out", dir.toString());

        assertThat(result.exit()).isEqualTo(WorkflowsCommand.INVALID);
        assertThat(result.err()).isEqualTo("--out " + dir + " holds files the generator did not write: README.md. The "
                + "directory is replaced as a whole; choose an empty directory or one that holds only generated files\n");
        assertThat(files(dir)).containsExactly("README.md");
    }
}
