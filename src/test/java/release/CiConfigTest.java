package release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own CI runs the README's test command on Linux and macOS, {@code .ci/run} runs exactly that command,
 * and dependency updates keep the CDK packages in one group (the ones {@code bin/upgrade-cdk} moves together).
 */
class CiConfigTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The README's test command: the line of its first code block that runs the whole suite. */
    static String readmeTestCommand() throws Exception {
        return Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.contains("# build and run the whole test suite"))
                .map(line -> line.substring(0, line.indexOf('#')).trim())
                .findFirst().orElseThrow();
    }

    @Test
    void theWorkflowRunsTheReadmesTestCommandOnLinuxAndMacos() throws Exception {
        JsonNode job = YAML.readTree(Path.of(".github/workflows/ci.yml").toFile()).path("jobs").path("verify");

        assertThat(readmeTestCommand()).isEqualTo("mvn verify");
        assertThat(texts(job.path("strategy").path("matrix").path("os"))).containsExactlyInAnyOrder("ubuntu-latest", "macos-latest");
        assertThat(job.path("runs-on").asText()).isEqualTo("${{ matrix.os }}");
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) {
                runs.add(step.get("run").asText().trim());
            }
        });
        assertThat(runs).containsExactly(readmeTestCommand());
    }

    @Test
    void ciRunCallsExactlyTheReadmesTestCommand() throws Exception {
        List<String> commands = Files.readAllLines(Path.of(".ci/run")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "))
                .toList();

        assertThat(commands).containsExactly(readmeTestCommand());
    }

    @Test
    void dependabotGroupsEveryCdkPackageTheUpgradeScriptMovesIntoOnePullRequest() throws Exception {
        JsonNode config = YAML.readTree(Path.of(".github/dependabot.yml").toFile());
        List<String> cdkPatterns = new ArrayList<>();
        config.path("updates").forEach(update -> {
            if ("aws-cdk".equals(update.path("multi-ecosystem-group").asText())) {
                cdkPatterns.addAll(texts(update.path("patterns")));
            }
        });

        assertThat(config.path("multi-ecosystem-groups").has("aws-cdk")).isTrue();
        assertThat(cdkPatterns).contains("software.amazon.awscdk:*", "software.constructs:*", "software.amazon.jsii:*",
                "io.github.cdklabs:*", "com.fasterxml.jackson:*", "aws-cdk", "@aws/cloudformation-validate");
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
