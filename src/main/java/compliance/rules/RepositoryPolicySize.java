package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** The ECR service quota on repository policy size, checked at synth time instead of at deploy time. */
public final class RepositoryPolicySize implements EcrRule {

    public static final String ID = "EcrBlueprint-RepositoryPolicySize";

    /** Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html */
    public static final int MAX_REPOSITORY_POLICY_CHARACTERS = limits.AwsLimits.ECR_POLICY_TEXT;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR6";
    }

    @Override
    public String info() {
        return "The ECR repository policy is longer than " + MAX_REPOSITORY_POLICY_CHARACTERS + " characters.";
    }

    @Override
    public String explanation() {
        return "ECR rejects larger repository policies and the deployment fails half-way.";
    }

    @Override
    public String fix() {
        return "Merge statements that share actions, list principals in one statement, or grant through an organization condition.";
    }

    @Override
    public String source() {
        return "Amazon ECR service quota (repository policy size)";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY, ResourceTypes.CREATION_TEMPLATE);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        JsonNode policy = RepositoryPolicyPrincipals.repositoryPolicy(resource);
        if (policy.isMissingNode()) {
            return Outcome.notApplicable();
        }
        // Intrinsics (Ref AWS::AccountId, ...) are counted as written: close to, not exactly, the deployed size.
        return Outcome.when(PolicyDocuments.text(policy).length() <= MAX_REPOSITORY_POLICY_CHARACTERS);
    }
}
