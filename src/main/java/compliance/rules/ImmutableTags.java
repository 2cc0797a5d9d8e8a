package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;

/** Security Hub ECR.2, Control Tower CT.ECR.PR.3, Checkov CKV_AWS_51. */
public final class ImmutableTags implements EcrRule {

    @Override
    public String suffix() {
        return "ECR2";
    }

    @Override
    public String info() {
        return "The ECR repository does not make image tags IMMUTABLE.";
    }

    @Override
    public String explanation() {
        return "With mutable tags a push can silently replace the image a tag points to, so what was scanned, tested and "
                + "promoted is not what runs. Fix: set imageTagMutability(TagMutability.IMMUTABLE) (ImageTagMutability: IMMUTABLE).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object mutability = resource.property("imageTagMutability");
        return Outcome.when("IMMUTABLE".equals(mutability));
    }
}
