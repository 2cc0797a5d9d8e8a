package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class RepositoryPolicySizeTest {

    private static final String TYPE = "AWS::ECR::Repository";

    private final RuleHarness rule = new RuleHarness(new RepositoryPolicySize());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': []}}"))).containsExactly(rule.compliant());
    }

    @Test
    void oversizedFails() {
        assertThat(rule.results(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': '" + "x".repeat(RepositoryPolicySize.MAX_REPOSITORY_POLICY_CHARACTERS) + "', 'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'ecr:BatchGetImage'}]}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': '" + "x".repeat(RepositoryPolicySize.MAX_REPOSITORY_POLICY_CHARACTERS) + "', 'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'ecr:BatchGetImage'}]}}"), RepositoryPolicySize.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': '" + "x".repeat(RepositoryPolicySize.MAX_REPOSITORY_POLICY_CHARACTERS) + "', 'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'ecr:BatchGetImage'}]}}"), "EcrBlueprint-ECR6"))).containsExactly(rule.suppressed());
    }
}
