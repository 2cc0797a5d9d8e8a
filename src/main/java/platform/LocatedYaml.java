package platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML (or JSON) into a Jackson tree as YAML defines it, and remembers the line of every key and list item by
 * its path ({@code services[2].publishers[0]}): Jackson's tree forgets locations, and problems must name lines.
 *
 * <p>SnakeYAML (the parser under jackson-dataformat-yaml) composes the document: anchors and aliases are resolved by
 * it, scalars are typed by its YAML 1.1 resolver and converted by its safe constructor. Merge keys ({@code <<: *base})
 * are applied here as YAML defines them: keys written in the mapping win, then the merged mappings in the order given.
 * The text of every unquoted scalar that YAML 1.1 reads as something else than text ({@code 012345670123} as an octal
 * number, {@code yes}, {@code on} as booleans) is kept, so that problems can name the value the user wrote.
 */
final class LocatedYaml {

    /** Values an aliased file may expand to; beyond, a few lines could otherwise fill the memory ("billion laughs"). */
    static final int MAX_VALUES = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A key given twice in one mapping: YAML parsers keep the last silently. */
    record Duplicate(String path, String key) {
    }

    /**
     * @param root          the first document's tree, null when there is none
     * @param lines         line of every key and list item by path
     * @param duplicates    keys given twice in one mapping
     * @param moreDocuments the line where a second YAML document starts, or null
     * @param written       the text of every unquoted scalar YAML 1.1 reads as a number, boolean or null, by path
     */
    record Result(JsonNode root, Map<String, Integer> lines, List<Duplicate> duplicates, Integer moreDocuments,
                  Map<String, String> written) {
    }

    /** Text that is not YAML, with where the parser stopped (line and column from 1, or null) and why. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final Integer line;
        final Integer column;

        SyntaxError(Integer line, Integer column, String why) {
            super(why);
            this.line = line;
            this.column = column;
        }
    }

    /** SnakeYAML's own scalar conversion (YAML 1.1: octal, hexadecimal, sexagesimal, yes/no/on/off). */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }

    private final Scalars scalars;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final Map<String, String> written = new HashMap<>();
    private final IdentityHashMap<Node, Boolean> expanding = new IdentityHashMap<>();
    private int values;

    private LocatedYaml(LoaderOptions options) {
        this.scalars = new Scalars(options);
    }

    /** The tree (null for an empty document) and lines; throws on text that is not YAML. */
    static Result read(String text) throws SyntaxError {
        LoaderOptions options = new LoaderOptions();
        LocatedYaml reader = new LocatedYaml(options);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new Resolver());
        try {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                return new Result(null, Map.of(), List.of(), null, Map.of());
            }
            Node first = documents.next();
            JsonNode root = reader.value(first, "");
            Integer more = null;
            if (documents.hasNext()) {
                Node second = documents.next();
                more = second == null ? null : second.getStartMark().getLine() + 1;
            }
            return new Result(root, reader.lines, List.copyOf(reader.duplicates), more, reader.written);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String why = (e.getContext() == null ? "" : e.getContext() + ": ") + (e.getProblem() == null ? "" : e.getProblem());
            Integer line = mark == null ? null : mark.getLine() + 1;
            Integer column = mark == null ? null : mark.getColumn() + 1;
            String content = text.stripTrailing();
            if (mark != null && mark.getIndex() >= content.length()) {
                // The parser ran into the end of the text: point at where the content ends, not at the empty last line.
                line = (int) content.chars().filter(c -> c == '\n').count() + 1;
                column = content.length() - content.lastIndexOf('\n');
            }
            throw new SyntaxError(line, column, why.isBlank() ? firstLine(e.getMessage()) : why.strip());
        } catch (YAMLException e) {
            throw new SyntaxError(null, null, firstLine(e.getMessage()));
        }
    }

    private JsonNode value(Node node, String path) throws SyntaxError {
        int line = node.getStartMark().getLine() + 1;
        lines.putIfAbsent(path, line);
        if (++values > MAX_VALUES) {
            throw new SyntaxError(line, null, "the file expands to more than " + MAX_VALUES + " values through its aliases");
        }
        if (expanding.put(node, Boolean.TRUE) != null) {
            throw new SyntaxError(line, null, "an alias at " + (path.isEmpty() ? "the top level" : path)
                    + " refers to the value that contains it");
        }
        try {
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, path);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                for (Node item : sequence.getValue()) {
                    array.add(value(item, path + "[" + index++ + "]"));
                }
                return array;
            }
            return scalar((ScalarNode) node, path);
        } finally {
            expanding.remove(node);
        }
    }

    private ObjectNode mapping(MappingNode mapping, String path) throws SyntaxError {
        ObjectNode object = NODES.objectNode();
        List<MappingNode> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergeSources(tuple.getValueNode(), path));
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw new SyntaxError(keyNode.getStartMark().getLine() + 1, keyNode.getStartMark().getColumn() + 1,
                        "a key must be a plain value, not a list or mapping");
            }
            String key = scalarKey.getValue();
            String child = path.isEmpty() ? key : path + "." + key;
            if (object.has(key)) {
                duplicates.add(new Duplicate(child, key));
            } else {
                lines.put(child, keyNode.getStartMark().getLine() + 1);
            }
            object.set(key, value(tuple.getValueNode(), child));
        }
        // YAML's merge key: keys written here win, then the merged mappings in the order given.
        for (MappingNode source : merged) {
            ObjectNode values = mapping(source, path);
            values.properties().forEach(entry -> {
                if (!object.has(entry.getKey())) {
                    object.set(entry.getKey(), entry.getValue());
                }
            });
        }
        return object;
    }

    private static List<MappingNode> mergeSources(Node value, String path) throws SyntaxError {
        List<MappingNode> sources = new ArrayList<>();
        List<Node> candidates = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        for (Node candidate : candidates) {
            if (!(candidate instanceof MappingNode source)) {
                throw new SyntaxError(candidate.getStartMark().getLine() + 1, candidate.getStartMark().getColumn() + 1,
                        "the merge key << at " + (path.isEmpty() ? "the top level" : path)
                                + " takes a mapping or a list of mappings (e.g. <<: *defaults)");
            }
            sources.add(source);
        }
        return sources;
    }

    private JsonNode scalar(ScalarNode node, String path) {
        Tag tag = node.getTag();
        if (!tag.equals(Tag.BOOL) && !tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.NULL)) {
            return NODES.textNode(node.getValue()); // text, and timestamps (a date is meant as text here)
        }
        Object value;
        try {
            value = scalars.construct(node);
        } catch (RuntimeException e) {
            return NODES.textNode(node.getValue());
        }
        if (!node.getValue().isEmpty()) {
            written.put(path, node.getValue());
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return NODES.numberNode(new BigInteger(value.toString()));
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return NODES.numberNode(BigDecimal.valueOf(d));
        }
        return NODES.textNode(node.getValue());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
