package cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import platform.BrokenFiles;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(String... args) {
        return new CommandLine(new ValidateCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void aValidFileExitsZeroAndSaysWhatItDescribes() {
        int exit = validate("examples/ecommerce/platform.yaml");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("examples/ecommerce/platform.yaml: valid: platform shop, 3 environments,"
                + " 4 services, 12 repositories" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platform.BrokenFiles#withOneProblem")
    void aBrokenFileExitsTwoAndPrintsItsProblem(String name, String path, String problem) {
        int exit = validate(BrokenFiles.file(name).toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(BrokenFiles.message(name, problem) + System.lineSeparator());
        assertThat(err.toString()).contains("  " + path + " (line ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void takesThePlatformFileAsTheOtherCommandsDo() {
        int exit = validate("--platform", "examples/ecommerce/platform.yaml");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).startsWith("examples/ecommerce/platform.yaml: valid: platform shop,");
    }

    @Test
    void refusesNoFileAndTwoFilesAsAUsageError() {
        assertThat(validate()).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required argument: <platform file> (or --platform <file>)");
        assertThat(validate("--platform", "examples/ecommerce/platform.yaml", "examples/minimal/platform.yaml")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileExitsTwo() {
        int exit = validate("no/such/platform.yaml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("no/such/platform.yaml: platform file not found. Hint: give an existing YAML"
                + " or JSON file, e.g. `cdk synth -c platform=examples/ecommerce/platform.yaml`." + System.lineSeparator());
    }

    @Test
    void everyProblemIsPrintedNotOnlyTheFirst() {
        int exit = validate(BrokenFiles.file("many-problems").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(BrokenFiles.file("many-problems") + ": 16 problems" + System.lineSeparator());
        assertThat(err.toString().lines()).hasSize(17);
    }
}
