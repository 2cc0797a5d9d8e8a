package architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every prop's default is documented where an IDE shows it, the builder method, in the aws-cdk style: the javadoc of
 * each public builder method of the constructs, stacks, platform and lifecycle packages says
 * {@code Default: <behaviour>} or that the prop is {@code Required}. That includes the methods a builder inherits
 * from a shared builder such as {@code constructs.access.PublisherRoleOptions.Builder}, which return {@code B}.
 */
class BuilderDefaultsTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final List<String> PACKAGES = List.of("constructs", "stacks", "platform", "lifecycle");
    static final Pattern BUILDER_METHOD = Pattern.compile(
            "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*public (?:final )?(?:Builder|B) (\\w+)\\(", Pattern.DOTALL);
    /** Builders that accumulate data rather than take props: nothing has a default there. */
    static final List<String> NOT_PROPS = List.of("lifecycle/ImageInventory.java");
    static final Pattern STATES_DEFAULT = Pattern.compile("Default: \\S|\\bRequired\\b");

    @Test
    void everyBuilderMethodStatesItsDefaultOrThatThePropIsRequired() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int methods = 0;
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (NOT_PROPS.contains(SOURCES.relativize(file).toString().replace('\\', '/'))) {
                        continue;
                    }
                    String source = Files.readString(file);
                    int builder = source.indexOf("class Builder");
                    if (builder < 0) {
                        continue;
                    }
                    Matcher m = BUILDER_METHOD.matcher(source.substring(builder));
                    while (m.find()) {
                        methods++;
                        String doc = m.group(1) == null ? "" : m.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ");
                        String description = doc.contains("@param") ? doc.substring(0, doc.indexOf("@param")) : doc;
                        if (!STATES_DEFAULT.matcher(description).find()) {
                            undocumented.add(SOURCES.relativize(file) + " " + m.group(2));
                        }
                    }
                }
            }
        }
        assertThat(methods).as("builder methods found").isGreaterThan(100);
        assertThat(undocumented).as("builder methods without \"Default: ...\" or \"Required\"").isEmpty();
    }
}
