package compliance.rules;

import java.util.Map;
import java.util.Set;

/** Production images outlive the stack: a deleted stack or a replaced repository must not delete them. */
public final class ProductionRepositoryRetained implements EcrRule {

    public static final String ID = "EcrBlueprint-ProductionRetained";

    /** Tags that mark production (stack tags reach the repository); the platform stacks set {@code environment}. */
    public static final Map<String, String> PRODUCTION_TAGS = Map.of(
            "environment", "prod",
            "ecr-blueprint:profile", "prod");

    private static final Set<String> RETAINING = Set.of("Retain", "RetainExceptOnCreate");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR7";
    }

    @Override
    public String info() {
        return "The production ECR repository is not retained when its stack is deleted or it is replaced.";
    }

    @Override
    public String explanation() {
        return "Deleting the repository deletes every image that production runs and rolls back to.";
    }

    @Override
    public String fix() {
        return "Set removalPolicy(RemovalPolicy.RETAIN) (DeletionPolicy and UpdateReplacePolicy: Retain) and do not set emptyOnDelete.";
    }

    @Override
    public String source() {
        return "Amazon ECR user guide (deleting a repository deletes its images); no Security Hub control";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        Map<String, String> tags = resource.tags();
        if (PRODUCTION_TAGS.entrySet().stream().noneMatch(t -> t.getValue().equals(tags.get(t.getKey())))) {
            return Outcome.notApplicable();
        }
        return Outcome.when(RETAINING.contains(resource.deletionPolicy()) && RETAINING.contains(resource.updateReplacePolicy()));
    }
}
