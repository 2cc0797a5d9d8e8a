package release;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API check of {@code mvn verify} (japicmp-maven-plugin, execution {@code api-compatibility}, exactly as pom.xml
 * configures it) fails when a public method of the last release is gone, and passes once the allow-list names it.
 *
 * <p>The "last release" here is this build's jar with one more public method in {@code stacks.AccountStack}
 * (compiled from the real source plus that method): against it, the current code has removed a public method.
 * Both runs use a copy of the project, so this build's own {@code target/} is never touched.
 */
class ApiCompatibilityIT {

    static final String CLASS = "stacks/AccountStack";
    static final String METHOD = "removedFromTheApi";

    @TempDir
    static Path work;
    static Path baselineWithTheMethod;
    static String pom;

    @BeforeAll
    static void aBaselineWithOneMorePublicMethod() throws Exception {
        String version = pomVersion();
        Path jar = NestedMaven.ROOT.resolve("target/ecr-blueprint-" + version + ".jar");
        assertThat(jar).as("run after `package` (mvn verify does)").exists();

        String source = Files.readString(NestedMaven.ROOT.resolve("src/main/java/" + CLASS + ".java"));
        int lastBrace = source.lastIndexOf('}');
        Path sources = Files.createDirectories(work.resolve("src/stacks"));
        Files.writeString(sources.resolve("AccountStack.java"), source.substring(0, lastBrace)
                + "    /** Only in the baseline: its absence must fail the API check. @return zero */\n"
                + "    public static int " + METHOD + "() {\n        return 0;\n    }\n}\n");
        Path classes = Files.createDirectories(work.resolve("classes"));
        String classpath = NestedMaven.ROOT.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(NestedMaven.ROOT.resolve("target/classpath.txt")).trim();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "-proc:none", "-nowarn",
                "--release", "17", "-cp", classpath, "-d", classes.toString(), sources.resolve("AccountStack.java").toString());
        assertThat(compiled).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        baselineWithTheMethod = work.resolve("baseline.jar");
        replaceEntry(jar, baselineWithTheMethod, CLASS + ".class", classes.resolve(CLASS + ".class"));
        pom = Files.readString(NestedMaven.ROOT.resolve("pom.xml"));
    }

    @Test
    void aPublicMethodOfTheLastReleaseThatIsGoneFailsTheBuildNamingIt() throws Exception {
        Processes.Run run = checkAgainstTheBaseline(pom);

        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.out()).contains("stacks.AccountStack." + METHOD + "():METHOD_REMOVED");
    }

    @Test
    void theAllowListLetsTheIntendedBreakThrough() throws Exception {
        String allowListEntry = "<!-- Allow-list of intended breaks";
        assertThat(pom).contains(allowListEntry);
        String allowing = pom.replace(allowListEntry,
                "<exclude>stacks.AccountStack#" + METHOD + "()</exclude>\n                  " + allowListEntry);

        Processes.Run run = checkAgainstTheBaseline(allowing);

        assertThat(run.exit()).as(run.out()).isZero();
    }

    /** jar:jar packs the copied classes (japicmp needs the project's artifact), then the check runs as pom.xml says. */
    static Processes.Run checkAgainstTheBaseline(String pomText) throws IOException, InterruptedException {
        Path project = Files.createTempDirectory(work, "project");
        Files.writeString(project.resolve("pom.xml"), pomText);
        NestedMaven.copyTree(NestedMaven.ROOT.resolve("target/classes"), project.resolve("target/classes"));
        return NestedMaven.run(project, "-o", "jar:jar", "japicmp:cmp@api-compatibility",
                "-Dapi.baseline.jar=" + baselineWithTheMethod);
    }

    static String pomVersion() throws IOException {
        String pomText = Files.readString(NestedMaven.ROOT.resolve("pom.xml"));
        var matcher = java.util.regex.Pattern.compile("(?m)^  <version>([^<]+)</version>").matcher(pomText);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static void replaceEntry(Path jar, Path target, String name, Path replacement) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    Files.copy(replacement, out);
                } else {
                    copy(in, out);
                }
                out.closeEntry();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
