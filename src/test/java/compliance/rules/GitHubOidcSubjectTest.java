package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class GitHubOidcSubjectTest {

    private static final String TYPE = "AWS::IAM::Role";

    private final RuleHarness rule = new RuleHarness(new GitHubOidcSubject());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringLike': {'token.actions.githubusercontent.com:sub': 'repo:octo-org/shop:ref:refs/heads/main'}}}]}}"))).containsExactly(rule.compliant());
    }

    @Test
    void wildcardRepositoryFails() {
        assertThat(rule.results(resource(TYPE, "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringLike': {'token.actions.githubusercontent.com:sub': 'repo:octo-org/*'}}}]}}"))).containsExactly(rule.nonCompliant("Subject::repo:octo-org/*"));
    }

    @Test
    void noSubjectFails() {
        assertThat(rule.results(resource(TYPE, "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringEquals': {'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'}}}]}}"))).containsExactly(rule.nonCompliant("Subject::missing"));
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringLike': {'token.actions.githubusercontent.com:sub': 'repo:octo-org/*'}}}]}}"), GitHubOidcSubject.ID))).containsExactly(rule.suppressed("Subject::repo:octo-org/*"));
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringLike': {'token.actions.githubusercontent.com:sub': 'repo:octo-org/*'}}}]}}"), "EcrBlueprint-IAM2"))).containsExactly(rule.suppressed("Subject::repo:octo-org/*"));
    }

    @Test
    void aGitLabSubjectWithANamedGroupPassesAndAWildcardGroupFails() {
        String role = "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Federated': 'arn:aws:iam::111111111111:oidc-provider/gitlab.com'}, 'Action': 'sts:AssumeRoleWithWebIdentity', 'Condition': {'StringEquals': {'gitlab.com:aud': 'https://gitlab.com'}, 'StringLike': {'gitlab.com:sub': 'SUBJECT'}}}]}}";
        assertThat(rule.results(resource(TYPE, role.replace("SUBJECT", "project_path:acme/backend/api-*:ref_type:branch:ref:main"))))
                .containsExactly(rule.compliant());
        assertThat(rule.results(resource(TYPE, role.replace("SUBJECT", "project_path:acme/*/api:ref_type:branch:ref:main"))))
                .containsExactly(rule.nonCompliant("Subject::project_path:acme/*/api:ref_type:branch:ref:main"));
    }
}
