package compliance.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy reading shared by the rules and the report; plain JSON, no CDK. */
class PolicyDocumentsTest {

    private static String everyone(String principal, String condition) {
        return "{\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"ecr:BatchGetImage\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @Nested
    class OpenPrincipals {

        @ParameterizedTest(name = "{0} with {1} is open: {2}")
        @CsvSource(delimiter = '|', value = {
                "\"*\"           | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}              | false",
                "{\"AWS\":\"*\"} | {\"StringEquals\":{\"aws:principalorgid\":[\"o-a1b2c3d4e5\"]}}          | false",
                "{\"AWS\":\"*\"} | {\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}} | true",
                "{\"AWS\":\"*\"} | {\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}                          | true",
                "{\"AWS\":\"*\"} | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"*\"}}                           | true",
                "\"*\"           |                                                                            | true",
                "{\"AWS\":[\"arn:aws:iam::111111111111:root\",\"*\"]} |                                       | true",
                "{\"AWS\":\"arn:aws:iam::111111111111:root\"}          |                                       | false",
        })
        void onlyStringEqualsOnPrincipalOrgIdBindsAStarPrincipal(String principal, String condition, boolean open) {
            var problems = PolicyDocuments.openPrincipalProblems(PolicyDocuments.tree(everyone(principal, condition)));
            assertThat(problems.isEmpty()).isEqualTo(!open);
        }

        @Test
        void notPrincipalWithAllowIsOpen() {
            var policy = PolicyDocuments.tree("{\"Statement\":{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":"
                    + "\"arn:aws:iam::111111111111:root\"},\"Action\":\"ecr:BatchGetImage\"}}");
            assertThat(PolicyDocuments.openPrincipalProblems(policy)).containsExactly("a statement uses NotPrincipal with Allow");
        }

        @Test
        void aDenyWithAStarPrincipalIsNotOpen() {
            var policy = PolicyDocuments.tree("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:*\"}]}");
            assertThat(PolicyDocuments.openPrincipalProblems(policy)).isEmpty();
        }
    }

    @Test
    void forAllValuesOnPrincipalOrgIdIsRecognisedForTheCheckovNote() {
        var policy = PolicyDocuments.tree(everyone("{\"AWS\":\"*\"}",
                "{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}"));
        assertThat(PolicyDocuments.mentionsOrganizationOutsideStringEquals(policy)).isTrue();
    }

    @Test
    void allowedActionsIgnoreDenyStatements() {
        var policy = PolicyDocuments.tree("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\"]},"
                + "{\"Effect\":\"Deny\",\"Action\":\"ecr:*\"}]}");
        assertThat(PolicyDocuments.allowedActions(policy)).containsExactly("ecr:BatchGetImage");
    }

    @Test
    void aPolicyStringThatIsNotJsonIsRejectedWithTheParserMessage() {
        assertThatThrownBy(() -> PolicyDocuments.tree("{\"Statement\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("policy text is not JSON: ");
    }

    @Nested
    class GitHubSubjects {

        @ParameterizedTest(name = "{0} names a repository: {1}")
        @CsvSource({
                "repo:octo-org/shop:ref:refs/heads/main, true",
                "repo:octo-org/shop:environment:prod, true",
                "repo:octo-org/shop:*, true",
                "repo:octo-org/shop, true",
                "repo:octo-org/*, false",
                "repo:*/shop:ref:refs/heads/main, false",
                "repo:octo-org/sh?p:*, false",
                "repo:octo-org:ref:refs/heads/main, false",
                "*, false",
                "repository_owner:octo-org, false",
        })
        void theOrgAndRepositoryPartHasNoWildcard(String subject, boolean names) {
            assertThat(GitHubOidcSubject.namesRepository(subject)).isEqualTo(names);
        }
    }

    @Test
    void theBasicLifecycleValidatorNeedsJsonWithARule() {
        var validator = LifecyclePolicyValidator.basic();
        assertThat(validator.problems("{\"rules\":[{\"rulePriority\":1}]}")).isEmpty();
        assertThat(validator.problems("{\"rules\":[]}")).containsExactly(
                "lifecyclePolicyText has no rules: it must hold a \"rules\" array with at least one rule");
        assertThat(validator.problems("rules")).singleElement().asString().startsWith("lifecyclePolicyText is not JSON: Unrecognized token");
    }
}
