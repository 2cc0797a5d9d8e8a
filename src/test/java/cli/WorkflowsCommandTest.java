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

    /** Every example commits its generated CI files, and they are current (issue 20's must-show). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"anchors", "brownfield", "ci-systems", "delivery", "ecommerce",
            "minimal", "multi-account", "public-signing", "shared-key"})
    void checkPassesOnEveryExample(String example) {
        Result result = run("--platform", "examples/" + example + "/platform.yaml", "--out", "examples/" + example + "/ci", "--check");

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(WorkflowsCommand.OK);
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

    @Test
    void anOutThatIsAnExistingFileIsRefusedAndTheFileKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ci.txt");
        Files.writeString(file, "my notes\n");

        Result result = run("--platform", EXAMPLE, "--out", file.toString());

        assertThat(result.exit()).isEqualTo(WorkflowsCommand.INVALID);
        assertThat(result.err()).startsWith("error: --out " + file + " is a file, not a directory. Nothing was written or deleted.");
        assertThat(Files.readString(file)).isEqualTo("my notes\n");
        assertThat(files(dir)).containsExactly("ci.txt");
    }

    @Test
    void theFileSystemRootIsRefusedBeforeAnythingIsRead() {
        Result result = run("--platform", EXAMPLE, "--out", "/");

        assertThat(result.exit()).isEqualTo(WorkflowsCommand.INVALID);
        assertThat(result.err()).isEqualTo("error: --out / is the root of the file system: the generated files go into a"
                + " directory of their own, which is replaced as a whole. Nothing was written. Hint: name a directory, e.g."
                + " --out ci\n");
        assertThat(run("--platform", EXAMPLE, "--out", "/", "--check").exit()).isEqualTo(WorkflowsCommand.INVALID);
    }

    @Test
    void aFolderThatCannotBeWrittenIsAnErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        // /proc refuses new directories even to root; a file as the parent refuses them to everyone.
        Path file = dir.resolve("a-file");
        Files.writeString(file, "kept\n");
        for (Path out : List.of(Path.of("/proc/ecr-blueprint-ci"), file.resolve("ci"))) {
            Result result = run("--platform", EXAMPLE, "--out", out.toString());

            assertThat(result.exit()).as(out.toString()).isEqualTo(WorkflowsCommand.INVALID);
            assertThat(result.err()).as(out.toString()).startsWith("error: cannot write --out " + out + ": ")
                    .endsWith(". Nothing in " + out + " was changed. Hint: name a directory you can write to\n")
                    .doesNotContain("\tat ", "Exception");
        }
        assertThat(Files.readString(file)).isEqualTo("kept\n");
    }

    @Test
    void outputFoldersKeepTheUmask(@TempDir Path dir) throws Exception {
        Path reference = Files.createDirectory(dir.resolve("made-with-the-umask"));
        Path out = dir.resolve("ci");

        assertThat(run("--platform", EXAMPLE, "--out", out.toString()).exit()).isZero();
        assertThat(run("--platform", EXAMPLE, "--out", out.toString()).exit()).as("replacing").isZero();

        var expected = Files.getPosixFilePermissions(reference);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(out.resolve("user-service"))).isEqualTo(expected);
        assertThat(files(dir)).allMatch(f -> f.startsWith("ci/"));
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ci", "made-with-the-umask");
        }
    }
}
