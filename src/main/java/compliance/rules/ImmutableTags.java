package compliance.rules;

import java.util.Set;

/** Every private repository makes its image tags immutable. */
public final class ImmutableTags implements EcrRule {

    public static final String ID = "EcrBlueprint-ImmutableTags";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR2";
    }

    @Override
    public String info() {
        return "The ECR repository does not make image tags IMMUTABLE.";
    }

    @Override
    public String explanation() {
        return "With mutable tags a push can silently replace the image a tag points to, so what was scanned, tested and "
                + "promoted is not what runs.";
    }

    @Override
    public String fix() {
        return "Set imageTagMutability(TagMutability.IMMUTABLE) (ImageTagMutability: IMMUTABLE).";
    }

    @Override
    public String source() {
        return "Security Hub ECR.2, Control Tower CT.ECR.PR.3, Checkov CKV_AWS_51";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        return Outcome.when("IMMUTABLE".equals(resource.property("ImageTagMutability").asText()));
    }
}
