package stacks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch path's accelerator, bin/node-deep-stack running jsii's kernel ({@code lib/program.js}) without jsii's
 * relay ({@code bin/jsii-runtime.js}), depends on jsii-runtime's private layout. These tests keep it an
 * accelerator: the pinned jsii-runtime is the one aws-cdk-lib is built for and the one bin/jsii-kernel-direct.js
 * was checked against (pom.xml's enforcer rule checks the first half at {@code mvn validate}), and a layout without
 * the kernel program, or the kernel program of another jsii, falls back to the relay.
 */
class JsiiLaunchPathTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    static String resource(String name) throws IOException {
        try (InputStream in = JsiiLaunchPathTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String pinnedJsiiRuntime() throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(resource("META-INF/maven/software.amazon.jsii/jsii-runtime/pom.properties")));
        return properties.getProperty("version");
    }

    static String jsiiRuntimeDeclaredByAwsCdkLib() throws Exception {
        try (InputStream in = JsiiLaunchPathTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/software.amazon.awscdk/aws-cdk-lib/pom.xml")) {
            NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                if (text(dependency, "groupId").equals("software.amazon.jsii")
                        && text(dependency, "artifactId").equals("jsii-runtime")) {
                    return text(dependency, "version");
                }
            }
        }
        throw new AssertionError("aws-cdk-lib's POM declares no jsii-runtime");
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    @Test
    void thePinnedJsiiRuntimeIsTheOneAwsCdkLibDeclares() throws Exception {
        assertThat(pinnedJsiiRuntime())
                .as("pom.xml's jsii-runtime.version: set it to what aws-cdk-lib declares")
                .isEqualTo(jsiiRuntimeDeclaredByAwsCdkLib());
    }

    /** The version bin/node-deep-stack takes the kernel without its relay for, and no other. */
    static String checkedJsiiRuntime() throws IOException {
        var matcher = java.util.regex.Pattern.compile("(?m)^checked_jsii_runtime=(\\S+)$")
                .matcher(Files.readString(ROOT.resolve("bin/node-deep-stack")));
        assertThat(matcher.find()).as("bin/node-deep-stack names the jsii runtime it was checked against").isTrue();
        return matcher.group(1);
    }

    @Test
    void theKernelWithoutItsRelayWasCheckedAgainstThePinnedJsiiRuntime() throws Exception {
        // On a jsii upgrade: re-read the relay (bin/jsii-runtime.js) for the contract jsii-kernel-direct.js copies,
        // run NodeDeepStackIT, and update the version named in both files.
        assertThat(checkedJsiiRuntime()).isEqualTo(pinnedJsiiRuntime());
        assertThat(Files.readString(ROOT.resolve("bin/jsii-kernel-direct.js")))
                .contains("(jsii-runtime " + pinnedJsiiRuntime() + ")");
        assertThat(resource("software/amazon/jsii/bin/jsii-runtime.js")).isNotEmpty();
        // The marker bin/node-deep-stack looks for: the kernel program bundles its package.json.
        assertThat(resource("software/amazon/jsii/lib/program.js"))
                .contains(kernelVersionMarker(pinnedJsiiRuntime()));
    }

    static String kernelVersionMarker(String version) {
        return "\"name\":\"@jsii/runtime\",\"version\":\"" + version + "\"";
    }

    /** A jsii layout with a relay that says so, and optionally a kernel program of {@code kernelVersion} that says so. */
    static Path layout(Path dir, String kernelVersion) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("bin/jsii-runtime.js"), "process.stdout.write('relay\\n');\n");
        if (kernelVersion != null) {
            Files.createDirectories(dir.resolve("lib"));
            // The kernel speaks on descriptor 3, which jsii-kernel-direct.js connects to the host's stdout.
            Files.writeString(dir.resolve("lib/program.js"), "const pkg = JSON.parse('{" + kernelVersionMarker(kernelVersion)
                    + "}');\nrequire('fs').writeSync(3, 'kernel\\n');\n");
        }
        return dir.resolve("bin/jsii-runtime.js");
    }

    static String nodeDeepStack(Path runtime, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", ROOT.resolve("bin/node-deep-stack").toString(),
                runtime.toString())).redirectErrorStream(true);
        builder.environment().remove("ECR_BLUEPRINT_JSII_RELAY");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theKernelRunsWithoutTheRelayWhereTheLayoutIsTheCheckedOne(@TempDir Path temp) throws Exception {
        assertThat(nodeDeepStack(layout(temp, checkedJsiiRuntime()), Map.of())).isEqualTo("kernel\n");
    }

    @Test
    void aLayoutWithoutTheKernelProgramFallsBackToTheRelay(@TempDir Path temp) throws Exception {
        assertThat(nodeDeepStack(layout(temp, null), Map.of())).isEqualTo("relay\n");
    }

    @Test
    void aKernelProgramOfAnotherJsiiFallsBackToTheRelay(@TempDir Path temp) throws Exception {
        // An upgraded jsii may keep lib/program.js but change what the relay does for it.
        assertThat(nodeDeepStack(layout(temp, "1.999.0"), Map.of())).isEqualTo("relay\n");
    }

    @Test
    void theOffSwitchKeepsTheRelay(@TempDir Path temp) throws Exception {
        assertThat(nodeDeepStack(layout(temp, checkedJsiiRuntime()), Map.of("ECR_BLUEPRINT_JSII_RELAY", "1")))
                .isEqualTo("relay\n");
    }
}
