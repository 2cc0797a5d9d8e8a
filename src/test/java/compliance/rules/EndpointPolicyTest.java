package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointPolicyTest {

    private static final String TYPE = "AWS::EC2::VPCEndpoint";

    private final RuleHarness rule = new RuleHarness(new EndpointPolicy());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'VpcEndpointType': 'Interface', 'PolicyDocument': {'Version': '2012-10-17', 'Statement': []}}"))).containsExactly(rule.compliant());
    }

    @Test
    void noPolicyFails() {
        assertThat(rule.results(resource(TYPE, "{'VpcEndpointType': 'Interface'}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void gatewayWithoutPolicyFails() {
        assertThat(rule.results(resource(TYPE, "{'VpcEndpointType': 'Gateway'}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'VpcEndpointType': 'Interface'}"), EndpointPolicy.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'VpcEndpointType': 'Interface'}"), "EcrBlueprint-VPC1"))).containsExactly(rule.suppressed());
    }
}
