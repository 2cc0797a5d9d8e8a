package platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the JSON Schema (draft 2020-12) of the platform file from the model records and their {@link Field}s, so that
 * editors complete and check platform files. The committed copy is schema/platform.schema.json; a test fails when it
 * differs from what this class writes (see docs/platform-file.md for how to regenerate it).
 */
public final class PlatformSchema {

    /** The schema's path in the repository. */
    public static final String COMMITTED_FILE = "schema/platform.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();

    private PlatformSchema() {
    }

    /**
     * The schema text, deterministic, ending in a newline.
     *
     * @return the schema text, deterministic, ending in a newline
     */
    public static String generate() {
        PlatformSchema schema = new PlatformSchema();
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "ecr-blueprint platform file");
        root.put("description", "Generated from the platform model (platform.PlatformSchema); do not edit by hand.");
        root.setAll(schema.object(Platform.class));
        ObjectNode defs = root.putObject("$defs");
        schema.definitions.forEach(defs::set);
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the platform schema", e);
        }
    }

    private ObjectNode object(Class<?> type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        node.put("additionalProperties", false);
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = component.getAnnotation(Field.class);
            String key = PlatformBinder.key(component);
            ObjectNode property = value(component.getGenericType(), field);
            property.put("description", field.value());
            if (field.required()) {
                required.add(key);
                if (property.has("type") && property.get("type").asText().equals("array")) {
                    property.put("minItems", 1);
                }
            }
            properties.set(key, property);
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        return node;
    }

    private ObjectNode value(Type type, Field field) {
        ObjectNode node = JSON.createObjectNode();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == java.util.List.class) {
            node.put("type", "array");
            node.set("items", value(((ParameterizedType) type).getActualTypeArguments()[0], field));
        } else if (raw.isRecord()) {
            String name = raw.getSimpleName();
            if (!definitions.containsKey(name)) {
                definitions.put(name, null);
                definitions.put(name, object(raw));
            }
            node.put("$ref", "#/$defs/" + name);
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).map(c -> ((FileValue) c).fileValue()).forEach(values::add);
        } else if (raw == String.class) {
            node.put("type", "string");
            if (field != null && !field.pattern().isEmpty()) {
                node.put("pattern", field.pattern());
            }
        } else if (raw == Integer.class || raw == int.class) {
            node.put("type", "integer");
        } else if (raw == Boolean.class || raw == boolean.class) {
            node.put("type", "boolean");
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return node;
    }
}
