package stacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/cdk-app.js, the cdk app for machines without bash (Windows): run by Node with a PATH that holds Node and
 * nothing else (no bash, no sh, no Maven), it starts the app on the build output and jsii's Node with its relay,
 * and synthesizes the minimal example.
 */
class NodeLauncherIT {

    static final Path ROOT = Path.of("").toAbsolutePath();

    static Path node() {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError("node is not on the PATH");
    }

    @Test
    void synthesizesWhereBashIsAbsent(@TempDir Path temp) throws Exception {
        // A checkout whose build is up to date: the launcher's own files, the build output, an older source tree.
        Path checkout = temp.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.createDirectories(checkout.resolve("src/main"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(ROOT.resolve("bin/cdk-app.js"), checkout.resolve("bin/cdk-app.js"));
        Files.copy(ROOT.resolve("pom.xml"), checkout.resolve("pom.xml"));
        Files.createSymbolicLink(checkout.resolve("target/classes"), ROOT.resolve("target/classes"));
        Files.copy(ROOT.resolve("target/classpath.txt"), checkout.resolve("target/classpath.txt"));
        Files.writeString(checkout.resolve("target/.launcher-stamp"), "");
        Path path = Files.createDirectories(temp.resolve("path"));
        Files.createSymbolicLink(path.resolve("node"), node());

        ObjectMapper json = new ObjectMapper();
        ObjectNode context = (ObjectNode) json.readTree(ROOT.resolve("cdk.json").toFile()).get("context");
        context.put("platform", "examples/minimal/platform.yaml");
        Path out = temp.resolve("cdk.out");
        ProcessBuilder builder = new ProcessBuilder(List.of(path.resolve("node").toString(),
                checkout.resolve("bin/cdk-app.js").toString()))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JSII_NODE") || name.equals("JAVA_OPTS"));
        builder.environment().put("PATH", path.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CDK_OUTDIR", out.toString());
        builder.environment().put("CDK_CONTEXT_JSON", json.writeValueAsString(context));
        Process process = builder.start();

        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("synthesis finished within 5 minutes").isTrue();
        String output = Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.endsWith(".template.json"))
                    .contains("manifest.json");
        }
    }
}
