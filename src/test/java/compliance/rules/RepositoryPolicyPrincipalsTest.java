package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class RepositoryPolicyPrincipalsTest {

    private static final String TYPE = "AWS::ECR::Repository";

    private final RuleHarness rule = new RuleHarness(new RepositoryPolicyPrincipals());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': 'OrganizationPull', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'ecr:BatchGetImage', 'Condition': {'StringEquals': {'aws:PrincipalOrgID': 'o-abc123'}}}]}}"))).containsExactly(rule.compliant());
    }

    @Test
    void forAllValuesDoesNotBindFails() {
        assertThat(rule.results(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': 'OrganizationPull', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'ecr:BatchGetImage', 'Condition': {'ForAllValues:StringEquals': {'aws:PrincipalOrgID': 'o-abc123'}}}]}}"))).containsExactly(rule.nonCompliant("Principal::statement \"OrganizationPull\" allows principal \"*\" without StringEquals aws:PrincipalOrgID"));
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': 'OrganizationPull', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'ecr:BatchGetImage', 'Condition': {'ForAllValues:StringEquals': {'aws:PrincipalOrgID': 'o-abc123'}}}]}}"), RepositoryPolicyPrincipals.ID))).containsExactly(rule.suppressed("Principal::statement \"OrganizationPull\" allows principal \"*\" without StringEquals aws:PrincipalOrgID"));
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'RepositoryPolicyText': {'Version': '2012-10-17', 'Statement': [{'Sid': 'OrganizationPull', 'Effect': 'Allow', 'Principal': {'AWS': '*'}, 'Action': 'ecr:BatchGetImage', 'Condition': {'ForAllValues:StringEquals': {'aws:PrincipalOrgID': 'o-abc123'}}}]}}"), "EcrBlueprint-ECR5"))).containsExactly(rule.suppressed("Principal::statement \"OrganizationPull\" allows principal \"*\" without StringEquals aws:PrincipalOrgID"));
    }
}
