package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.IOidcProvider;
import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;
import software.amazon.awscdk.services.iam.OpenIdConnectPrincipal;
import software.amazon.awscdk.services.iam.Role;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubOidcProviderTest {

    static Stack stack;
    static GitHubOidcProvider provider;
    static Template template;

    static final Map<String, Object> PROVIDER_ARN = Map.of("Fn::GetAtt", List.of("GitHubOidcProvider7EBF861F", "Arn"));
    /** {@code Ref} of an {@code AWS::IAM::OIDCProvider} is its ARN too; aws-cdk-lib's reference interfaces use it. */
    static final Map<String, Object> PROVIDER_REF = Map.of("Ref", "GitHubOidcProvider7EBF861F");

    @BeforeAll
    static void synth() {
        stack = new Stack(new App(), "Account", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
        provider = new GitHubOidcProvider(stack, "GitHubOidcProvider");
        // aws-cdk-lib's own principal, given our provider as its IOpenIdConnectProvider
        Role.Builder.create(stack, "Deploy").roleName("deploy")
                .assumedBy(new OpenIdConnectPrincipal(provider, Map.of("StringEquals", Map.of(
                        GitHubOidcProviderTrust.AUDIENCE_KEY, GitHubOidcProvider.AUDIENCE,
                        GitHubOidcProviderTrust.SUBJECT_KEY, "repo:acme/infra:ref:refs/heads/main"))))
                .build();
        // this toolkit's role, given the provider construct instead of its ARN
        new GitHubPublisherRole(stack, "Publisher", GitHubPublisherRoleProps.builder()
                .roleName("shop-dev-api-publisher")
                .repositoryArns(List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api"))
                .subjects(List.of("repo:acme/shop-api:ref:refs/heads/main"))
                .oidcProvider(provider)
                .build());
        template = Template.fromStack(stack);
    }

    @Test
    void theProviderKeepsItsLogicalId() {
        // The id every example's account stack has in its snapshot: the provider is a stateful resource.
        assertThat(template.findResources("AWS::IAM::OIDCProvider").keySet()).containsExactly("GitHubOidcProvider7EBF861F");
    }

    @Test
    void isAnAwsCdkLibOpenIdConnectProviderWithTheGitHubIssuer() {
        assertThat(provider).isInstanceOf(IOpenIdConnectProvider.class).isInstanceOf(IOidcProvider.class);
        assertThat(stack.resolve(provider.getOpenIdConnectProviderArn())).isEqualTo(PROVIDER_ARN);
        assertThat(stack.resolve(provider.getOidcProviderRef().getOidcProviderArn())).isEqualTo(PROVIDER_REF);
        assertThat(provider.getOpenIdConnectProviderIssuer()).isEqualTo("token.actions.githubusercontent.com");
        assertThat(provider.getOidcProviderIssuer()).isEqualTo("token.actions.githubusercontent.com");
    }

    @Test
    void awsCdkLibsOpenIdConnectPrincipalTrustsTheProvider() {
        template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "deploy",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Principal", Map.of("Federated", PROVIDER_REF)))))))));
    }

    @Test
    void theRolePropsTakeTheProviderConstruct() {
        template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "shop-dev-api-publisher",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Principal", Map.of("Federated", PROVIDER_ARN)))))))));
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
