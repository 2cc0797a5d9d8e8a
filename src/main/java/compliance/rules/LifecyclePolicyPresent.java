package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;

import java.util.List;

/** Security Hub ECR.3, Control Tower CT.ECR.PR.1. */
public final class LifecyclePolicyPresent implements EcrRule {

    private final LifecyclePolicyValidator validator;

    public LifecyclePolicyPresent(LifecyclePolicyValidator validator) {
        this.validator = validator;
    }

    @Override
    public String suffix() {
        return "ECR3";
    }

    @Override
    public String info() {
        return "The ECR repository has no valid lifecycle policy.";
    }

    @Override
    public String explanation() {
        return "Without a lifecycle policy untagged and superseded images pile up for ever: storage cost grows and old "
                + "vulnerable images stay pullable. Fix: give the repository a lifecycle policy with at least one rule "
                + "(LifecyclePolicy.LifecyclePolicyText), e.g. expire untagged images after 7 days.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object text = resource.map("lifecyclePolicy").get("lifecyclePolicyText");
        if (text == null) {
            return Outcome.nonCompliant();
        }
        if (!(text instanceof String policy)) {
            // An intrinsic (Fn::Join, a parameter): present, but only readable at deploy time.
            return Outcome.compliant();
        }
        List<String> problems = validator.problems(policy);
        return Outcome.of(problems.stream().map(p -> "Policy::" + p).toList());
    }
}
