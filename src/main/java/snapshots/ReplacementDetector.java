package snapshots;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the stateful resources of the base templates that the current templates would replace or delete.
 * A base resource is followed by its stack and logical id; when that is gone, by its identity (a physical
 * name such as {@code RepositoryName}; for a key without one, the aliases that target it or the named
 * resources that use it) among the resources of the same type that are new in the current templates.
 */
final class ReplacementDetector {

    private record Resource(String stack, String logicalId, String type, JsonNode properties, Optional<String> identity) {
    }

    private final Map<String, StatefulType> types;

    ReplacementDetector(List<StatefulType> statefulTypes) {
        Map<String, StatefulType> byType = new java.util.LinkedHashMap<>();
        statefulTypes.forEach(t -> byType.put(t.type(), t));
        this.types = Map.copyOf(byType);
    }

    List<Replacement> detect(Map<String, JsonNode> base, Map<String, JsonNode> current) {
        List<Resource> before = inventory(base);
        List<Resource> after = inventory(current);
        List<Replacement> replacements = new ArrayList<>();
        for (Resource old : before) {
            JsonNode template = current.get(old.stack());
            JsonNode same = template == null ? null : template.path("Resources").get(old.logicalId());
            if (same != null && old.type().equals(same.path("Type").asText())) {
                for (String property : types.get(old.type()).createOnlyProperties()) {
                    JsonNode was = old.properties().get(property);
                    JsonNode now = same.path("Properties").get(property);
                    if (!sameValue(was, now)) {
                        replacements.add(new Replacement(old.stack(), old.logicalId(), old.type(),
                                Replacement.Kind.CHANGES_CREATE_ONLY_PROPERTY,
                                "create-only property " + property + " changes from " + show(was) + " to " + show(now)
                                        + ": CloudFormation replaces the resource (a KMS key: the update fails)"));
                    }
                }
                continue;
            }
            Optional<Resource> successor = old.identity().flatMap(identity -> after.stream()
                    .filter(r -> r.type().equals(old.type()) && r.identity().equals(old.identity()))
                    .filter(r -> !existedAs(before, r))
                    .findFirst());
            if (successor.isPresent()) {
                Resource moved = successor.get();
                boolean sameStack = moved.stack().equals(old.stack());
                replacements.add(new Replacement(old.stack(), old.logicalId(), old.type(),
                        sameStack ? Replacement.Kind.CHANGES_LOGICAL_ID : Replacement.Kind.MOVES_TO_ANOTHER_STACK,
                        (sameStack ? "logical id changes to \"" + moved.logicalId() + "\""
                                : "moves to stack \"" + moved.stack() + "\" as \"" + moved.logicalId() + "\"")
                                + " (same " + old.identity().get() + "): CloudFormation creates a new resource and"
                                + " deletes this one" + (sameStack ? "; a renamed construct id?" : "")));
            } else {
                String why = template == null ? "its stack is no longer synthesized"
                        : same == null ? "it is no longer synthesized"
                        : "its logical id now holds a " + same.path("Type").asText();
                replacements.add(new Replacement(old.stack(), old.logicalId(), old.type(), Replacement.Kind.DISAPPEARS,
                        "disappears (" + why + "): CloudFormation deletes it"));
            }
        }
        return List.copyOf(replacements);
    }

    private static boolean existedAs(List<Resource> before, Resource candidate) {
        return before.stream().anyMatch(b -> b.stack().equals(candidate.stack())
                && b.logicalId().equals(candidate.logicalId()) && b.type().equals(candidate.type()));
    }

    private List<Resource> inventory(Map<String, JsonNode> templates) {
        List<Resource> resources = new ArrayList<>();
        templates.forEach((stack, template) -> template.path("Resources").properties().forEach(entry -> {
            String type = entry.getValue().path("Type").asText();
            StatefulType stateful = types.get(type);
            if (stateful != null) {
                JsonNode properties = entry.getValue().path("Properties");
                resources.add(new Resource(stack, entry.getKey(), type, properties,
                        identity(stateful, template, entry.getKey(), properties)));
            }
        }));
        return resources;
    }

    private Optional<String> identity(StatefulType type, JsonNode template, String logicalId, JsonNode properties) {
        Optional<String> named = physicalName(type, properties);
        if (named.isPresent()) {
            return named;
        }
        TreeSet<String> aliases = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        template.path("Resources").properties().forEach(entry -> {
            JsonNode resource = entry.getValue();
            String otherType = resource.path("Type").asText();
            if ("AWS::KMS::Alias".equals(otherType) && references(resource.path("Properties").path("TargetKeyId"), logicalId)) {
                aliases.add(show(resource.path("Properties").get("AliasName")));
            } else if (!entry.getKey().equals(logicalId) && types.containsKey(otherType)
                    && references(resource.path("Properties"), logicalId)) {
                physicalName(types.get(otherType), resource.path("Properties"))
                        .ifPresent(name -> users.add(otherType + " " + name));
            }
        });
        if (!aliases.isEmpty()) {
            return Optional.of("AliasName " + String.join(", ", aliases));
        }
        if (!users.isEmpty()) {
            return Optional.of("user " + String.join(", ", users));
        }
        return Optional.empty();
    }

    private static Optional<String> physicalName(StatefulType type, JsonNode properties) {
        List<String> parts = new ArrayList<>();
        for (String property : type.identityProperties()) {
            JsonNode value = properties.get(property);
            if (value != null && !value.isNull()) {
                parts.add(property + " " + show(value));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /** Whether {@code node} holds a {@code Ref} or {@code Fn::GetAtt} of {@code logicalId}. */
    private static boolean references(JsonNode node, String logicalId) {
        if (node.isObject()) {
            JsonNode ref = node.get("Ref");
            if (ref != null && ref.isTextual() && ref.asText().equals(logicalId)) {
                return true;
            }
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null && (getAtt.isArray() && getAtt.size() > 0 && getAtt.get(0).asText().equals(logicalId)
                    || getAtt.isTextual() && getAtt.asText().startsWith(logicalId + "."))) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (references(child, logicalId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode was, JsonNode now) {
        if (was == null || now == null) {
            return was == now;
        }
        return CanonicalJson.write(was).equals(CanonicalJson.write(now));
    }

    private static String show(JsonNode value) {
        return value == null || value.isMissingNode() ? "(not set)" : value.toString();
    }
}
