package constructs.registry;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningConfigurationTest {

    static final String PROFILE = "arn:aws:signer:eu-west-1:222222222222:/signing-profiles/shop_release";

    @Test
    void writesOneRuleWithWildcardMatchFilters() {
        Stack stack = new Stack(new App(), "Registry");
        new SigningConfiguration(stack, "Signing", SigningConfigurationProps.of(
                new SigningConfigurationProps.Rule(PROFILE, List.of("shop/prod/*"))));

        Template.fromStack(stack).hasResourceProperties("AWS::ECR::SigningConfiguration", Map.of("Rules", List.of(Map.of(
                "SigningProfileArn", PROFILE,
                "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/*", "FilterType", "WILDCARD_MATCH"))))));
    }

    @Test
    void failsOnElevenRules() {
        var rules = Collections.nCopies(11, new SigningConfigurationProps.Rule(PROFILE, List.of()));
        assertThatThrownBy(() -> SigningConfiguration.validate(new SigningConfigurationProps(rules)))
                .hasMessage("SigningConfiguration: rules has 11 entries: ECR accepts at most 10 signing rules a registry."
                        + " Hint: merge rules that share a signing profile");
    }

    @Test
    void failsOnAProfileArnThatIsNotASignerProfile() {
        var props = SigningConfigurationProps.of(new SigningConfigurationProps.Rule(
                "arn:aws:kms:eu-west-1:222222222222:key/abc", List.of()));
        assertThatThrownBy(() -> SigningConfiguration.validate(props))
                .hasMessage("SigningConfiguration: rules[0].signingProfileArn \"arn:aws:kms:eu-west-1:222222222222:key/abc\""
                        + " is not an AWS Signer profile ARN: expected arn:aws:signer:<region>:<account>:/signing-profiles/<name>"
                        + " (name of 2 or more letters, digits, _)");
    }

    @Test
    void failsOnAnUppercaseFilterAndOnMoreThan100Filters() {
        var filters = new java.util.ArrayList<>(Collections.nCopies(100, "shop/*"));
        filters.add("Shop/*");
        var props = SigningConfigurationProps.of(new SigningConfigurationProps.Rule(PROFILE, filters));
        assertThatThrownBy(() -> SigningConfiguration.validate(props))
                .hasMessage("SigningConfiguration: rules[0].repositoryFilters has 101 entries: at most 100 a rule."
                        + " Hint: use a wildcard prefix such as \"shop/prod/*\"; rules[0].repositoryFilters[100] \"Shop/*\" is not"
                        + " a WILDCARD_MATCH filter: lowercase repository-name segments with '*' wildcards, 1 to 256 characters,"
                        + " e.g. \"shop/prod/*\"");
    }

    @Test
    void failsOnNoRules() {
        assertThatThrownBy(() -> SigningConfiguration.validate(new SigningConfigurationProps(List.of())))
                .hasMessage("SigningConfiguration: rules is empty: a signing configuration without rules signs nothing."
                        + " Hint: add a rule or drop signing");
    }
}
