package constructs.access;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default example's prod promoter: pulls shop/staging/api (account 1111), pushes shop/prod/api (account 2222). */
class PromoterRoleTest {

    static final String STAGING_API = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/staging/api";
    static final String PROD_API = "arn:aws:ecr:eu-west-1:222222222222:repository/shop/prod/api";

    static Stack stack;
    static Template template;

    static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("222222222222").region("eu-west-1").build()).build());
    }

    static PromoterRoleProps.Builder prodApi() {
        return PromoterRoleProps.builder()
                .roleName(PromoterRole.defaultRoleName("shop", "prod", "api"))
                .sourceRepositoryArns(List.of(STAGING_API))
                .targetRepositoryArns(List.of(PROD_API))
                .githubRepositories(List.of("acme/shop-api"))
                .githubEnvironment("prod");
    }

    @BeforeAll
    static void synth() {
        stack = newStack(new App(), "ShopProd");
        new PromoterRole(stack, "ApiPromoter", prodApi().build());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    @Test
    void isAssumedOnlyFromTheTargetsGitHubEnvironment() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "shop-prod-api-promoter",
                "MaxSessionDuration", 3600,
                "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "promoter")),
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Federated", Map.of("Fn::Join", List.of("", List.of("arn:",
                                        Map.of("Ref", "AWS::Partition"),
                                        ":iam::222222222222:oidc-provider/token.actions.githubusercontent.com")))),
                                "Action", "sts:AssumeRoleWithWebIdentity",
                                "Condition", Map.of("StringEquals", Map.of(
                                        "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                                        "token.actions.githubusercontent.com:sub", List.of(
                                                "repo:acme/shop-api:environment:prod")))))))));
    }

    @Test
    void pullsTheStagingRepositoryAndPushesTheProdOneAndNothingElse() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "PolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Sid", "PullFromSource", "Effect", "Allow",
                                        "Action", List.of(
                                                "ecr:BatchCheckLayerAvailability",
                                                "ecr:BatchGetImage",
                                                "ecr:GetDownloadUrlForLayer"),
                                        "Resource", List.of(STAGING_API)),
                                Map.of("Sid", "PushToTarget", "Effect", "Allow",
                                        "Action", List.of(
                                                "ecr:BatchCheckLayerAvailability",
                                                "ecr:BatchGetImage",
                                                "ecr:CompleteLayerUpload",
                                                "ecr:InitiateLayerUpload",
                                                "ecr:PutImage",
                                                "ecr:UploadLayerPart"),
                                        "Resource", List.of(PROD_API)),
                                Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                        "Action", List.of("ecr:GetAuthorizationToken"),
                                        "Resource", List.of("*")))))));
    }

    @Test
    void holdsNoDeleteAndNoActionOutsideThePromoterPersona() {
        String policies = template.findResources("AWS::IAM::ManagedPolicy").toString();
        assertThat(policies).doesNotContain("Delete").doesNotContain("ecr:*");
        assertThat(Persona.PROMOTER.allowedActions()).containsAll(Persona.PROMOTER_SOURCE_ACTIONS)
                .containsAll(Persona.PROMOTER_TARGET_ACTIONS);
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }

    @Test
    void passesAwsSolutionsIamRules() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-IAM.*"))).isEmpty();
    }

    @Test
    void failsWithoutAGitHubEnvironment() {
        Stack s = newStack(new App(), "NoEnvironment");
        assertThatThrownBy(() -> new PromoterRole(s, "P", prodApi().githubEnvironment(null).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PromoterRole NoEnvironment/P: githubEnvironment is required: a promoter is assumed only "
                        + "from the target's GitHub environment, whose required reviewers gate the promotion. "
                        + "Hint: \"prod\"");
    }

    @Test
    void failsOnAWildcardOrganisationOrRepository() {
        Stack s = newStack(new App(), "Wildcards");
        assertThatThrownBy(() -> new PromoterRole(s, "P",
                prodApi().githubRepositories(List.of("*/shop-api", "acme/*")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PromoterRole Wildcards/P: githubRepositories (as subjects)[0] "
                        + "\"repo:*/shop-api:environment:prod\" is invalid: the organisation part \"*\" must not "
                        + "contain a wildcard (* or ?), or workflows of any GitHub organisation could assume the "
                        + "role. Hint: name the organisation, e.g. \"repo:my-org/shop-api:environment:prod\"; "
                        + "githubRepositories (as subjects)[1] \"repo:acme/*:environment:prod\" contains a wildcard "
                        + "(* or ?) but allowSubjectWildcards is false: wildcards are only allowed where the platform "
                        + "file asks for them. Hint: list the exact branches or environments, or set "
                        + "allowSubjectWildcards(true)");
    }

    @Test
    void anImagePipelinesPromotionRoleIsTrustedThroughItsAccountRootAlone() {
        String promotion = "arn:aws:iam::111111111111:role/shop-dev-api-promotion";
        Stack pipelineOnly = newStack(new App(), "PipelinePromoter");
        new PromoterRole(pipelineOnly, "ApiPromoter", PromoterRoleProps.builder()
                .roleName(PromoterRole.defaultRoleName("shop", "prod", "api"))
                .sourceRepositoryArns(List.of(STAGING_API))
                .targetRepositoryArns(List.of(PROD_API))
                .pipelinePrincipalArns(List.of(promotion))
                .build());
        Template.fromStack(pipelineOnly).hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "shop-prod-api-promoter",
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:aws:iam::111111111111:root"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn", List.of(promotion)))))))));
    }

    @Test
    void aPipelinePrincipalMustBeOneLiteralRole() {
        assertThatThrownBy(() -> new PromoterRole(newStack(new App(), "BadPipelinePromoter"), "ApiPromoter",
                prodApi().pipelinePrincipalArns(List.of("arn:aws:iam::111111111111:role/*")).build()))
                .hasMessageContaining("pipelinePrincipalArns[0] \"arn:aws:iam::111111111111:role/*\" is invalid");
    }
}
