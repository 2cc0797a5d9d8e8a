package cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapCommandTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BootstrapCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void writesTheCommandsAndThePolicyAndCheckFindsThemCurrent(@TempDir Path dir) throws Exception {
        Result written = run("--platform", "examples/minimal/platform.yaml", "--out", dir.toString());

        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.out()).startsWith("npx cdk bootstrap aws://111111111111/eu-west-1 --cloudformation-execution-policies"
                + " arn:aws:iam::111111111111:policy/ecr-blueprint-hello-cfn-exec\n");
        assertThat(Files.readString(dir.resolve("111111111111.execution-policy.json"))).contains("\"ecr:CreateRepository\"");

        Files.writeString(dir.resolve("111111111111.execution-policy.json"), "{}");
        Result check = run("--platform", "examples/minimal/platform.yaml", "--out", dir.toString(), "--check");
        assertThat(check.exit()).isEqualTo(BootstrapCommand.OUT_OF_DATE);
        assertThat(check.err()).contains("111111111111.execution-policy.json: differs from the generated file");
    }

    @Test
    void aBadPlatformFileExitsWithTwoAndNamesTheProblemWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(file, "platform: hello\nenvironments: []\nservices: []\n");

        Result result = run("--platform", file.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.exit()).isEqualTo(BootstrapCommand.INVALID);
        assertThat(result.err()).contains("environments").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
