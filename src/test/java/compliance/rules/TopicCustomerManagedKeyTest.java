package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static compliance.rules.RuleHarness.template;
import static org.assertj.core.api.Assertions.assertThat;

class TopicCustomerManagedKeyTest {

    private static final String TYPE = "AWS::SNS::Topic";

    private final RuleHarness rule = new RuleHarness(new TopicCustomerManagedKey());

    /** A topic encrypted with a key of the same template, an alarm publishing to it, and the key's policy {@code statements}. */
    private static com.fasterxml.jackson.databind.node.ObjectNode alarmTopic(String statements) {
        return template("{'Resources': {"
                + "'Subject': {'Type': 'AWS::SNS::Topic', 'Properties': {'KmsMasterKeyId': {'Fn::GetAtt': ['Key', 'Arn']}}},"
                + "'Key': {'Type': 'AWS::KMS::Key', 'Properties': {'KeyPolicy': {'Version': '2012-10-17', 'Statement': "
                + statements + "}}},"
                + "'Alarm': {'Type': 'AWS::CloudWatch::Alarm', 'Properties': {'AlarmActions': [{'Ref': 'Subject'}]}}}}");
    }

    @Test
    void aKeyItsPublishersMayUsePasses() {
        assertThat(rule.results(alarmTopic("[{'Effect': 'Allow', 'Principal': {'Service': 'cloudwatch.amazonaws.com'}, "
                + "'Action': ['kms:Decrypt', 'kms:GenerateDataKey*'], 'Resource': '*'}]"))).containsExactly(rule.compliant());
    }

    @Test
    void aKeyAnAlarmCannotUseFails() {
        assertThat(rule.results(alarmTopic("[]"))).containsExactly(rule.nonCompliant("Publisher::cloudwatch.amazonaws.com"));
    }

    @Test
    void anUnencryptedTopicOrTheAwsManagedKeyFails() {
        assertThat(rule.results(resource(TYPE, "{}"))).containsExactly(rule.nonCompliant());
        assertThat(rule.results(resource(TYPE, "{'KmsMasterKeyId': 'alias/aws/sns'}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{}"), TopicCustomerManagedKey.ID))).containsExactly(rule.suppressed());
        assertThat(rule.results(suppressed(resource(TYPE, "{}"), "EcrBlueprint-SNS1"))).containsExactly(rule.suppressed());
    }
}
