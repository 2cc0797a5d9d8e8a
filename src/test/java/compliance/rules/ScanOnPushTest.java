package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class ScanOnPushTest {

    private final RuleHarness rule = new RuleHarness(new ScanOnPush());

    @Test
    void aRepositoryScanningOnPushPasses() {
        assertThat(rule.results(resource("AWS::ECR::Repository", "{'ImageScanningConfiguration': {'ScanOnPush': true}}")))
                .containsExactly(rule.compliant());
    }

    @Test
    void scanOnPushOffOrAbsentFails() {
        assertThat(rule.results(resource("AWS::ECR::Repository", "{'ImageScanningConfiguration': {'ScanOnPush': false}}")))
                .containsExactly(rule.nonCompliant());
        assertThat(rule.results(resource("AWS::ECR::Repository", "{}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource("AWS::ECR::Repository", "{}"), ScanOnPush.ID)))
                .containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource("AWS::ECR::Repository", "{}"), "EcrBlueprint-ECR1")))
                .containsExactly(rule.suppressed());
    }
}
