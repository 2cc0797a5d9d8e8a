package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.CfnRepositoryCreationTemplate;

/** The ECR service quota on repository policy size, checked at synth time instead of at deploy time. */
public final class RepositoryPolicySize implements EcrRule {

    /** Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html */
    public static final int MAX_REPOSITORY_POLICY_CHARACTERS = limits.AwsLimits.ECR_POLICY_TEXT;

    @Override
    public String suffix() {
        return "ECR6";
    }

    @Override
    public String info() {
        return "The ECR repository policy is longer than " + MAX_REPOSITORY_POLICY_CHARACTERS + " characters.";
    }

    @Override
    public String explanation() {
        return "ECR rejects larger repository policies and the deployment fails half-way. Fix: merge statements that share "
                + "actions, list principals in one statement, or grant through an organization condition.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository || node instanceof CfnRepositoryCreationTemplate;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object policy = RepositoryPolicyPrincipals.repositoryPolicy(resource);
        if (policy == null) {
            return Outcome.notApplicable();
        }
        // Intrinsics (Ref AWS::AccountId, ...) are counted as written: close to, not exactly, the deployed size.
        return Outcome.when(PolicyDocuments.text(policy).length() <= MAX_REPOSITORY_POLICY_CHARACTERS);
    }
}
