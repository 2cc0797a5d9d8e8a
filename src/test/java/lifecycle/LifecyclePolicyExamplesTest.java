package lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example policy of the ECR user guide's "Examples of lifecycle policies" page. */
class LifecyclePolicyExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "filtering-on-image-age", "filtering-on-last-pulled-time", "filtering-on-archive-transition-time",
            "filtering-on-image-count", "multiple-rules-example-a", "multiple-rules-example-b",
            "multiple-tags-example-a", "multiple-tags-example-b", "all-images-example-a", "all-images-example-b",
            "archive-images-older-than-days", "archive-images-not-pulled", "combining-archive-and-expire"})
    void documentedExampleParsesValidatesAndRendersBackToTheSameDocument(String name) throws IOException {
        String text = example(name);

        LifecyclePolicy policy = LifecyclePolicy.parse(text);

        assertThat(policy.rules()).isNotEmpty();
        assertThat(JSON.readTree(policy.toJson())).isEqualTo(JSON.readTree(text));
        assertThat(LifecyclePolicy.parse(policy.toJson())).isEqualTo(policy);
    }

    static String example(String name) throws IOException {
        try (InputStream in = LifecyclePolicyExamplesTest.class.getResourceAsStream("/lifecycle/examples/" + name + ".json")) {
            assertThat(in).as("example " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
