package platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePolicyException;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The escape hatches of a service, checked like every other setting: {@code services[].lifecyclePolicy} by the
 * lifecycle package's parser and ECR's rules, {@code services[].repositoryPolicyStatements} by the shape ECR accepts
 * for a repository policy statement (IAM policy grammar; a repository policy names no Resource).
 */
final class EscapeHatchRules {

    /** The elements of a resource-policy statement ECR accepts in a repository policy (no Resource, NotResource). */
    static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Condition");
    /** IAM: a Sid is letters and digits. */
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    /** An ECR action, with IAM's wildcards. */
    private static final Pattern ACTION = Pattern.compile("ecr:[A-Za-z*?]+|\\*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EscapeHatchRules() {
    }

    static void check(Platform platform, Problems problems) {
        for (int i = 0; i < platform.services().size(); i++) {
            Service service = platform.services().get(i);
            String path = "services[" + i + "]";
            if (service.lifecyclePolicy() != null) {
                lifecyclePolicy(path + ".lifecyclePolicy", service.lifecyclePolicy(), problems);
            }
            if (service.repositoryPolicyStatements() != null) {
                statements(path + ".repositoryPolicyStatements", service.repositoryPolicyStatements(), problems);
            }
        }
    }

    private static void lifecyclePolicy(String path, String text, Problems problems) {
        List<String> found = List.of();
        try {
            LifecyclePolicy.parse(text);
        } catch (LifecyclePolicyException e) {
            found = e.problems();
        }
        for (String problem : found) {
            problems.add(path, "the lifecycle policy is not one ECR accepts: " + problem,
                    "write the policy as `aws ecr get-lifecycle-policy` returns lifecyclePolicyText (docs/lifecycle.md),"
                            + " or drop lifecyclePolicy to keep the generated one");
        }
    }

    private static void statements(String path, String text, Problems problems) {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(path, "repositoryPolicyStatements is not JSON: " + e.getOriginalMessage(),
                    "write a JSON array of statements, e.g. [{\"Sid\": \"AuditRead\", \"Effect\": \"Allow\", \"Principal\":"
                            + " {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": [\"ecr:DescribeImages\"]}]");
            return;
        }
        if (array == null || !array.isArray() || array.isEmpty()) {
            problems.add(path, "repositoryPolicyStatements must be a non-empty JSON array of statements",
                    "wrap the statements in [ ... ], or drop repositoryPolicyStatements");
            return;
        }
        Set<String> sids = new HashSet<>();
        for (int j = 0; j < array.size(); j++) {
            statement(path + "[" + j + "]", array.get(j), sids, problems);
        }
    }

    private static void statement(String at, JsonNode statement, Set<String> sids, Problems problems) {
        if (!statement.isObject()) {
            problems.add(at, "a statement must be a JSON object", "write {\"Effect\": ..., \"Principal\": ..., \"Action\": ...}");
            return;
        }
        for (Iterator<String> keys = statement.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!STATEMENT_KEYS.contains(key)) {
                problems.add(at, "statement element " + key + " is not accepted in a repository policy"
                                + (key.equals("Resource") || key.equals("NotResource") ? " (it applies to its own repository)" : ""),
                        "keep only " + STATEMENT_KEYS.stream().sorted().toList());
            }
        }
        String effect = statement.path("Effect").asText(null);
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            problems.add(at, "Effect must be Allow or Deny, got " + statement.path("Effect"), "write \"Effect\": \"Allow\"");
        }
        if (statement.has("Sid")) {
            String sid = statement.path("Sid").asText("");
            if (!statement.path("Sid").isTextual() || !SID.matcher(sid).matches()) {
                problems.add(at, "Sid " + statement.path("Sid") + " must be letters and digits", "e.g. \"Sid\": \"AuditRead\"");
            } else if (!sid.isEmpty() && !sids.add(sid)) {
                problems.add(at, "Sid \"" + sid + "\" is used twice in this service's statements", "give each statement its own Sid");
            }
        }
        if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
            problems.add(at, "a repository-policy statement needs a Principal", "e.g. \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}");
        } else if ("Allow".equals(effect) && isEveryone(statement.path("Principal")) && !statement.has("Condition")) {
            problems.add(at, "the statement allows every principal (\"*\") without a Condition: the repository would be public"
                            + " to every AWS account",
                    "name the accounts or roles, or add a Condition such as aws:PrincipalOrgID");
        }
        boolean action = statement.has("Action");
        if (action == statement.has("NotAction")) {
            problems.add(at, "a statement needs exactly one of Action and NotAction", "e.g. \"Action\": [\"ecr:BatchGetImage\"]");
        } else {
            JsonNode actions = statement.path(action ? "Action" : "NotAction");
            List<JsonNode> list = actions.isArray() ? iterable(actions) : List.of(actions);
            for (JsonNode a : list) {
                if (!a.isTextual() || !ACTION.matcher(a.asText()).matches()) {
                    problems.add(at, (action ? "Action " : "NotAction ") + a + " is not an ECR action",
                            "a repository policy grants ECR actions only, e.g. \"ecr:BatchGetImage\"");
                } else if (action && "Allow".equals(effect) && (a.asText().contains("*") || a.asText().contains("?"))) {
                    // The compliance rule EcrBlueprint-NoWildcardActions fails synthesis on it, and a platform file
                    // cannot suppress it.
                    problems.add(at, "Action " + a + " is a wildcard in an Allow statement: it would grant every ECR action,"
                                    + " present and future, and synthesis refuses it (EcrBlueprint-NoWildcardActions)",
                            "list the exact actions, e.g. [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]");
                }
            }
            if (!action && "Allow".equals(effect)) {
                problems.add(at, "NotAction in an Allow statement grants every ECR action but those listed, and synthesis"
                                + " refuses it (EcrBlueprint-NoWildcardActions)",
                        "write Action with the exact actions, or use NotAction in a Deny statement");
            }
        }
    }

    private static boolean isEveryone(JsonNode principal) {
        return principal.isTextual() && principal.asText().equals("*")
                || principal.path("AWS").isTextual() && principal.path("AWS").asText().equals("*")
                || principal.path("AWS").isArray() && iterable(principal.path("AWS")).stream().anyMatch(p -> p.asText().equals("*"));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
