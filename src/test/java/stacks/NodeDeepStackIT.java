package stacks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/node-deep-stack, the jsii Node of bin/launch (so of {@code cdk synth}): it runs jsii's kernel without
 * jsii's relay process (bin/jsii-kernel-direct.js wires it to the JVM's pipes). A JVM of its own runs
 * {@link JsiiKernelProbeApp} both ways and must see the same: the same template and, byte for byte, the same
 * console output from Node.
 */
class NodeDeepStackIT {

    static final Path ROOT = Path.of("").toAbsolutePath();

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run probe(Path out, boolean relay) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JsiiKernelProbeApp.class.getName(), out.toString());
        Path stdout = Files.createTempFile(out.getParent(), "probe", ".out");
        Path stderr = Files.createTempFile(out.getParent(), "probe", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JSII_NODE", ROOT.resolve("bin/node-deep-stack").toString());
        builder.environment().put("CDK_VALIDATION", "false");
        if (relay) {
            builder.environment().put("ECR_BLUEPRINT_JSII_RELAY", "1");
        } else {
            builder.environment().remove("ECR_BLUEPRINT_JSII_RELAY");
        }
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the probe finished within 3 minutes").isTrue();
        // The CDK names its report file by an absolute path or by one relative to the working directory.
        String err = Files.readString(stderr, StandardCharsets.UTF_8)
                .replace(out.toString(), "<outdir>").replace(ROOT.relativize(out).toString(), "<outdir>");
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), err);
    }

    @Test
    void theKernelRunsWithoutTheRelayAndBehavesAsWithIt(@TempDir Path temp) throws Exception {
        Run direct = probe(temp.resolve("direct"), false);
        Run relayed = probe(temp.resolve("relayed"), true);

        assertThat(direct.exitCode()).as(direct.stderr()).isZero();
        assertThat(relayed.exitCode()).as(relayed.stderr()).isZero();
        assertThat(direct.stdout()).contains("jsii-kernel-direct.js").doesNotContain("jsii-runtime.js");
        assertThat(relayed.stdout()).contains("jsii-runtime.js").doesNotContain("jsii-kernel-direct.js");
        // Node's console output (the validation report) reaches the JVM, text and encoding intact.
        assertThat(direct.stderr()).contains("a warning with ünïcödé, printed by Node's console")
                .contains("<outdir>/validation-report.json")
                .isEqualTo(relayed.stderr());
        assertThat(temp.resolve("direct/Probe.template.json")).content()
                .contains("hello from the probe")
                .isEqualTo(Files.readString(temp.resolve("relayed/Probe.template.json")));
    }
}
