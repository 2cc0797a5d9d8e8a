package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class ImmutableTagsTest {

    private static final String TYPE = "AWS::ECR::Repository";

    private final RuleHarness rule = new RuleHarness(new ImmutableTags());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'ImageTagMutability': 'IMMUTABLE'}"))).containsExactly(rule.compliant());
    }

    @Test
    void mutableFails() {
        assertThat(rule.results(resource(TYPE, "{'ImageTagMutability': 'MUTABLE'}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void absentMeansMutableFails() {
        assertThat(rule.results(resource(TYPE, "{}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void immutableWithExclusionFails() {
        assertThat(rule.results(resource(TYPE, "{'ImageTagMutability': 'IMMUTABLE_WITH_EXCLUSION'}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'ImageTagMutability': 'MUTABLE'}"), ImmutableTags.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'ImageTagMutability': 'MUTABLE'}"), "EcrBlueprint-ECR2"))).containsExactly(rule.suppressed());
    }
}
