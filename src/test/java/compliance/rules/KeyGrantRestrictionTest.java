package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class KeyGrantRestrictionTest {

    private static final String TYPE = "AWS::KMS::Key";

    private final RuleHarness rule = new RuleHarness(new KeyGrantRestriction());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'KeyPolicy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Principal': {'AWS': '*'}, 'Action': 'kms:CreateGrant', 'Resource': '*', 'Condition': {'BoolIfExists': {'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false'}}}]}}"))).containsExactly(rule.compliant());
    }

    @Test
    void noDenyFails() {
        assertThat(rule.results(resource(TYPE, "{'KeyPolicy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'kms:*', 'Resource': '*'}]}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void boolOnGrantIsForAwsResourceAloneFails() {
        assertThat(rule.results(resource(TYPE, "{'KeyPolicy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Principal': {'AWS': '*'}, 'Action': 'kms:CreateGrant', 'Resource': '*', 'Condition': {'Bool': {'kms:GrantIsForAWSResource': 'false'}}}]}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'KeyPolicy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'kms:*', 'Resource': '*'}]}}"), KeyGrantRestriction.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'KeyPolicy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'kms:*', 'Resource': '*'}]}}"), "EcrBlueprint-KMS2"))).containsExactly(rule.suppressed());
    }
}
