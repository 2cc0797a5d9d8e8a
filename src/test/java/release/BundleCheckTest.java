package release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BundleCheck} on small bundles built here: a complete one passes, and each missing or wrong piece Central
 * would refuse is named. (ReleaseBundleIT runs it on the bundle the release profile really builds.)
 */
class BundleCheckTest {

    static final String DIR = "io/github/ecrblueprint/ecr-blueprint/1.2.3/";
    static final String BASE = DIR + "ecr-blueprint-1.2.3";

    @TempDir
    Path dir;

    /** The real pom.xml at version 1.2.3: its metadata is what is checked. */
    static String pom() throws IOException {
        return Files.readString(Path.of("pom.xml")).replaceFirst("(?m)^  <version>[^<]+</version>", "  <version>1.2.3</version>");
    }

    static byte[] jar(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> complete(boolean signed) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BASE + ".jar", jar("META-INF/LICENSE", "stacks/BlueprintApp.class"));
        files.put(BASE + "-sources.jar", jar("stacks/BlueprintApp.java"));
        files.put(BASE + "-javadoc.jar", jar("index.html", "stacks/BlueprintApp.html"));
        files.put(BASE + ".pom", pom().getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        files.forEach((name, content) -> {
            all.put(name + ".md5", BundleCheck.digest("MD5", content).getBytes(StandardCharsets.US_ASCII));
            all.put(name + ".sha1", BundleCheck.digest("SHA-1", content).getBytes(StandardCharsets.US_ASCII));
            if (signed) {
                all.put(name + ".asc", "-----BEGIN PGP SIGNATURE-----".getBytes(StandardCharsets.US_ASCII));
            }
        });
        return all;
    }

    Path zip(Map<String, byte[]> entries) throws IOException {
        Path bundle = dir.resolve("central-bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bundle;
    }

    List<String> problems(Map<String, byte[]> entries, boolean signed) throws IOException {
        return BundleCheck.problems(zip(entries), "io.github.ecrblueprint", "ecr-blueprint", "1.2.3", signed);
    }

    @Test
    void aCompleteSignedBundlePasses() throws IOException {
        assertThat(problems(complete(true), true)).isEmpty();
    }

    @Test
    void aMissingJavadocJarIsNamed() throws IOException {
        Map<String, byte[]> entries = complete(false);
        entries.remove(BASE + "-javadoc.jar");

        assertThat(problems(entries, false)).singleElement().asString()
                .contains(BASE + "-javadoc.jar is missing: Central requires the jar, sources and javadoc jars and the POM");
    }

    @Test
    void aChecksumThatDoesNotMatchIsNamed() throws IOException {
        Map<String, byte[]> entries = complete(false);
        entries.put(BASE + ".jar.sha1", "0000000000000000000000000000000000000000".getBytes(StandardCharsets.US_ASCII));

        assertThat(problems(entries, false)).singleElement().asString()
                .contains(BASE + ".jar.sha1 is 0000000000000000000000000000000000000000 but the file's SHA-1 is");
    }

    @Test
    void aSignedReleaseWithoutASignatureIsNamed() throws IOException {
        Map<String, byte[]> entries = complete(true);
        entries.remove(BASE + ".pom.asc");

        assertThat(problems(entries, true)).singleElement().asString().contains(BASE + ".pom.asc is missing");
    }

    @Test
    void aPomWithoutScmOrLicenseIsNamedByField() throws IOException {
        Map<String, byte[]> entries = complete(false);
        String pom = pom().replaceAll("(?s)<scm>.*?</scm>", "").replaceAll("(?s)<licenses>.*?</licenses>", "");
        byte[] bytes = pom.getBytes(StandardCharsets.UTF_8);
        entries.put(BASE + ".pom", bytes);
        entries.put(BASE + ".pom.md5", BundleCheck.digest("MD5", bytes).getBytes(StandardCharsets.US_ASCII));
        entries.put(BASE + ".pom.sha1", BundleCheck.digest("SHA-1", bytes).getBytes(StandardCharsets.US_ASCII));

        assertThat(problems(entries, false)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("field scm (url and connection) is missing"))
                .anySatisfy(p -> assertThat(p).contains("field licenses.license (name and url) is missing"));
    }

    @Test
    void internalPackagesInTheJavadocAreNamed() throws IOException {
        Map<String, byte[]> entries = complete(false);
        byte[] javadoc = jar("index.html", "constructs/internal/Tokens.html");
        entries.put(BASE + "-javadoc.jar", javadoc);
        entries.put(BASE + "-javadoc.jar.md5", BundleCheck.digest("MD5", javadoc).getBytes(StandardCharsets.US_ASCII));
        entries.put(BASE + "-javadoc.jar.sha1", BundleCheck.digest("SHA-1", javadoc).getBytes(StandardCharsets.US_ASCII));

        assertThat(problems(entries, false)).singleElement().asString()
                .contains("documents constructs/internal/Tokens.html: internal packages are not public API");
    }
}
