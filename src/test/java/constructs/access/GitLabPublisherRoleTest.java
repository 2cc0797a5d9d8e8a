package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitLabPublisherRoleTest {

    static final String API = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";
    static final String PROVIDER = "arn:aws:iam::111111111111:oidc-provider/gitlab.example.com";

    static Template template;

    @BeforeAll
    static void synth() {
        Stack stack = CodeBuildPublisherRoleTest.newStack(new App(), "GitLab");
        new GitLabOidcProvider(stack, "Provider", "https://gitlab.example.com");
        new GitLabPublisherRole(stack, "ApiPublisher", GitLabPublisherRoleProps.builder()
                .roleName(GitLabPublisherRole.defaultRoleName("shop", "dev", "api"))
                .repositoryArns(List.of(API))
                .gitlabUrl("https://gitlab.example.com")
                .subjects(List.of(GitLabPublisherRole.branchSubject("acme/backend/api", "main")))
                .oidcProviderArn(PROVIDER)
                .build());
        template = Template.fromStack(stack);
    }

    @Test
    void theProviderIsTheInstanceWithItsUrlAsAudience() {
        template.hasResourceProperties("AWS::IAM::OIDCProvider", Match.objectEquals(Map.of(
                "Url", "https://gitlab.example.com",
                "ClientIdList", List.of("https://gitlab.example.com"))));
    }

    @Test
    void trustsTheInstanceProviderForTheAudienceAndTheExactBranchSubject() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "shop-dev-api-gitlab-publisher",
                "MaxSessionDuration", 3600,
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Federated", PROVIDER),
                                "Action", "sts:AssumeRoleWithWebIdentity",
                                "Condition", Map.of("StringEquals", Map.of(
                                        "gitlab.example.com:aud", "https://gitlab.example.com",
                                        "gitlab.example.com:sub", List.of(
                                                "project_path:acme/backend/api:ref_type:branch:ref:main")))))))));
    }

    @Test
    void theDefaultProviderIsGitlabComInTheRolesAccount() {
        assertThat(GitLabOidcProvider.issuer(GitLabOidcProvider.GITLAB_COM)).isEqualTo("gitlab.com");
        Stack stack = CodeBuildPublisherRoleTest.newStack(new App(), "Default");
        new GitLabPublisherRole(stack, "P", GitLabPublisherRoleProps.builder()
                .roleName("shop-dev-api-gitlab-publisher")
                .repositoryArns(List.of(API))
                .subjects(List.of("project_path:acme/api:ref_type:branch:ref:release/*"))
                .allowSubjectWildcards(true)
                .build());
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                        "Principal", Map.of("Federated", Map.of("Fn::Join", List.of("", List.of("arn:",
                                Map.of("Ref", "AWS::Partition"), ":iam::111111111111:oidc-provider/gitlab.com")))),
                        "Condition", Map.of(
                                "StringEquals", Map.of("gitlab.com:aud", "https://gitlab.com"),
                                "StringLike", Map.of("gitlab.com:sub",
                                        List.of("project_path:acme/api:ref_type:branch:ref:release/*"))))))));
    }

    @Test
    void refusesAWildcardInTheGroupAnUnaskedWildcardAndATagSubject() {
        Stack s = CodeBuildPublisherRoleTest.newStack(new App(), "Invalid");
        assertThatThrownBy(() -> new GitLabPublisherRole(s, "P", GitLabPublisherRoleProps.builder()
                .roleName("shop-dev-api-gitlab-publisher")
                .repositoryArns(List.of(API))
                .subjects(List.of("project_path:*/api:ref_type:branch:ref:main",
                        "project_path:acme/api:ref_type:branch:ref:feature-*",
                        "project_path:acme/api:ref_type:tag:ref:v1.0.0"))
                .build()))
                .hasMessageContaining("subjects[0] \"project_path:*/api:ref_type:branch:ref:main\" is invalid: the group \"*\" must not contain a wildcard")
                .hasMessageContaining("subjects[1] \"project_path:acme/api:ref_type:branch:ref:feature-*\" contains a wildcard (* or ?) but allowSubjectWildcards is false")
                .hasMessageContaining("subjects[2] \"project_path:acme/api:ref_type:tag:ref:v1.0.0\" is invalid: must have the form");
    }

    @Test
    void refusesAGitLabUrlWithATrailingSlash() {
        Stack s = CodeBuildPublisherRoleTest.newStack(new App(), "Url");
        assertThatThrownBy(() -> new GitLabOidcProvider(s, "P", "https://gitlab.example.com/"))
                .hasMessageContaining("url \"https://gitlab.example.com/\" is invalid: must be the https URL of the GitLab instance");
    }
}
