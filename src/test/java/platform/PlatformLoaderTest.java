package platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformLoaderTest {

    @Test
    void loadsTheDefaultExample() {
        Platform platform = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));

        assertThat(platform.name()).isEqualTo("shop");
        assertThat(platform.environments()).extracting(EnvironmentSpec::name).containsExactly("dev", "staging", "prod");
        assertThat(platform.services()).extracting(Service::name)
                .containsExactly("user-service", "product-service", "order-service", "payment-service");
    }

    @Test
    void aMissingFileNamesTheFileAndTheFix() {
        assertThatThrownBy(() -> PlatformLoader.load(Path.of("no/such/platform.yaml")))
                .isInstanceOf(PlatformFileException.class)
                .hasMessage("no/such/platform.yaml: platform file not found. Hint: give an existing YAML or JSON file,"
                        + " e.g. `cdk synth -c platform=examples/ecommerce/platform.yaml`.");
    }

    @Test
    void textThatIsNotYamlNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(file, "platform: shop\nenvironments: [ {name: dev\n");

        assertThatThrownBy(() -> PlatformLoader.load(file))
                .isInstanceOf(PlatformFileException.class)
                .hasMessage(file + ": not a valid platform file: not YAML or JSON of the expected shape at line 2, column 27"
                        + " (while parsing a flow mapping: expected ',' or '}', but got <stream end>)."
                        + " Hint: see examples/ecommerce/platform.yaml for the format.");
    }
}
