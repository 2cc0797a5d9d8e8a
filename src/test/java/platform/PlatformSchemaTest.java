package platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed schema is exactly what the model generates. To regenerate after changing the model:
 * {@code mvn -o -q test -Dtest=PlatformSchemaTest -Dschema.update=true}, then commit schema/platform.schema.json.
 */
class PlatformSchemaTest {

    private static final Path COMMITTED = Path.of(PlatformSchema.COMMITTED_FILE);

    @Test
    void theCommittedSchemaIsTheGeneratedOne() throws Exception {
        String generated = PlatformSchema.generate();
        if (Boolean.getBoolean("schema.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }

        assertThat(Files.readString(COMMITTED))
                .as("schema/platform.schema.json is stale: run mvn -o -q test -Dtest=PlatformSchemaTest -Dschema.update=true")
                .isEqualTo(generated);
    }

    @Test
    void accountsAreQuoted12DigitStringsAndUnknownKeysAreRejected() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(PlatformSchema.generate());
        JsonNode environment = schema.at("/$defs/EnvironmentSpec");

        assertThat(environment.at("/properties/account/type").asText()).isEqualTo("string");
        assertThat(environment.at("/properties/account/pattern").asText()).isEqualTo("^[0-9]{12}$");
        assertThat(environment.at("/additionalProperties").asBoolean(true)).isFalse();
        assertThat(environment.at("/required")).extracting(JsonNode::asText)
                .containsExactly("name", "account", "region", "profile");
    }

    @Test
    void fileSpellingsOfKeysAndEnumsAreUsed() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(PlatformSchema.generate());

        assertThat(schema.at("/properties/platform/pattern").asText()).isEqualTo(NameFormats.NAME);
        assertThat(schema.at("/$defs/Service/properties/public/type").asText()).isEqualTo("boolean");
        assertThat(schema.at("/$defs/EnvironmentSpec/properties/profile/enum")).extracting(JsonNode::asText)
                .containsExactly("dev", "staging", "prod");
        assertThat(schema.at("/$defs/Puller/properties/type/enum")).extracting(JsonNode::asText)
                .containsExactly("ecs", "eks-node", "eks-fargate", "lambda", "app-runner", "account", "ec2");
        assertThat(schema.at("/properties/environments/minItems").asInt()).isEqualTo(1);
    }
}
