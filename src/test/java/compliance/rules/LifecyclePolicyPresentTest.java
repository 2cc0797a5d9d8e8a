package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class LifecyclePolicyPresentTest {

    private static final String TYPE = "AWS::ECR::Repository";

    private final RuleHarness rule = new RuleHarness(new LifecyclePolicyPresent(LifecyclePolicyValidator.full()));

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'LifecyclePolicy': {'LifecyclePolicyText': '{\\\"rules\\\":[{\\\"rulePriority\\\":1,\\\"selection\\\":{\\\"tagStatus\\\":\\\"untagged\\\",\\\"countType\\\":\\\"sinceImagePushed\\\",\\\"countUnit\\\":\\\"days\\\",\\\"countNumber\\\":7},\\\"action\\\":{\\\"type\\\":\\\"expire\\\"}}]}'}}"))).containsExactly(rule.compliant());
    }

    @Test
    void absentFails() {
        assertThat(rule.results(resource(TYPE, "{}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void noRulesFails() {
        assertThat(rule.results(resource(TYPE, "{'LifecyclePolicy': {'LifecyclePolicyText': '{\\\"rules\\\":[]}'}}"))).containsExactly(rule.nonCompliant("Policy::rules is empty: a lifecycle policy needs at least one rule. Fix: add a rule"));
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{}"), LifecyclePolicyPresent.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{}"), "EcrBlueprint-ECR3"))).containsExactly(rule.suppressed());
    }
}
