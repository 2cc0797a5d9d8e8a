package release;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API is one list of packages in pom.xml ({@code api.packages}): the javadoc gate documents exactly those,
 * the compatibility check (japicmp) compares exactly those, and a new {@code constructs} sub-package cannot stay out
 * of both by being forgotten.
 */
class ApiPackagesTest {

    static final Document POM = parse(Path.of("pom.xml"));

    static Document parse(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String property(String name) {
        Element properties = (Element) POM.getDocumentElement().getElementsByTagName("properties").item(0);
        return properties.getElementsByTagName(name).item(0).getTextContent().trim();
    }

    static List<String> apiPackages() {
        return Arrays.asList(property("api.packages").split(":"));
    }

    static Element execution(String id) {
        NodeList executions = POM.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            NodeList ids = execution.getElementsByTagName("id");
            if (ids.getLength() > 0 && ids.item(0).getTextContent().trim().equals(id)) {
                return execution;
            }
        }
        throw new AssertionError("pom.xml has no execution " + id);
    }

    static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    @Test
    void japicmpComparesExactlyThePackagesTheJavadocGateDocuments() {
        assertThat(texts(execution("api-compatibility"), "include")).containsExactlyElementsOf(apiPackages());
    }

    @Test
    void everyApiPackageExists() {
        assertThat(apiPackages()).allSatisfy(name ->
                assertThat(Path.of("src/main/java", name.replace('.', File.separatorChar))).isDirectory());
    }

    @Test
    void everyConstructsSubPackageButInternalIsPublicApi() throws Exception {
        List<String> subPackages;
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/constructs"))) {
            subPackages = dirs.filter(Files::isDirectory).map(d -> "constructs." + d.getFileName()).toList();
        }

        assertThat(subPackages).contains("constructs.internal");
        assertThat(apiPackages()).containsAll(subPackages.stream().filter(p -> !p.equals("constructs.internal")).toList())
                .doesNotContain("constructs.internal", "constructs");
        assertThat(property("api.internal.packages")).isEqualTo("constructs.internal");
    }
}
