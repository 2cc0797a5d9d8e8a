package compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppressions read from a template apply as cdk-nag applies them. */
class NagSuppressionTest {

    private static List<NagSuppression> read(String metadata) throws Exception {
        return NagSuppression.in(new ObjectMapper().readTree(metadata.replace('\'', '"')));
    }

    @Test
    void withoutAppliesToItCoversEveryFindingOfItsRuleOnly() throws Exception {
        NagSuppression suppression = read("{'cdk_nag': {'rules_to_suppress': [{'id': 'EcrBlueprint-PersonaActions', 'reason': 'reviewed'}]}}").get(0);

        assertThat(suppression.covers("EcrBlueprint-PersonaActions", "Action::ecr:DescribeImages")).isTrue();
        assertThat(suppression.covers("EcrBlueprint-PersonaActions", null)).isTrue();
        assertThat(suppression.covers("EcrBlueprint-NoWildcardActions", null)).isFalse();
    }

    @Test
    void appliesToCoversTheFindingsItNamesExactlyOrByRegex() throws Exception {
        NagSuppression suppression = read("{'cdk_nag': {'rules_to_suppress': [{'id': 'EcrBlueprint-NoWildcardActions', "
                + "'reason': 'reviewed', 'applies_to': ['Action::ecr:Get*', {'regex': '/^Action::s3:.*$/g'}]}]}}").get(0);

        assertThat(suppression.covers("EcrBlueprint-NoWildcardActions", "Action::ecr:Get*")).isTrue();
        assertThat(suppression.covers("EcrBlueprint-NoWildcardActions", "Action::s3:Get*")).isTrue();
        assertThat(suppression.covers("EcrBlueprint-NoWildcardActions", "Action::ecr:*")).isFalse();
        assertThat(suppression.covers("EcrBlueprint-NoWildcardActions", null)).isFalse();
    }

    @Test
    void anEncodedReasonIsDecoded() throws Exception {
        String encoded = Base64.getEncoder().encodeToString("Legacy tooling re-tags latest.".getBytes());
        assertThat(read("{'cdk_nag': {'rules_to_suppress': [{'id': 'X-1', 'reason': '" + encoded + "', 'is_reason_encoded': true}]}}"))
                .containsExactly(new NagSuppression("X-1", "Legacy tooling re-tags latest.", List.of()));
    }
}
