package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class NoWildcardActionsTest {

    private static final String TYPE = "AWS::IAM::ManagedPolicy";

    private final RuleHarness rule = new RuleHarness(new NoWildcardActions());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'ecr:BatchGetImage', 'Resource': '*'}]}}"))).containsExactly(rule.compliant());
    }

    @Test
    void serviceWildcardFails() {
        assertThat(rule.results(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'ecr:*', 'Resource': '*'}]}}"))).containsExactly(rule.nonCompliant("Action::ecr:*"));
    }

    @Test
    void prefixWildcardFails() {
        assertThat(rule.results(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': ['ecr:Get*'], 'Resource': '*'}]}}"))).containsExactly(rule.nonCompliant("Action::ecr:Get*"));
    }

    @Test
    void notActionFails() {
        assertThat(rule.results(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'NotAction': 'iam:*', 'Resource': '*'}]}}"))).containsExactly(rule.nonCompliant("NotAction::Allow"));
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'ecr:*', 'Resource': '*'}]}}"), NoWildcardActions.ID))).containsExactly(rule.suppressed("Action::ecr:*"));
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'ecr:*', 'Resource': '*'}]}}"), "EcrBlueprint-IAM3"))).containsExactly(rule.suppressed("Action::ecr:*"));
    }
}
