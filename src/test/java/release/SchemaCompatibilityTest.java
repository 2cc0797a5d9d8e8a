package release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform file's schema against the last release's ({@code api/baseline/platform.schema.json}), and the check
 * itself on small schemas: every narrowing fails, every widening passes, the allow-list lets a reviewed break through.
 */
class SchemaCompatibilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCHEMA = Path.of("schema/platform.schema.json");
    static final Path BASELINE = Path.of("api/baseline/platform.schema.json");
    static final Path ALLOW_LIST = Path.of("api/schema-breaks-allowed.yaml");

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static List<SchemaCompatibility.Break> breaks(String oldSchema, String newSchema) throws Exception {
        return SchemaCompatibility.breaks(json(oldSchema), json(newSchema));
    }

    @Test
    void theSchemaAcceptsEveryFileTheLastReleaseAccepted() throws Exception {
        List<SchemaCompatibility.Break> breaks = SchemaCompatibility.breaks(JSON.readTree(BASELINE.toFile()), JSON.readTree(SCHEMA.toFile()));

        List<String> problems = SchemaCompatibility.problems(breaks, SchemaCompatibility.readAllowList(ALLOW_LIST),
                SCHEMA.toString(), ALLOW_LIST.toString());

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void removingAFieldOfTheRealSchemaIsABreakNamedByItsPlaceInThePlatformFile() throws Exception {
        ObjectNode narrowed = (ObjectNode) JSON.readTree(SCHEMA.toFile());
        ((ObjectNode) narrowed.at("/$defs/EnvironmentSpec/properties")).remove("awsProfile");
        ((ObjectNode) narrowed.at("/$defs/Vpc")).withArray("required").add("routeTables");

        List<SchemaCompatibility.Break> breaks = SchemaCompatibility.breaks(JSON.readTree(SCHEMA.toFile()), narrowed);

        assertThat(breaks).extracting(SchemaCompatibility.Break::field, SchemaCompatibility.Break::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("environments[].awsProfile", "removed"),
                        org.assertj.core.groups.Tuple.tuple("environments[].vpc.routeTables", "newly-required"));
    }

    @Nested
    class Narrowing {

        @Test
        void aRemovedFieldBreaks() throws Exception {
            assertThat(breaks("{'properties': {'a': {'type': 'string'}, 'b': {'type': 'string'}}}",
                    "{'properties': {'a': {'type': 'string'}}}"))
                    .containsExactly(new SchemaCompatibility.Break("b", "removed", "the last release accepts it"));
        }

        @Test
        void aNarrowedTypeBreaks() throws Exception {
            assertThat(breaks("{'properties': {'a': {'type': ['string', 'integer']}}}", "{'properties': {'a': {'type': 'string'}}}"))
                    .extracting(SchemaCompatibility.Break::rule).containsExactly("type-narrowed");
        }

        @Test
        void aRemovedEnumValueBreaks() throws Exception {
            assertThat(breaks("{'properties': {'p': {'enum': ['dev', 'staging', 'prod']}}}", "{'properties': {'p': {'enum': ['dev', 'prod']}}}"))
                    .containsExactly(new SchemaCompatibility.Break("p", "enum-value-removed", "\"staging\" is no longer accepted"));
        }

        @Test
        void aNewlyRequiredFieldBreaks() throws Exception {
            assertThat(breaks("{'properties': {'a': {}}, 'required': []}", "{'properties': {'a': {}}, 'required': ['a']}"))
                    .extracting(SchemaCompatibility.Break::field, SchemaCompatibility.Break::rule)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "newly-required"));
        }

        @Test
        void aChangedPatternARaisedMinimumAndALoweredMaximumBreak() throws Exception {
            assertThat(breaks("{'properties': {'n': {'type': 'string', 'pattern': '^[a-z]+$'}, 'l': {'type': 'array', 'minItems': 1, 'maxItems': 5}}}",
                    "{'properties': {'n': {'type': 'string', 'pattern': '^[a-z]{2,}$'}, 'l': {'type': 'array', 'minItems': 2, 'maxItems': 4}}}"))
                    .extracting(SchemaCompatibility.Break::field, SchemaCompatibility.Break::rule)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("n", "pattern-changed"),
                            org.assertj.core.groups.Tuple.tuple("l", "minItems-raised"),
                            org.assertj.core.groups.Tuple.tuple("l", "maxItems-lowered"));
        }

        @Test
        void closingAdditionalPropertiesBreaks() throws Exception {
            assertThat(breaks("{'type': 'object'}", "{'type': 'object', 'additionalProperties': false}"))
                    .extracting(SchemaCompatibility.Break::rule).containsExactly("closed");
        }

        @Test
        void breaksBehindRefsAndInArrayItemsAreNamedByTheirPath() throws Exception {
            String old = "{'properties': {'envs': {'type': 'array', 'items': {'$ref': '#/$defs/Env'}}},"
                    + " '$defs': {'Env': {'properties': {'vpc': {'properties': {'id': {'type': 'string'}}}}}}}";
            String narrowed = "{'properties': {'envs': {'type': 'array', 'items': {'$ref': '#/$defs/Env'}}},"
                    + " '$defs': {'Env': {'properties': {'vpc': {'properties': {}}}}}}";

            assertThat(breaks(old, narrowed)).extracting(SchemaCompatibility.Break::field).containsExactly("envs[].vpc.id");
        }

        @Test
        void aKeywordTheCheckDoesNotKnowIsAFindingNotASilentPass() throws Exception {
            assertThat(breaks("{'properties': {'a': {'type': 'string'}}}", "{'properties': {'a': {'type': 'string', 'oneOf': []}}}"))
                    .extracting(SchemaCompatibility.Break::field, SchemaCompatibility.Break::rule)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "unchecked-keyword"));
        }
    }

    @Nested
    class Widening {

        @Test
        void aNewOptionalFieldANewEnumValueADroppedRequirementAndAWiderTypePass() throws Exception {
            assertThat(breaks(
                    "{'type': 'object', 'additionalProperties': false, 'required': ['a'], 'properties': {'a': {'type': 'integer'},"
                            + " 'p': {'enum': ['dev']}, 'l': {'type': 'array', 'minItems': 2}}}",
                    "{'type': 'object', 'additionalProperties': false, 'properties': {'a': {'type': 'number', 'description': 'new text'},"
                            + " 'p': {'enum': ['dev', 'test']}, 'l': {'type': 'array', 'minItems': 1}, 'b': {'type': 'string'}}}"))
                    .isEmpty();
        }
    }

    @Nested
    class AllowList {

        final List<SchemaCompatibility.Break> removed = List.of(new SchemaCompatibility.Break("environments[].awsProfile", "removed", "x"));

        @Test
        void anUnlistedBreakIsAProblemNamingFileFieldRuleAndTheWayOut() {
            assertThat(SchemaCompatibility.problems(removed, List.of(), "schema/platform.schema.json", "api/schema-breaks-allowed.yaml"))
                    .singleElement().asString()
                    .startsWith("schema/platform.schema.json: field environments[].awsProfile: removed (x)")
                    .contains("add {field: \"environments[].awsProfile\", rule: removed, reason: ...} to api/schema-breaks-allowed.yaml");
        }

        @Test
        void aListedBreakPasses() {
            assertThat(SchemaCompatibility.problems(removed,
                    List.of(new SchemaCompatibility.Allowed("environments[].awsProfile", "removed", "reviewed")), "s", "a"))
                    .isEmpty();
        }

        @Test
        void anEntryForABreakThatIsNotThereIsStale() {
            assertThat(SchemaCompatibility.problems(List.of(),
                    List.of(new SchemaCompatibility.Allowed("services[].team", "removed", "reviewed")), "s", "api/schema-breaks-allowed.yaml"))
                    .containsExactly("api/schema-breaks-allowed.yaml: entry {field: \"services[].team\", rule: removed}"
                            + " allows a break the schema no longer has: remove it");
        }

        @Test
        void anEntryWithoutAReasonIsRejectedWithItsIndex(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("allowed.yaml");
            Files.writeString(file, "allowed:\n  - field: services[].team\n    rule: removed\n");

            assertThatThrownBy(() -> SchemaCompatibility.readAllowList(file))
                    .hasMessageContaining("allowed.yaml: field allowed[0].reason: required");
        }

        @Test
        void theCommittedAllowListReads() throws Exception {
            assertThat(SchemaCompatibility.readAllowList(ALLOW_LIST)).isNotNull();
        }
    }
}
