package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubOidcProviderTest {

    static Stack stack;
    static Template template;

    @BeforeAll
    static void synth() {
        stack = new Stack(new App(), "Account", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
        new GitHubOidcProvider(stack, "GitHubOidcProvider");
        template = Template.fromStack(stack);
    }

    @Test
    void createsTheNativeProviderForGitHubWithTheStsAudienceAndNoThumbprint() {
        template.resourceCountIs("Custom::AWSCDKOpenIdConnectProvider", 0);
        template.hasResourceProperties("AWS::IAM::OIDCProvider", Match.objectEquals(Map.of(
                "Url", "https://token.actions.githubusercontent.com",
                "ClientIdList", List.of("sts.amazonaws.com"))));
    }

    @Test
    void theDeterministicArnNamesTheAccountAndTheIssuer() {
        assertThat(stack.resolve(GitHubOidcProvider.arnInAccount("222222222222"))).isEqualTo(Map.of("Fn::Join",
                List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::222222222222:oidc-provider/token.actions.githubusercontent.com"))));
    }

    @Test
    void importsAnExistingProviderByArn() {
        String arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
        assertThat(GitHubOidcProvider.fromArn(arn).providerArn()).isEqualTo(arn);
    }

    @Test
    void failsToImportAnotherProvider() {
        assertThatThrownBy(() -> GitHubOidcProvider.fromArn("arn:aws:iam::111111111111:oidc-provider/gitlab.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GitHubOidcProvider.fromArn: providerArn \"arn:aws:iam::111111111111:oidc-provider/"
                        + "gitlab.com\" is invalid: must be the ARN of the account's OIDC provider for "
                        + "token.actions.githubusercontent.com. Hint: \"arn:aws:iam::111111111111:oidc-provider/"
                        + "token.actions.githubusercontent.com\"");
    }
}
