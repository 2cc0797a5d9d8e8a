package lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads lifecycle-policy text field by field rather than through data binding, so that every
 * structural problem (unknown field, wrong type, unknown enum value) is reported at once with its
 * JSON path instead of Jackson's first failure.
 */
final class LifecyclePolicyParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> POLICY_FIELDS = List.of("rules");
    private static final List<String> RULE_FIELDS = List.of("rulePriority", "description", "selection", "action");
    private static final List<String> SELECTION_FIELDS = List.of(
            "tagStatus", "tagPatternList", "tagPrefixList", "storageClass", "countType", "countUnit", "countNumber");
    private static final List<String> ACTION_FIELDS = List.of("type", "targetStorageClass");

    private final List<String> problems = new ArrayList<>();

    private LifecyclePolicyParser() {
    }

    static LifecyclePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LifecyclePolicyException(List.of(
                    "the policy text is empty: a lifecycle policy is a JSON object {\"rules\": [...]}. "
                            + "Fix: pass the lifecyclePolicyText that `aws ecr get-lifecycle-policy` prints"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new LifecyclePolicyException(List.of(
                    "the policy text is not valid JSON" + where + ": " + e.getOriginalMessage()
                            + ". Fix: correct the JSON syntax"));
        }
        LifecyclePolicyParser parser = new LifecyclePolicyParser();
        List<LifecyclePolicyRule> rules = parser.rules(root);
        if (!parser.problems.isEmpty()) {
            throw new LifecyclePolicyException(parser.problems);
        }
        // The structure is sound: ECR's rules are checked where every policy is, in its constructor.
        return new LifecyclePolicy(rules);
    }

    private List<LifecyclePolicyRule> rules(JsonNode root) {
        if (!root.isObject()) {
            problems.add("the policy text is a JSON " + kind(root) + ", not an object: a lifecycle policy is "
                    + "{\"rules\": [...]}. Fix: wrap the rules in {\"rules\": [...]}");
            return null;
        }
        unknownFields(root, "", POLICY_FIELDS);
        JsonNode rules = root.get("rules");
        if (rules == null || rules.isNull()) {
            problems.add("rules is missing: a lifecycle policy needs a \"rules\" array. Fix: add \"rules\": [ ... ]");
            return null;
        }
        if (!rules.isArray()) {
            problems.add("rules is a JSON " + kind(rules) + ", not an array. Fix: make \"rules\" an array of rule objects");
            return null;
        }
        List<LifecyclePolicyRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            LifecyclePolicyRule rule = rule(rules.get(i), "rules[" + i + "]", i);
            if (rule != null) {
                parsed.add(rule);
            }
        }
        return parsed;
    }

    private LifecyclePolicyRule rule(JsonNode node, String path, int index) {
        if (!node.isObject()) {
            problems.add(path + " is a JSON " + kind(node) + ", not an object. Fix: write each rule as "
                    + "{\"rulePriority\": ..., \"selection\": {...}, \"action\": {...}}");
            return null;
        }
        unknownFields(node, path + ".", RULE_FIELDS);
        Integer priority = integer(node, "rulePriority", path);
        if (priority == null && (node.get("rulePriority") == null || node.get("rulePriority").isNull())) {
            problems.add(path + ".rulePriority is missing: every rule needs a unique positive rulePriority. "
                    + "Fix: add \"rulePriority\": " + (index + 1));
        }
        String description = string(node, "description", path);
        Selection selection = selection(node.get("selection"), path + ".selection");
        Action action = action(node.get("action"), path + ".action");
        return new LifecyclePolicyRule(priority == null ? 0 : priority, description, selection, action);
    }

    private Selection selection(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null; // reported by the validator, which knows the rule's priority
        }
        if (!node.isObject()) {
            problems.add(path + " is a JSON " + kind(node) + ", not an object. Fix: write the selection as an object");
            return null;
        }
        unknownFields(node, path + ".", SELECTION_FIELDS);
        return new Selection(
                enumValue(node, "tagStatus", path, ImageTagStatus.values(), ImageTagStatus::json),
                stringList(node, "tagPrefixList", path),
                stringList(node, "tagPatternList", path),
                enumValue(node, "storageClass", path, StorageClass.values(), StorageClass::json),
                enumValue(node, "countType", path, CountType.values(), CountType::json),
                enumValue(node, "countUnit", path, CountUnit.values(), CountUnit::json),
                integer(node, "countNumber", path));
    }

    private Action action(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(path + " is a JSON " + kind(node) + ", not an object. Fix: write the action as {\"type\": \"expire\"}");
            return null;
        }
        unknownFields(node, path + ".", ACTION_FIELDS);
        return new Action(
                enumValue(node, "type", path, ActionType.values(), ActionType::json),
                enumValue(node, "targetStorageClass", path, StorageClass.values(), StorageClass::json));
    }

    private void unknownFields(JsonNode node, String prefix, List<String> accepted) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                problems.add(prefix + name + " is not a lifecycle-policy field: ECR rejects unknown fields here. "
                        + "Fix: remove it or correct its spelling (accepted: " + String.join(", ", accepted) + ")");
            }
        }
    }

    private Integer integer(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(path + "." + field + " " + value + " is not an integer. Fix: write a whole number without quotes");
            return null;
        }
        return value.intValue();
    }

    private String string(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path + "." + field + " " + value + " is not a string. Fix: write it in double quotes");
            return null;
        }
        return value.textValue();
    }

    private List<String> stringList(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(path + "." + field + " " + value + " is not a list of strings. Fix: write it as [\"...\"]");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                problems.add(path + "." + field + " holds " + item + ", which is not a string. Fix: quote every entry");
                return null;
            }
            items.add(item.textValue());
        }
        return items;
    }

    private <E> E enumValue(JsonNode node, String field, String path, E[] values, Function<E, String> json) {
        String text = string(node, field, path);
        if (text == null) {
            return null;
        }
        for (E value : values) {
            if (json.apply(value).equals(text)) {
                return value;
            }
        }
        String accepted = Arrays.stream(values).map(json).collect(Collectors.joining(", "));
        problems.add(path + "." + field + " \"" + text + "\" is not a value ECR accepts (one of: " + accepted
                + ", spelled exactly). Fix: use one of them");
        return null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> "value";
        };
    }
}
