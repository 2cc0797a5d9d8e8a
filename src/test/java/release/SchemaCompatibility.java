package release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the platform file's JSON Schema with the last release's and reports every change that can reject a file
 * the old schema accepted: a removed field, a narrowed type, a removed enum value, a newly required field, a changed
 * pattern, a raised minimum or lowered maximum, closed additional properties. Widening (a new optional field, a new
 * enum value, a dropped requirement) passes. {@code $ref}s are followed, so a break is named by its place in the
 * platform file ({@code environments[].vpc.subnets[].id}), the way a user reads it.
 *
 * <p>Hand-written, about 150 lines, because no maintained Java library diffs JSON Schemas for compatibility (the npm
 * {@code json-schema-diff} stopped at draft-07 and 1.0.0); it knows exactly the keywords our generated schema uses, and
 * an unknown keyword is itself a finding, so a new keyword cannot slip past unchecked.
 */
final class SchemaCompatibility {

    /** One change that breaks files written against the old schema. */
    record Break(String field, String rule, String detail) {
    }

    /** An intended break, reviewed: in {@code api/schema-breaks-allowed.yaml}. */
    record Allowed(String field, String rule, String reason) {
    }

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "title", "description", "$defs", "default", "examples");
    private static final Set<String> CHECKED = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "pattern", "format", "const", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum",
            "uniqueItems", "$ref");

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final List<Break> breaks = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private SchemaCompatibility(JsonNode oldRoot, JsonNode newRoot) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
    }

    static List<Break> breaks(JsonNode oldSchema, JsonNode newSchema) {
        SchemaCompatibility diff = new SchemaCompatibility(oldSchema, newSchema);
        diff.compare(oldSchema, newSchema, "");
        return List.copyOf(diff.breaks);
    }

    /** The breaks no allow-list entry covers, and one problem per entry that covers nothing (stale). */
    static List<String> problems(List<Break> breaks, List<Allowed> allowed, String schemaFile, String allowListFile) {
        List<String> problems = new ArrayList<>();
        Set<Allowed> used = new HashSet<>();
        for (Break b : breaks) {
            Allowed match = allowed.stream()
                    .filter(a -> a.field().equals(b.field()) && a.rule().equals(b.rule())).findFirst().orElse(null);
            if (match != null) {
                used.add(match);
                continue;
            }
            problems.add(schemaFile + ": field " + display(b.field()) + ": " + b.rule() + " (" + b.detail()
                    + "): a platform file valid for the last release may now be rejected. Hint: keep the field or value"
                    + " accepted (deprecate it in docs/platform-file.md); for an intended break add"
                    + " {field: \"" + b.field() + "\", rule: " + b.rule() + ", reason: ...} to " + allowListFile
                    + " and a CHANGELOG entry under Removed or Changed");
        }
        for (Allowed a : allowed) {
            if (!used.contains(a)) {
                problems.add(allowListFile + ": entry {field: \"" + a.field() + "\", rule: " + a.rule()
                        + "} allows a break the schema no longer has: remove it");
            }
        }
        return problems;
    }

    static List<Allowed> readAllowList(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<Allowed> allowed = new ArrayList<>();
        JsonNode entries = root == null ? null : root.get("allowed");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException(file + ": field allowed: must be a list (allowed: [] when empty)");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            for (String key : List.of("field", "rule", "reason")) {
                if (!entry.hasNonNull(key) || entry.get(key).asText().isBlank()) {
                    throw new IllegalArgumentException(file + ": field allowed[" + i + "]." + key
                            + ": required (field and rule as the schema check names the break, reason for the reviewer)");
                }
            }
            allowed.add(new Allowed(entry.get("field").asText(), entry.get("rule").asText(), entry.get("reason").asText()));
        }
        return allowed;
    }

    private static String display(String field) {
        return field.isEmpty() ? "(the file itself)" : field;
    }

    private void compare(JsonNode oldSchema, JsonNode newSchema, String field) {
        String oldRef = oldSchema.path("$ref").asText(null);
        String newRef = newSchema.path("$ref").asText(null);
        if (oldRef != null || newRef != null) {
            // The schema is recursive in principle; compare each pair of definitions once per field.
            if (!visited.add(oldRef + "|" + newRef + "|" + field)) {
                return;
            }
            compare(resolve(oldRoot, oldSchema), resolve(newRoot, newSchema), field);
            return;
        }
        unknownKeywords(oldSchema, field);
        unknownKeywords(newSchema, field);

        Set<String> oldTypes = types(oldSchema);
        Set<String> newTypes = new TreeSet<>(types(newSchema));
        if (newTypes.contains("number")) {
            newTypes.add("integer"); // every integer is a number: integer -> number widens
        }
        if (!newTypes.isEmpty() && !newTypes.containsAll(oldTypes.isEmpty() ? Set.of("any") : oldTypes)) {
            breaks.add(new Break(field, "type-narrowed", "was " + (oldTypes.isEmpty() ? "any type" : oldTypes) + ", now " + newTypes));
        }

        JsonNode oldProperties = oldSchema.path("properties");
        JsonNode newProperties = newSchema.path("properties");
        for (Iterator<String> names = oldProperties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String child = field.isEmpty() ? name : field + "." + name;
            if (!newProperties.has(name)) {
                breaks.add(new Break(child, "removed", "the last release accepts it"));
            } else {
                compare(oldProperties.get(name), newProperties.get(name), child);
            }
        }
        Set<String> newlyRequired = new TreeSet<>(texts(newSchema.path("required")));
        newlyRequired.removeAll(texts(oldSchema.path("required")));
        for (String name : newlyRequired) {
            breaks.add(new Break(field.isEmpty() ? name : field + "." + name, "newly-required", "was optional or unknown"));
        }
        if (!oldSchema.path("additionalProperties").isBoolean() || oldSchema.path("additionalProperties").asBoolean()) {
            if (newSchema.path("additionalProperties").isBoolean() && !newSchema.path("additionalProperties").asBoolean()) {
                breaks.add(new Break(field, "closed", "additionalProperties became false"));
            }
        }
        if (oldSchema.has("items") && newSchema.has("items")) {
            compare(oldSchema.get("items"), newSchema.get("items"), field + "[]");
        } else if (newSchema.has("items")) {
            breaks.add(new Break(field + "[]", "items-constrained", "items gained a schema"));
        }

        if (newSchema.has("enum")) {
            if (!oldSchema.has("enum")) {
                breaks.add(new Break(field, "enum-added", "any value was accepted, now only " + texts(newSchema.get("enum"))));
            } else {
                Set<String> removed = new TreeSet<>(texts(oldSchema.get("enum")));
                removed.removeAll(texts(newSchema.get("enum")));
                for (String value : removed) {
                    breaks.add(new Break(field, "enum-value-removed", "\"" + value + "\" is no longer accepted"));
                }
            }
        }
        for (String keyword : List.of("pattern", "format", "const")) {
            if (newSchema.has(keyword) && !Objects.equals(oldSchema.get(keyword), newSchema.get(keyword))) {
                breaks.add(new Break(field, keyword + "-changed", (oldSchema.has(keyword) ? oldSchema.get(keyword) : "none")
                        + " became " + newSchema.get(keyword)));
            }
        }
        for (String keyword : List.of("minItems", "minLength", "minimum")) {
            if (newSchema.has(keyword) && (!oldSchema.has(keyword)
                    || newSchema.get(keyword).decimalValue().compareTo(oldSchema.get(keyword).decimalValue()) > 0)) {
                breaks.add(new Break(field, keyword + "-raised", (oldSchema.has(keyword) ? oldSchema.get(keyword) : "none")
                        + " became " + newSchema.get(keyword)));
            }
        }
        for (String keyword : List.of("maxItems", "maxLength", "maximum")) {
            if (newSchema.has(keyword) && (!oldSchema.has(keyword)
                    || newSchema.get(keyword).decimalValue().compareTo(oldSchema.get(keyword).decimalValue()) < 0)) {
                breaks.add(new Break(field, keyword + "-lowered", (oldSchema.has(keyword) ? oldSchema.get(keyword) : "none")
                        + " became " + newSchema.get(keyword)));
            }
        }
        if (newSchema.path("uniqueItems").asBoolean(false) && !oldSchema.path("uniqueItems").asBoolean(false)) {
            breaks.add(new Break(field, "uniqueItems-added", "duplicates were accepted"));
        }
    }

    private void unknownKeywords(JsonNode schema, String field) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!ANNOTATIONS.contains(key) && !CHECKED.contains(key)) {
                breaks.add(new Break(field, "unchecked-keyword", "\"" + key + "\": SchemaCompatibility does not know"
                        + " whether a change of it narrows; teach it before the schema uses it"));
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $refs are supported, got " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " points nowhere");
        }
        return target;
    }

    private static Set<String> types(JsonNode schema) {
        return schema.has("type") ? texts(schema.get("type")) : Set.of();
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> texts = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
