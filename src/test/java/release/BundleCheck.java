package release;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What Maven Central's Publisher Portal requires of a deployment bundle, checked offline
 * (https://central.sonatype.org/publish/requirements/): the jar, sources and javadoc jars and the POM in the
 * repository layout; an MD5 and a SHA-1 of each that match; an {@code .asc} signature of each when the release is
 * signed; the POM's coordinates without SNAPSHOT or version ranges, and its name, description, url, license, scm and
 * developer. Beyond the portal: the jar carries the license, the sources and javadoc jars hold the public API and the
 * javadoc none of {@code constructs.internal}.
 */
final class BundleCheck {

    private BundleCheck() {
    }

    /** Every problem of the bundle, each naming the bundle entry, the rule and what to do; empty when Central would take it. */
    static List<String> problems(Path bundle, String groupId, String artifactId, String version, boolean signed) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        String dir = groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/";
        String base = dir + artifactId + "-" + version;
        List<String> problems = new ArrayList<>();
        List<String> required = List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar", base + ".pom");
        for (String file : required) {
            if (!entries.containsKey(file)) {
                problems.add(bundle + ": " + file + " is missing: Central requires the jar, sources and javadoc jars and the"
                        + " POM. Hint: build with `mvn -P release deploy` (maven-source-plugin and maven-javadoc-plugin run in it)");
                continue;
            }
            checksum(entries, file, "md5", "MD5", problems, bundle);
            checksum(entries, file, "sha1", "SHA-1", problems, bundle);
            if (signed && !entries.containsKey(file + ".asc")) {
                problems.add(bundle + ": " + file + ".asc is missing: a signed release signs every file. Hint: the"
                        + " maven-gpg-plugin runs when MAVEN_GPG_KEY or -Dgpg.keyname is set (RELEASING.md)");
            }
        }
        for (String name : entries.keySet()) {
            if (!name.startsWith(dir)) {
                problems.add(bundle + ": " + name + " is outside " + dir + ": a bundle holds one component in the"
                        + " repository layout");
            }
        }
        if (version.endsWith("-SNAPSHOT")) {
            problems.add(bundle + ": version " + version + ": Central takes no SNAPSHOT into a release. Hint: set the"
                    + " release version in pom.xml (RELEASING.md)");
        }
        if (entries.containsKey(base + ".pom")) {
            problems.addAll(pomProblems(bundle + ": " + base + ".pom", entries.get(base + ".pom"), groupId, artifactId, version));
        }
        if (entries.containsKey(base + ".jar")) {
            List<String> names = jarEntries(entries.get(base + ".jar"));
            if (!names.contains("META-INF/LICENSE")) {
                problems.add(bundle + ": " + base + ".jar has no META-INF/LICENSE: the license travels with the jar."
                        + " Hint: the LICENSE resource of pom.xml");
            }
            if (names.stream().noneMatch(n -> n.endsWith(".class"))) {
                problems.add(bundle + ": " + base + ".jar has no class");
            }
        }
        if (entries.containsKey(base + "-sources.jar")
                && jarEntries(entries.get(base + "-sources.jar")).stream().noneMatch(n -> n.endsWith(".java"))) {
            problems.add(bundle + ": " + base + "-sources.jar has no .java file");
        }
        if (entries.containsKey(base + "-javadoc.jar")) {
            List<String> names = jarEntries(entries.get(base + "-javadoc.jar"));
            if (!names.contains("index.html")) {
                problems.add(bundle + ": " + base + "-javadoc.jar has no index.html");
            }
            names.stream().filter(n -> n.startsWith("constructs/internal/")).findFirst().ifPresent(n ->
                    problems.add(bundle + ": " + base + "-javadoc.jar documents " + n + ": internal packages are not"
                            + " public API. Hint: api.internal.packages in pom.xml"));
        }
        return problems;
    }

    private static void checksum(Map<String, byte[]> entries, String file, String extension, String algorithm,
                                 List<String> problems, Path bundle) {
        byte[] recorded = entries.get(file + "." + extension);
        if (recorded == null) {
            problems.add(bundle + ": " + file + "." + extension + " is missing: Central requires an MD5 and a SHA-1 of"
                    + " every file. Hint: central-publishing-maven-plugin writes them (checksums: required)");
            return;
        }
        String expected = digest(algorithm, entries.get(file));
        String actual = new String(recorded, java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        if (!expected.equalsIgnoreCase(actual)) {
            problems.add(bundle + ": " + file + "." + extension + " is " + actual + " but the file's " + algorithm
                    + " is " + expected + ": the bundle was changed after it was built. Hint: rebuild it");
        }
    }

    private static List<String> pomProblems(String where, byte[] pom, String groupId, String artifactId, String version) {
        List<String> problems = new ArrayList<>();
        Element project;
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(pom));
            project = document.getDocumentElement();
        } catch (Exception e) {
            return List.of(where + " is not XML: " + e.getMessage());
        }
        Map<String, String> coordinates = Map.of("groupId", groupId, "artifactId", artifactId, "version", version);
        coordinates.forEach((field, expected) -> {
            String actual = child(project, field);
            if (!expected.equals(actual)) {
                problems.add(where + ": field " + field + " is \"" + actual + "\", the bundle's path says \"" + expected + "\"");
            }
        });
        for (String field : List.of("name", "description", "url")) {
            if (child(project, field).isBlank()) {
                problems.add(where + ": field " + field + " is missing: Central requires it. Hint: pom.xml <" + field + ">");
            }
        }
        Element license = first(project, "licenses", "license");
        if (license == null || child(license, "name").isBlank() || child(license, "url").isBlank()) {
            problems.add(where + ": field licenses.license (name and url) is missing: Central requires it."
                    + " Hint: pom.xml <licenses>, Apache-2.0 as LICENSE says");
        }
        Element scm = first(project, "scm");
        if (scm == null || child(scm, "url").isBlank() || child(scm, "connection").isBlank()) {
            problems.add(where + ": field scm (url and connection) is missing: Central requires it. Hint: pom.xml <scm>");
        }
        Element developer = first(project, "developers", "developer");
        if (developer == null || (child(developer, "name").isBlank() && child(developer, "id").isBlank())) {
            problems.add(where + ": field developers.developer (name or id) is missing: Central requires it."
                    + " Hint: pom.xml <developers>");
        }
        NodeList versions = project.getElementsByTagName("version");
        for (int i = 0; i < versions.getLength(); i++) {
            String text = versions.item(i).getTextContent().trim();
            if (text.startsWith("[") || text.startsWith("(")) {
                problems.add(where + ": version range " + text + ": releases pin every version (README, Dependencies)");
            }
        }
        return problems;
    }

    private static Element first(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            Element next = null;
            for (org.w3c.dom.Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    next = e;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static String child(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    private static List<String> jarEntries(byte[] jar) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            names.clear();
        }
        return names;
    }

    static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
