package compliance.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads IAM policy documents (identity policies, trust policies, ECR repository and registry
 * policies, key policies) the same way whether written as a JSON object or as a JSON string, so the
 * EcrBlueprint rules and the compliance report agree.
 */
public final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Condition key that binds a {@code *} principal to one AWS Organization. */
    public static final String PRINCIPAL_ORG_ID = "aws:PrincipalOrgID";

    private PolicyDocuments() {
    }

    /**
     * A policy as a tree: a JSON string is parsed, a map (resolved L1 value) is converted.
     *
     * @throws IllegalArgumentException when a string is not JSON
     */
    public static JsonNode tree(Object policy) {
        if (policy == null) {
            return MissingNode.getInstance();
        }
        if (policy instanceof JsonNode node && !node.isTextual()) {
            return node;
        }
        if (policy instanceof JsonNode node) {
            return tree(node.asText());
        }
        if (policy instanceof String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("policy text is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return JSON.valueToTree(policy);
    }

    /** The compact JSON text of a policy, as ECR counts its size. */
    public static String text(Object policy) {
        if (policy instanceof String text) {
            return text;
        }
        if (policy instanceof JsonNode node && node.isTextual()) {
            return node.asText();
        }
        try {
            return JSON.writeValueAsString(tree(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render policy", e);
        }
    }

    public static List<JsonNode> statements(JsonNode policy) {
        JsonNode statement = policy.path("Statement");
        if (statement.isArray()) {
            List<JsonNode> all = new ArrayList<>();
            statement.forEach(all::add);
            return all;
        }
        return statement.isObject() ? List.of(statement) : List.of();
    }

    public static boolean isAllow(JsonNode statement) {
        return "Allow".equals(statement.path("Effect").asText());
    }

    /** A string or a list of strings; non-string entries (intrinsics) are rendered as JSON. */
    public static List<String> strings(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> all = new ArrayList<>();
            value.forEach(v -> all.add(v.isTextual() ? v.asText() : v.toString()));
            return all;
        }
        return List.of(value.isTextual() ? value.asText() : value.toString());
    }

    /** Every action named in an Allow statement. */
    public static List<String> allowedActions(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : statements(policy)) {
            if (isAllow(statement)) {
                actions.addAll(strings(statement.path("Action")));
            }
        }
        return actions;
    }

    /**
     * Allow statements open to everyone ({@code "*"}, {@code {"AWS": "*"}} or any NotPrincipal)
     * that are not bound to one organization with {@code StringEquals aws:PrincipalOrgID}.
     * {@code ForAllValues:StringEquals} does not bind: it is true for a request without the key.
     */
    public static List<String> openPrincipalProblems(JsonNode policy) {
        List<String> problems = new ArrayList<>();
        for (JsonNode statement : statements(policy)) {
            if (!isAllow(statement)) {
                continue;
            }
            if (statement.has("NotPrincipal")) {
                problems.add(describe(statement) + " uses NotPrincipal with Allow");
                continue;
            }
            if (namesEveryone(statement.path("Principal")) && !boundToOrganization(statement)) {
                problems.add(describe(statement) + " allows principal \"*\" without StringEquals " + PRINCIPAL_ORG_ID);
            }
        }
        return problems;
    }

    static boolean namesEveryone(JsonNode principal) {
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        return strings(principal.path("AWS")).contains("*");
    }

    /** True when the statement carries {@code StringEquals aws:PrincipalOrgID} with concrete values. */
    public static boolean boundToOrganization(JsonNode statement) {
        JsonNode stringEquals = statement.path("Condition").path("StringEquals");
        for (Map.Entry<String, JsonNode> entry : stringEquals.properties()) {
            if (entry.getKey().equalsIgnoreCase(PRINCIPAL_ORG_ID)) {
                List<String> values = strings(entry.getValue());
                return !values.isEmpty() && values.stream().noneMatch(v -> v.isBlank() || v.contains("*"));
            }
        }
        return false;
    }

    /** True when some statement (with any operator prefix) names aws:PrincipalOrgID, e.g. under ForAllValues:. */
    public static boolean mentionsOrganizationOutsideStringEquals(JsonNode policy) {
        for (JsonNode statement : statements(policy)) {
            for (Map.Entry<String, JsonNode> op : statement.path("Condition").properties()) {
                if (op.getKey().equals("StringEquals")) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                    if (key.getKey().equalsIgnoreCase(PRINCIPAL_ORG_ID)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String describe(JsonNode statement) {
        JsonNode sid = statement.path("Sid");
        return sid.isTextual() ? "statement \"" + sid.asText() + "\"" : "a statement";
    }
}
