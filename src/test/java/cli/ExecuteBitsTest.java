package cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source zip (CodePipeline's source artifact, a browser download) may drop the execute bits of bin/: the cdk app
 * and the CLI still start, because cdk.json runs {@code bash bin/cdk-app} and the scripts start each other with bash.
 */
class ExecuteBitsTest {

    @Test
    void cdkJsonRunsTheAppThroughBash() throws Exception {
        String app = new ObjectMapper().readTree(Path.of("cdk.json").toFile()).get("app").asText();
        assertThat(app).isEqualTo("bash bin/cdk-app");
    }

    @Test
    void theCliStartsFromACopyWhoseScriptsLostTheirExecuteBits(@TempDir Path clone) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Files.createDirectories(clone.resolve("bin"));
        try (Stream<Path> scripts = Files.list(root.resolve("bin"))) {
            for (Path script : scripts.toList()) {
                Path copy = clone.resolve("bin").resolve(script.getFileName());
                Files.copy(script, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        for (String shared : new String[] {"target", "src"}) {
            Files.createSymbolicLink(clone.resolve(shared), root.resolve(shared));
        }
        Files.copy(root.resolve("pom.xml"), clone.resolve("pom.xml"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        // Surefire runs after compilation: the build output is current, as bin/launch's stamp says when it skips Maven.
        Files.setLastModifiedTime(root.resolve("target/.launcher-stamp").toFile().exists()
                        ? root.resolve("target/.launcher-stamp") : Files.createFile(root.resolve("target/.launcher-stamp")),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now()));

        Process process = new ProcessBuilder("bash", clone.resolve("bin/ecr-blueprint").toString(), "--version")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ecr-blueprint 0.1.0");
    }
}
