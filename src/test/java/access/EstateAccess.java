package access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds simulator requests against an estate: the caller's identity policies as deployed (a role of the estate), or
 * those of a consumer outside it, and the resource policy IAM would evaluate for the resource, as ECR and KMS apply
 * them.
 */
public final class EstateAccess {

    /**
     * Actions ECR authorizes against the registry's policy, not a repository's: creating repositories for replication
     * and the pull-through cache, and importing upstream images.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
     */
    static final Set<String> REGISTRY_POLICY_ACTIONS = Set.of(
            "ecr:CreateRepository", "ecr:BatchImportUpstreamImage", "ecr:ReplicateImage");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EstateTemplates templates;

    public EstateAccess(EstateTemplates templates) {
        this.templates = templates;
    }

    public EstateTemplates templates() {
        return templates;
    }

    /** A role of the estate calls {@code action} on {@code resource}. Fails when the estate has no such role. */
    public SimulationRequest asRole(String roleArn, String action, String resource) {
        return asRole(roleArn, action, resource, Map.of());
    }

    public SimulationRequest asRole(String roleArn, String action, String resource, Map<String, Object> context) {
        EstateTemplates.Role role = templates.role(roleArn).orElseThrow(() -> new AssertionError(
                "the estate has no role " + roleArn + "; roles: " + templates.roles().keySet()));
        return new SimulationRequest(roleArn, action, resource, accountOf(resource, role.account()), context,
                role.policies(), resourcePolicy(action, resource));
    }

    /**
     * A principal outside the estate (another account's workload) whose own account allows it {@code action} on
     * every resource: whether it succeeds is then decided by the estate's resource policies alone.
     */
    public SimulationRequest asConsumer(String principalArn, String action, String resource) {
        JsonNode own = JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "ConsumerAccountAllows", "Effect", "Allow", "Action", action, "Resource", "*"))));
        return new SimulationRequest(principalArn, action, resource, accountOf(resource, principalArn.split(":")[4]),
                Map.of(), Map.of("consumer-own-policy", own), resourcePolicy(action, resource));
    }

    /**
     * {@code principalArn} (outside or inside the estate) calls {@code sts:AssumeRole} on a role of the estate: its own
     * account allows it, so the role's trust policy, evaluated as the resource policy, decides.
     */
    public SimulationRequest assume(String principalArn, String roleArn, Map<String, Object> context) {
        EstateTemplates.Role role = templates.role(roleArn).orElseThrow(() -> new AssertionError(
                "the estate has no role " + roleArn + "; roles: " + templates.roles().keySet()));
        JsonNode own = JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "CallerAccountAllows", "Effect", "Allow", "Action", "sts:AssumeRole", "Resource", "*"))));
        return new SimulationRequest(principalArn, "sts:AssumeRole", roleArn, role.account(), context,
                Map.of("caller-own-policy", own), role.trustPolicy());
    }

    /**
     * A role of the estate calls {@code sts:AssumeRole} on another role of the estate: its own policies and the
     * target's trust policy decide.
     */
    public SimulationRequest assumeAsRole(String callerRoleArn, String roleArn) {
        EstateTemplates.Role caller = templates.role(callerRoleArn).orElseThrow(() -> new AssertionError(
                "the estate has no role " + callerRoleArn + "; roles: " + templates.roles().keySet()));
        EstateTemplates.Role role = templates.role(roleArn).orElseThrow(() -> new AssertionError(
                "the estate has no role " + roleArn + "; roles: " + templates.roles().keySet()));
        return new SimulationRequest(callerRoleArn, "sts:AssumeRole", roleArn, role.account(), Map.of(), caller.policies(),
                role.trustPolicy());
    }

    /**
     * A GitHub Actions job exchanges its OIDC token for the role's credentials: {@code sts:AssumeRoleWithWebIdentity}
     * by the account's GitHub OIDC provider, decided by the role's trust policy on the token's claims.
     */
    public SimulationRequest assumeWithGitHubToken(String roleArn, Map<String, Object> claims) {
        EstateTemplates.Role role = templates.role(roleArn).orElseThrow(() -> new AssertionError("the estate has no role " + roleArn));
        String provider = "arn:aws:iam::" + role.account() + ":oidc-provider/token.actions.githubusercontent.com";
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        claims.forEach((claim, value) -> context.put("token.actions.githubusercontent.com:" + claim, value));
        return new SimulationRequest(provider, "sts:AssumeRoleWithWebIdentity", roleArn, role.account(), context, Map.of(),
                role.trustPolicy(), true);
    }

    /** An AWS service principal ({@code lambda.amazonaws.com}) calls on behalf of a resource named by the context keys. */
    public SimulationRequest asService(String servicePrincipal, String action, String resource, Map<String, Object> context) {
        return new SimulationRequest(servicePrincipal, action, resource, accountOf(resource, null), context, Map.of(),
                resourcePolicy(action, resource));
    }

    /**
     * The policy IAM evaluates as the resource-based policy: the registry policy for registry-level actions; the
     * repository's own policy; for a repository ECR creates (a replica, a cached image) the repository policy of the
     * creation template that applies to it (the longest matching prefix); a KMS key's key policy.
     */
    JsonNode resourcePolicy(String action, String resource) {
        if (resource.startsWith("arn:aws:ecr:")) {
            String[] parts = resource.split(":", 6);
            String account = parts[4];
            String region = parts[3];
            if (REGISTRY_POLICY_ACTIONS.contains(action)) {
                return templates.registryPolicies().get(account + "/" + region);
            }
            if (templates.repositoryPolicies().containsKey(resource)) {
                return templates.repositoryPolicies().get(resource);
            }
            String name = parts[5].substring("repository/".length());
            return templates.creationTemplates().stream()
                    .filter(t -> t.account().equals(account) && t.region().equals(region) && t.matches(name))
                    .max(Comparator.comparingInt(t -> t.prefix().equals("ROOT") ? 0 : t.prefix().length()))
                    .map(EstateTemplates.CreationTemplate::repositoryPolicy)
                    .orElse(null);
        }
        if (resource.startsWith("arn:aws:kms:")) {
            return templates.keyPolicies().get(resource);
        }
        if (resource.startsWith("arn:aws:sns:")) {
            return templates.topicPolicies().get(resource);
        }
        return null;
    }

    private static String accountOf(String resource, String fallback) {
        String[] parts = resource.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : fallback;
    }
}
