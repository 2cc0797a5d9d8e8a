package platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML (or JSON) into a Jackson tree and remembers the line of every key and list item by its path
 * ({@code services[2].publishers[0]}): Jackson's tree forgets locations, and problems must name lines.
 */
final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A key given twice in one mapping: YAML parsers keep the last silently. */
    record Duplicate(String path, String key) {
    }

    /**
     * @param root          the first document's tree, null when there is none
     * @param lines         line of every key and list item by path
     * @param duplicates    keys given twice in one mapping
     * @param moreDocuments the line where a second YAML document starts, or null
     */
    record Result(JsonNode root, Map<String, Integer> lines, List<Duplicate> duplicates, Integer moreDocuments) {
    }

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Duplicate> duplicates = new java.util.ArrayList<>();

    private LocatedYaml() {
    }

    /** The tree (null for an empty document) and lines; throws on text that is not YAML. */
    static Result read(String text) throws IOException {
        LocatedYaml reader = new LocatedYaml();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonNode root = parser.nextToken() == null ? null : reader.value(parser, "");
            Integer more = root != null && parser.nextToken() != null ? parser.currentTokenLocation().getLineNr() : null;
            return new Result(root, reader.lines, List.copyOf(reader.duplicates), more);
        }
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (object.has(key)) {
                        duplicates.add(new Duplicate(child, key));
                    } else {
                        lines.put(child, p.currentTokenLocation().getLineNr());
                    }
                    p.nextToken();
                    object.set(key, value(p, child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, path + "[" + index++ + "]"));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }
}
