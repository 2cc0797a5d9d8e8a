package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationTest {

    private static final String TYPE = "AWS::KMS::Key";

    private final RuleHarness rule = new RuleHarness(new KeyRotation());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'EnableKeyRotation': true}"))).containsExactly(rule.compliant());
    }

    @Test
    void rotationOffFails() {
        assertThat(rule.results(resource(TYPE, "{'EnableKeyRotation': false}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void rotationAbsentFails() {
        assertThat(rule.results(resource(TYPE, "{}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'EnableKeyRotation': false}"), KeyRotation.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'EnableKeyRotation': false}"), "EcrBlueprint-KMS1"))).containsExactly(rule.suppressed());
    }
}
