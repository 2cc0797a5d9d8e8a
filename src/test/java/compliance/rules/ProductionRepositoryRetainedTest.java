package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.suppressed;
import static compliance.rules.RuleHarness.template;
import static org.assertj.core.api.Assertions.assertThat;

class ProductionRepositoryRetainedTest {

    private final RuleHarness rule = new RuleHarness(new ProductionRepositoryRetained());

    private static com.fasterxml.jackson.databind.node.ObjectNode repository(String tag, String policies) {
        return template("{'Resources': {'Subject': {'Type': 'AWS::ECR::Repository', " + policies
                + " 'Properties': {'Tags': [{'Key': '" + tag.split("=")[0] + "', 'Value': '" + tag.split("=")[1] + "'}]}}}}");
    }

    @Test
    void aRetainedProductionRepositoryPasses() {
        assertThat(rule.results(repository("environment=prod", "'DeletionPolicy': 'Retain', 'UpdateReplacePolicy': 'Retain',")))
                .containsExactly(rule.compliant());
    }

    @Test
    void aProductionRepositoryDeletedWithItsStackFails() {
        assertThat(rule.results(repository("environment=prod", "'DeletionPolicy': 'Delete', 'UpdateReplacePolicy': 'Retain',")))
                .containsExactly(rule.nonCompliant());
        assertThat(rule.results(repository("environment=prod", ""))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aProductionRepositoryDeletedOnReplacementFails() {
        assertThat(rule.results(repository("ecr-blueprint:profile=prod", "'DeletionPolicy': 'Retain',")))
                .containsExactly(rule.nonCompliant());
    }

    @Test
    void aDevelopmentRepositoryIsNotChecked() {
        assertThat(rule.results(repository("environment=dev", ""))).isEmpty();
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(repository("environment=prod", ""), ProductionRepositoryRetained.ID)))
                .containsExactly(rule.suppressed());
        assertThat(rule.results(suppressed(repository("environment=prod", ""), "EcrBlueprint-ECR7")))
                .containsExactly(rule.suppressed());
    }
}
