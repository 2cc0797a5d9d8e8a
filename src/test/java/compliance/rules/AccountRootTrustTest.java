package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class AccountRootTrustTest {

    private static final String TYPE = "AWS::IAM::Role";
    private static final String PERSONA = "'Tags': [{'Key': 'ecr-blueprint:persona', 'Value': 'publisher'}]";

    private final RuleHarness rule = new RuleHarness(new AccountRootTrust());

    private static String rootTrust(String condition) {
        return "{'AssumeRolePolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', "
                + "'Principal': {'AWS': 'arn:aws:iam::777777777777:root'}, 'Action': 'sts:AssumeRole'"
                + (condition == null ? "" : ", 'Condition': " + condition) + "}]}, " + PERSONA + "}";
    }

    @Test
    void aRootNarrowedToOnePrincipalArnPasses() {
        assertThat(rule.results(resource(TYPE, rootTrust(
                "{'ArnEquals': {'aws:PrincipalArn': ['arn:aws:iam::777777777777:role/jenkins-agent']}}"))))
                .containsExactly(rule.compliant());
    }

    @Test
    void aBareRootFails() {
        assertThat(rule.results(resource(TYPE, rootTrust(null))))
                .containsExactly(rule.nonCompliant("Principal::arn:aws:iam::777777777777:root"));
    }

    @Test
    void aWildcardPrincipalArnFails() {
        // ArnLike with a wildcard names no principal: the root stays open to every role the pattern matches.
        assertThat(rule.results(resource(TYPE, rootTrust(
                "{'ArnLike': {'aws:PrincipalArn': 'arn:aws:iam::777777777777:role/*'}}"))))
                .containsExactly(rule.nonCompliant("Principal::arn:aws:iam::777777777777:root"));
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, rootTrust(null)), AccountRootTrust.ID)))
                .containsExactly(rule.suppressed("Principal::arn:aws:iam::777777777777:root"));
    }
}
