package access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * One request to the simulator: who calls what on which resource, with which context keys, and every policy IAM
 * would evaluate for it.
 *
 * @param principal        an IAM role ARN, or a service principal ({@code lambda.amazonaws.com})
 * @param action           {@code ecr:BatchGetImage}
 * @param resource         the resource ARN, {@code *} for actions without resource-level permissions
 * @param resourceAccount  the account owning the resource
 * @param context          context keys beyond aws:PrincipalArn and aws:PrincipalAccount (filled in from the principal)
 * @param identityPolicies the principal's policies by name; none for service principals
 * @param resourcePolicy   the resource's policy (repository policy, key policy, registry policy, a role's trust
 *                         policy); null when none
 * @param webIdentity      sts:AssumeRoleWithWebIdentity with an OIDC token's claims as context (see
 *                         iam-simulate-batch.mjs for how the simulator evaluates it)
 */
public record SimulationRequest(String principal, String action, String resource, String resourceAccount,
                                Map<String, Object> context, Map<String, JsonNode> identityPolicies,
                                JsonNode resourcePolicy, boolean webIdentity) {

    public SimulationRequest {
        context = Map.copyOf(context);
        identityPolicies = Map.copyOf(identityPolicies);
    }

    public SimulationRequest(String principal, String action, String resource, String resourceAccount,
                             Map<String, Object> context, Map<String, JsonNode> identityPolicies, JsonNode resourcePolicy) {
        this(principal, action, resource, resourceAccount, context, identityPolicies, resourcePolicy, false);
    }

    ObjectNode toJson(ObjectMapper json, String id) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("principal", principal);
        node.put("action", action);
        node.put("resource", resource);
        node.put("resourceAccount", resourceAccount);
        node.set("context", json.valueToTree(context));
        var policies = node.putArray("identityPolicies");
        identityPolicies.forEach((name, policy) -> policies.addObject().put("name", name).set("policy", policy));
        if (resourcePolicy != null) {
            node.set("resourcePolicy", resourcePolicy);
        }
        if (webIdentity) {
            node.put("webIdentity", true);
        }
        return node;
    }

    /** {@code principal action resource}, for test names and failure messages. */
    public String describe() {
        return principal + " " + action + " " + resource + (context.isEmpty() ? "" : " " + context);
    }

    static List<String> names(Map<String, JsonNode> policies) {
        return List.copyOf(policies.keySet());
    }
}
