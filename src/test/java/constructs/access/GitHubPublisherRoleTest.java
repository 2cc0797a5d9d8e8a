package constructs.access;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecr.Repository;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubPublisherRoleTest {

    static final String API_ARN = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";
    static final Object PROVIDER_ARN = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
            ":iam::111111111111:oidc-provider/token.actions.githubusercontent.com")));

    static Template template;
    static Stack stack;

    static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    @BeforeAll
    static void synth() {
        App app = new App();
        stack = newStack(app, "Publishers");
        new GitHubPublisherRole(stack, "ApiPublisher", GitHubPublisherRoleProps.builder()
                .roleName("shop-dev-api-publisher")
                .repositoryArns(List.of(API_ARN))
                .subjects(List.of(GitHubOidcProviderTrust.branchSubject("acme/shop-api", "main"),
                        GitHubOidcProviderTrust.environmentSubject("acme/shop-api", "dev")))
                .build());
        Repository web = Repository.Builder.create(stack, "Web").repositoryName("shop/dev/web").build();
        new GitHubPublisherRole(stack, "WebPublisher", GitHubPublisherRoleProps.builder()
                .roleName("shop-dev-web-publisher")
                .repositoryArns(List.of(web.getRepositoryArn()))
                .subjects(List.of("repo:acme/shop-web:ref:refs/heads/release-*"))
                .allowSubjectWildcards(true)
                .signingProfileArn("arn:aws:signer:eu-west-1:111111111111:/signing-profiles/shop_release")
                .build());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    static Map<String, Object> role(String name) {
        return template.findResources("AWS::IAM::Role", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("RoleName", name))))).values().iterator().next();
    }

    @Nested
    class Trust {

        @Test
        void trustsTheAccountsGitHubProviderWithExactAudienceAndSubjects() {
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "RoleName", "shop-dev-api-publisher",
                    "MaxSessionDuration", 3600,
                    "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                            "Version", "2012-10-17",
                            "Statement", List.of(Map.of(
                                    "Effect", "Allow",
                                    "Principal", Map.of("Federated", PROVIDER_ARN),
                                    "Action", "sts:AssumeRoleWithWebIdentity",
                                    "Condition", Map.of("StringEquals", Map.of(
                                            "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                                            "token.actions.githubusercontent.com:sub", List.of(
                                                    "repo:acme/shop-api:ref:refs/heads/main",
                                                    "repo:acme/shop-api:environment:dev")))))))));
        }

        @Test
        void allowedWildcardSubjectsUseStringLikeWhileTheAudienceStaysExact() {
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "RoleName", "shop-dev-web-publisher",
                    "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                            "Version", "2012-10-17",
                            "Statement", List.of(Map.of(
                                    "Effect", "Allow",
                                    "Principal", Map.of("Federated", PROVIDER_ARN),
                                    "Action", "sts:AssumeRoleWithWebIdentity",
                                    "Condition", Map.of(
                                            "StringEquals", Map.of(
                                                    "token.actions.githubusercontent.com:aud", "sts.amazonaws.com"),
                                            "StringLike", Map.of(
                                                    "token.actions.githubusercontent.com:sub", List.of(
                                                            "repo:acme/shop-web:ref:refs/heads/release-*")))))))));
        }

        @Test
        void carriesThePublisherPersonaTag() {
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "RoleName", "shop-dev-api-publisher",
                    "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "publisher"))));
        }
    }

    @Nested
    class Permissions {

        @Test
        void grantsExactlyThePushAndScanReadActionsOnItsRepositoryAndTheTokenOnStar() {
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "Roles", List.of(Map.of("Ref", template.findResources("AWS::IAM::Role", Match.objectLike(Map.of(
                            "Properties", Match.objectLike(Map.of("RoleName", "shop-dev-api-publisher")))))
                            .keySet().iterator().next())),
                    "PolicyDocument", Match.objectEquals(Map.of(
                            "Version", "2012-10-17",
                            "Statement", List.of(
                                    Map.of("Sid", "PushImages", "Effect", "Allow",
                                            "Action", List.of(
                                                    "ecr:BatchCheckLayerAvailability",
                                                    "ecr:BatchGetImage",
                                                    "ecr:CompleteLayerUpload",
                                                    "ecr:InitiateLayerUpload",
                                                    "ecr:PutImage",
                                                    "ecr:UploadLayerPart"),
                                            "Resource", List.of(API_ARN)),
                                    Map.of("Sid", "ReadScanFindings", "Effect", "Allow",
                                            "Action", List.of("ecr:DescribeImageScanFindings", "ecr:DescribeImages"),
                                            "Resource", List.of(API_ARN)),
                                    Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                            "Action", List.of("ecr:GetAuthorizationToken"),
                                            "Resource", List.of("*")))))));
        }

        @Test
        void aRepositoryConstructsArnAndTheSigningProfileAreGranted() {
            String web = template.findResources("AWS::ECR::Repository").keySet().iterator().next();
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "PolicyDocument", Match.objectEquals(Map.of(
                            "Version", "2012-10-17",
                            "Statement", List.of(
                                    Map.of("Sid", "PushImages", "Effect", "Allow",
                                            "Action", Persona.PUBLISHER.actions(),
                                            "Resource", List.of(Map.of("Fn::GetAtt", List.of(web, "Arn")))),
                                    Map.of("Sid", "ReadScanFindings", "Effect", "Allow",
                                            "Action", Persona.PUBLISHER_SCAN_GATE_ACTIONS,
                                            "Resource", List.of(Map.of("Fn::GetAtt", List.of(web, "Arn")))),
                                    Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                            "Action", List.of("ecr:GetAuthorizationToken"),
                                            "Resource", List.of("*")),
                                    Map.of("Sid", "SignPushedImages", "Effect", "Allow",
                                            "Action", List.of("signer:SignPayload"),
                                            "Resource", List.of(
                                                    "arn:aws:signer:eu-west-1:111111111111:/signing-profiles/shop_release")))))));
        }

        @Test
        void noInlinePoliciesAreCreated() {
            template.resourceCountIs("AWS::IAM::Policy", 0);
            template.hasResource("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                    "Policies", Match.absent()))));
        }

        @Test
        void passesAwsSolutionsWithOnlyTheGranularTokenSuppression() {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-IAM.*")))
                    .isEmpty();
            template.hasResource("AWS::IAM::ManagedPolicy", Map.of(
                    "Properties", Match.objectLike(Map.of(
                            "Description", "ecr-blueprint publisher permissions of shop-dev-api-publisher")),
                    "Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress", List.of(Map.of(
                            "id", "AwsSolutions-IAM5",
                            "reason", "ecr:GetAuthorizationToken has no resource-level permissions, so IAM only "
                                    + "accepts Resource \"*\" for it (the token alone reaches no repository).",
                            "applies_to", List.of("Resource::*")))))));
        }
    }

    @Nested
    class Validation {

        GitHubPublisherRoleProps.Builder valid() {
            return GitHubPublisherRoleProps.builder()
                    .roleName("shop-dev-api-publisher")
                    .repositoryArns(List.of(API_ARN))
                    .subjects(List.of("repo:acme/shop-api:ref:refs/heads/main"));
        }

        void fails(GitHubPublisherRoleProps props, String message) {
            Stack s = newStack(new App(), "Invalid");
            assertThatThrownBy(() -> new GitHubPublisherRole(s, "P", props))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("GitHubPublisherRole Invalid/P: " + message);
        }

        @Test
        void failsWhenTheOrganisationPartOfASubjectIsAWildcard() {
            fails(valid().subjects(List.of("repo:*/shop-api:ref:refs/heads/main")).allowSubjectWildcards(true).build(),
                    "subjects[0] \"repo:*/shop-api:ref:refs/heads/main\" is invalid: the organisation part \"*\" must "
                            + "not contain a wildcard (* or ?), or workflows of any GitHub organisation could assume "
                            + "the role. Hint: name the organisation, e.g. "
                            + "\"repo:my-org/shop-api:ref:refs/heads/main\"");
        }

        @Test
        void failsWhenTheOrganisationIsOnlyPartlyAWildcard() {
            fails(valid().subjects(List.of("repo:acme?/shop-api:environment:dev")).allowSubjectWildcards(true).build(),
                    "subjects[0] \"repo:acme?/shop-api:environment:dev\" is invalid: the organisation part \"acme?\" "
                            + "must not contain a wildcard (* or ?), or workflows of any GitHub organisation could "
                            + "assume the role. Hint: name the organisation, e.g. "
                            + "\"repo:my-org/shop-api:environment:dev\"");
        }

        @Test
        void failsOnAWildcardThatWasNotAllowed() {
            fails(valid().subjects(List.of("repo:acme/shop-api:ref:refs/heads/*")).build(),
                    "subjects[0] \"repo:acme/shop-api:ref:refs/heads/*\" contains a wildcard (* or ?) but "
                            + "allowSubjectWildcards is false: wildcards are only allowed where the platform file asks "
                            + "for them. Hint: list the exact branches or environments, or set "
                            + "allowSubjectWildcards(true)");
        }

        @Test
        void failsOnAPullRequestSubject() {
            fails(valid().subjects(List.of("repo:acme/shop-api:pull_request")).build(),
                    "subjects[0] \"repo:acme/shop-api:pull_request\" is invalid: the context \"pull_request\" is not a "
                            + "branch (\"ref:refs/heads/<branch>\"), a tag (\"ref:refs/tags/<tag>\") or a GitHub "
                            + "environment (\"environment:<name>\"); pull-request workflows must never push images. "
                            + "Hint: \"repo:acme/shop-api:ref:refs/heads/main\"");
        }

        @Test
        void reportsEveryProblemAtOnce() {
            fails(valid().roleName("x".repeat(65)).repositoryArns(List.of("arn:aws:ecr:eu-west-1:111111111111:repository/*"))
                            .subjects(List.of()).signingProfileArn("profile").build(),
                    "roleName \"" + "x".repeat(65) + "\" is 65 characters: IAM allows at most 64. Hint: shorten the "
                            + "platform, environment or service name; "
                            + "repositoryArns[0] \"arn:aws:ecr:eu-west-1:111111111111:repository/*\" is invalid: must be "
                            + "one repository's ARN, without wildcards. Hint: "
                            + "\"arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api\"; "
                            + "subjects is empty: the role must trust at least one GitHub repository and branch or "
                            + "environment. Hint: \"repo:my-org/shop-api:ref:refs/heads/main\"; "
                            + "signingProfileArn \"profile\" is invalid: must be an AWS Signer signing profile ARN. "
                            + "Hint: \"arn:aws:signer:eu-west-1:111111111111:/signing-profiles/shop_release\"");
        }
    }
}
