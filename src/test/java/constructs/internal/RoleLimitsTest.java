package constructs.internal;

import constructs.access.CodeBuildPublisherRole;
import constructs.access.GitHubPublisherRole;
import constructs.access.GitHubPublisherRoleProps;
import constructs.access.Persona;
import constructs.access.PromoterRole;
import constructs.access.PullerRole;
import constructs.access.PullerRoleKind;
import constructs.access.PullerRoleProps;
import constructs.access.RepositoryScope;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleLimitsTest {

    static Stack newStack(String id) {
        return new Stack(new App(), id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    static List<String> repositoryArns(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/service-" + i).toList();
    }

    /** The compact JSON IAM would receive, as an independent measure of the size. */
    static int compactJsonLength(Object document) throws Exception {
        return new ObjectMapper().writeValueAsString(document).length();
    }

    static Map<String, Object> statement(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resources);
        return s;
    }

    @Nested
    class PolicySize {

        @Test
        void aLiteralDocumentMeasuresItsCompactJsonLength() throws Exception {
            Map<String, Object> document = Map.of("Version", "2012-10-17", "Statement", List.of(
                    statement("PullImages", Persona.PULLER.actions(), repositoryArns(3)),
                    Map.of("Effect", "Allow", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", true)))));
            assertThat(IamPolicySize.characters(document)).isEqualTo(compactJsonLength(document));
        }

        @Test
        void whitespaceIsNotCounted() {
            assertThat(IamPolicySize.characters(Map.of("Sid", "a b\n c"))).isEqualTo("{\"Sid\":\"abc\"}".length());
        }

        @Test
        void deployTimeValuesCountAtTheirLongest() {
            Object partitionArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                    ":ecr:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":repository/a")));
            assertThat(IamPolicySize.characters(partitionArn))
                    .isEqualTo(2 + "arn:".length() + 10 + ":ecr:".length() + 14 + 1 + 12 + ":repository/a".length());
            assertThat(IamPolicySize.characters(Map.of("Fn::GetAtt", List.of("Repo", "Arn")))).isEqualTo(2 + 314);
        }
    }

    @Nested
    class RepositoryPrefixFallback {

        @Test
        void listsEveryRepositoryWhileThePolicyFits() {
            Stack stack = newStack("Fits");
            new PullerRole(stack, "Ecs", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION).roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(repositoryArns(80))
                    .repositoryPrefixArn(RepositoryScope.prefixArn("111111111111", "eu-west-1", "shop/dev/"))
                    .build());
            Template.fromStack(stack).hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            statement("PullImages", Persona.PULLER.actions(), repositoryArns(80)),
                            statement("GetAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*"))))));
        }

        @Test
        void scopesByTheEnvironmentsPrefixWhenListingWouldPassTheLimitAndSuppressesOnlyThat() {
            Stack stack = newStack("TooMany");
            new PullerRole(stack, "Ecs", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION).roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(repositoryArns(100))
                    .repositoryPrefixArn(RepositoryScope.prefixArn("111111111111", "eu-west-1", "shop/dev/"))
                    .build());
            Aspects.of(stack).add(new AwsSolutionsChecks());
            Template template = Template.fromStack(stack);

            Object prefix = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                    ":ecr:eu-west-1:111111111111:repository/shop/dev/*")));
            template.hasResource("AWS::IAM::ManagedPolicy", Map.of(
                    "Properties", Match.objectLike(Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                            "Statement", List.of(
                                    Map.of("Sid", "PullImages", "Effect", "Allow",
                                            "Action", Persona.PULLER.actions(), "Resource", List.of(prefix)),
                                    statement("GetAuthorizationToken", List.of("ecr:GetAuthorizationToken"),
                                            List.of("*")))))),
                    "Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress", List.of(Map.of(
                            "id", "AwsSolutions-IAM5",
                            "reason", Match.stringLikeRegexp(".*scoped to the environment's repository-name prefix.*"),
                            "applies_to", List.of("Resource::*", Map.of("regex",
                                    "/^Resource::arn:.+:ecr:.+:repository\\/shop\\/dev\\/\\*$/g"))))))));
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-IAM5.*")))
                    .as("the regex suppression matches cdk-nag's finding for the prefix").isEmpty();
        }

        @Test
        void failsWithTheSizeWhenTheListDoesNotFitAndThereIsNoPrefix() throws Exception {
            Map<String, Object> listed = Map.of("Version", "2012-10-17", "Statement", List.of(
                    statement("PullImages", Persona.PULLER.actions(), repositoryArns(100)),
                    statement("GetAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*"))));
            int size = compactJsonLength(listed);
            assertThat(size).isGreaterThan(6_144);

            Stack stack = newStack("NoPrefix");
            assertThatThrownBy(() -> new PullerRole(stack, "Ecs", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION).roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(repositoryArns(100)).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PullerRole NoPrefix/Ecs: the managed policy of role \"shop-dev-ecs-task-execution\" "
                            + "would be " + size + " characters (every repository listed: " + size + "), but IAM "
                            + "allows 6144 (whitespace excluded). Hint: give the repositories a prefix fallback, "
                            + "RepositoryScope.of(arns, RepositoryScope.prefixArn(account, region, \"<platform>/<env>/\"))");
        }

        @Test
        void failsOnAPrefixThatIsNotARepositoryNamePrefix() {
            Stack stack = newStack("BadPrefix");
            assertThatThrownBy(() -> new PullerRole(stack, "Ecs", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION).roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(repositoryArns(1))
                    .repositoryPrefixArn("arn:aws:ecr:eu-west-1:111111111111:repository/*").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PullerRole BadPrefix/Ecs: repositoryArns prefix "
                            + "\"arn:aws:ecr:eu-west-1:111111111111:repository/*\" is invalid: must be a repository ARN "
                            + "prefix ending in \"/*\". Hint: RepositoryScope.prefixArn(account, region, \"shop/dev/\")");
        }

        @Test
        void repositoryConstructArnsAreSizedAtTheLongestRepositoryArn() throws Exception {
            int withoutRepositories = compactJsonLength(Map.of("Version", "2012-10-17", "Statement", List.of(
                    statement("PullImages", Persona.PULLER.actions(), List.of()),
                    statement("GetAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*")))));
            Stack stack = newStack("Tokens");
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < 19; i++) {
                arns.add(software.amazon.awscdk.services.ecr.Repository.Builder.create(stack, "R" + i)
                        .repositoryName("shop/dev/s" + i).build().getRepositoryArn());
            }
            assertThatThrownBy(() -> new PullerRole(stack, "Ecs", PullerRoleProps.builder()
                    .kind(PullerRoleKind.EKS_NODE).roleName("shop-dev-eks-node").repositoryArns(arns).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("would be " + (withoutRepositories + 19 * (2 + 314) + 18) + " characters");
        }
    }

    @Nested
    class TrustSize {

        @Test
        void failsWhenTheTrustPolicyPassesTheDefaultQuota() throws Exception {
            List<String> subjects = IntStream.range(0, 45)
                    .mapToObj(i -> "repo:acme/shop-service-" + i + ":ref:refs/heads/main").toList();
            String provider = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
            Map<String, Object> equals = new LinkedHashMap<>();
            equals.put("token.actions.githubusercontent.com:aud", "sts.amazonaws.com");
            equals.put("token.actions.githubusercontent.com:sub", subjects);
            int size = compactJsonLength(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                    "Effect", "Allow", "Principal", Map.of("Federated", provider),
                    "Action", "sts:AssumeRoleWithWebIdentity", "Condition", Map.of("StringEquals", equals)))));
            assertThat(size).isGreaterThan(2_048);

            Stack stack = newStack("Trust");
            assertThatThrownBy(() -> new GitHubPublisherRole(stack, "P", GitHubPublisherRoleProps.builder()
                    .roleName("shop-dev-all-publisher").oidcProviderArn(provider)
                    .repositoryArns(repositoryArns(1)).subjects(subjects).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("GitHubPublisherRole Trust/P: the trust policy of role \"shop-dev-all-publisher\" "
                            + "would be " + size + " characters, but IAM allows 2048 by default (whitespace excluded). "
                            + "Hint: trust fewer subjects or projects per role, or split the role");
        }
    }

    @Nested
    class RoleName {

        @Test
        void acceptsSixtyFourCharacters() {
            List<String> problems = new ArrayList<>();
            RoleLimits.checkRoleName("r".repeat(64), problems);
            assertThat(problems).isEmpty();
        }

        @Test
        void rejectsCharactersIamDoesNotAllow() {
            List<String> problems = new ArrayList<>();
            RoleLimits.checkRoleName("shop/dev api", problems);
            assertThat(problems).containsExactly("roleName \"shop/dev api\" is invalid: IAM role names may only "
                    + "contain letters, digits and + = , . @ _ -. Hint: use \"<platform>-<env>-<service>-<persona>\"");
        }

        @Test
        void requiresAName() {
            List<String> problems = new ArrayList<>();
            RoleLimits.checkRoleName(null, problems);
            assertThat(problems).containsExactly("roleName is required: other accounts' repository policies name the "
                    + "role through aws:PrincipalArn, so its name must be deterministic. Hint: use the construct's "
                    + "defaultRoleName(...), e.g. \"shop-dev-api-publisher\"");
        }

        @Test
        void theDefaultNamesOfTheDefaultExampleFit() {
            assertThat(List.of(
                    GitHubPublisherRole.defaultRoleName("shop", "staging", "checkout"),
                    CodeBuildPublisherRole.defaultRoleName("shop", "staging", "checkout"),
                    PullerRole.defaultRoleName("shop", "staging", PullerRoleKind.EKS_FARGATE_POD_EXECUTION),
                    PromoterRole.defaultRoleName("shop", "staging", "checkout")))
                    .containsExactly("shop-staging-checkout-publisher", "shop-staging-checkout-codebuild-publisher",
                            "shop-staging-eks-fargate-pod-execution", "shop-staging-checkout-promoter")
                    .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(RoleLimits.ROLE_NAME_CHARACTERS));
        }
    }
}
