package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.suppressed;
import static compliance.rules.RuleHarness.template;
import static org.assertj.core.api.Assertions.assertThat;

class PersonaActionsTest {

    private final RuleHarness rule = new RuleHarness(new PersonaActions());

    /** A role tagged with {@code persona} and a managed policy of the same template attached to it allowing {@code actions}. */
    private static com.fasterxml.jackson.databind.node.ObjectNode role(String persona, String actions) {
        return template("{'Resources': {"
                + "'Subject': {'Type': 'AWS::IAM::Role', 'Properties': {'AssumeRolePolicyDocument': {}, 'Tags': ["
                + "{'Key': 'ecr-blueprint:persona', 'Value': '" + persona + "'}]}},"
                + "'Grant': {'Type': 'AWS::IAM::ManagedPolicy', 'Properties': {'Roles': [{'Ref': 'Subject'}], 'PolicyDocument': {"
                + "'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': " + actions + ", 'Resource': '*'}]}}}}}");
    }

    @Test
    void aPullerWithThePullActionsPasses() {
        assertThat(rule.results(role("puller", "['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetAuthorizationToken']")))
                .containsExactly(rule.compliant());
    }

    @Test
    void aPullerWithAnActionOutsideItsTableFails() {
        assertThat(rule.results(role("puller", "['ecr:BatchGetImage', 'ecr:DescribeImages']")))
                .containsExactly(rule.nonCompliant("Action::ecr:DescribeImages"));
    }

    @Test
    void anUnknownPersonaFails() {
        assertThat(rule.results(role("auditor", "['ecr:BatchGetImage']"))).containsExactly(rule.nonCompliant("Persona::auditor"));
    }

    @Test
    void aSuppressionWithAReasonSuppressesTheFindingItNames() {
        var template = suppressed(role("puller", "['ecr:DescribeImages']"), PersonaActions.ID);
        assertThat(rule.results(template)).containsExactly(rule.suppressed("Action::ecr:DescribeImages"));
        assertThat(rule.results(suppressed(role("puller", "['ecr:DescribeImages']"), "EcrBlueprint-IAM1")))
                .containsExactly(rule.suppressed("Action::ecr:DescribeImages"));
    }
}
