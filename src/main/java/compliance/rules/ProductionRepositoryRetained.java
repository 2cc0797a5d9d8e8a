package compliance.rules;

import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;

import java.util.Map;
import java.util.Set;

/** Production images outlive the stack: a deleted stack or a replaced repository must not delete them. */
public final class ProductionRepositoryRetained implements EcrRule {

    /** Stack (or repository) tags that mark production; the platform stacks set {@code environment}. */
    public static final Map<String, String> PRODUCTION_TAGS = Map.of(
            "environment", "prod",
            "ecr-blueprint:profile", "prod");

    private static final Set<CfnDeletionPolicy> RETAINING = Set.of(
            CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE);

    @Override
    public String suffix() {
        return "ECR7";
    }

    @Override
    public String info() {
        return "The production ECR repository is not retained when its stack is deleted or it is replaced.";
    }

    @Override
    public String explanation() {
        return "Deleting the repository deletes every image that production runs and rolls back to. Fix: set "
                + "removalPolicy(RemovalPolicy.RETAIN) (DeletionPolicy and UpdateReplacePolicy: Retain) and do not set emptyOnDelete.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        if (!isProduction(resource)) {
            return Outcome.notApplicable();
        }
        return Outcome.when(retains(resource.deletionPolicy()) && retains(resource.updateReplacePolicy()));
    }

    private static boolean retains(CfnDeletionPolicy policy) {
        // Absent means Delete.
        return policy != null && RETAINING.contains(policy);
    }

    private static boolean isProduction(CheckedResource resource) {
        return marksProduction(resource.tags()) || marksProduction(resource.stack().tags());
    }

    private static boolean marksProduction(Map<String, String> tags) {
        return PRODUCTION_TAGS.entrySet().stream().anyMatch(t -> t.getValue().equals(tags.get(t.getKey())));
    }
}
