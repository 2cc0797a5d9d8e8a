package bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately small evaluator of identity policies, for the generated execution policies only: {@code Allow}
 * statements with {@code Action}, {@code Resource} and {@code StringEquals} conditions, matched the way IAM matches them
 * (actions case-insensitive, {@code *} and {@code ?} wildcards in actions and resources, a condition key's values
 * ORed, condition keys ANDed; implicit deny otherwise). Anything else in a policy (Deny, NotAction, NotResource,
 * another condition operator) fails loudly rather than being evaluated wrongly: the generated policies use none.
 *
 * <p>Not an IAM simulator: no SCPs, boundaries, resource policies or policy variables. {@code @cloud-copilot/iam-simulate}
 * was not on main when this was written; replace this class with it once it is.
 */
final class PolicyChecker {

    private PolicyChecker() {
    }

    /** Whether any of the policies (attached to one role) allows the request. */
    static boolean allows(List<JsonNode> policies, String action, String resource, Map<String, String> context) {
        return policies.stream().anyMatch(policy -> allows(policy, action, resource, context));
    }

    static boolean allows(JsonNode policy, String action, String resource, Map<String, String> context) {
        for (JsonNode statement : policy.get("Statement")) {
            for (Iterator<String> it = statement.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!List.of("Sid", "Effect", "Action", "Resource", "Condition").contains(field)) {
                    throw new UnsupportedOperationException("PolicyChecker does not evaluate " + field + ": " + statement);
                }
            }
            if (!statement.get("Effect").asText().equals("Allow")) {
                throw new UnsupportedOperationException("PolicyChecker evaluates Allow statements only: " + statement);
            }
            if (matchesAny(statement.get("Action"), action, true) && matchesAny(statement.get("Resource"), resource, false)
                    && conditionsHold(statement.path("Condition"), context)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns.isTextual()) {
            return glob(patterns.asText(), ignoreCase).matcher(value).matches();
        }
        for (JsonNode pattern : patterns) {
            if (glob(pattern.asText(), ignoreCase).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, String> context) {
        for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!operator.getKey().equals("StringEquals")) {
                throw new UnsupportedOperationException("PolicyChecker evaluates StringEquals only: " + operator.getKey());
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String actual = context.get(key.getKey());
                boolean any = false;
                for (JsonNode expected : key.getValue().isArray() ? key.getValue() : List.of(key.getValue())) {
                    any |= expected.asText().equals(actual);
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
