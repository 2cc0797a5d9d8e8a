package constructs.access;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring the environment stacks are meant to use (the snippet of docs/access.md), on the default
 * example's shape: dev and staging in 111111111111, prod in 222222222222, promotion dev → staging → prod.
 * Validated: the roles, policies and the OIDC provider pass CloudFormation schema validation as in `cdk synth`.
 */
@Tag("validated")
class DefaultExampleAccessTest {

    record Env(String name, String account) {
    }

    static final List<Env> ENVS = List.of(new Env("dev", "111111111111"), new Env("staging", "111111111111"),
            new Env("prod", "222222222222"));
    static final List<String> SERVICES = List.of("user-service", "product-service", "order-service", "payment-service");
    static final String REGION = "eu-west-1";
    static final Map<String, Stack> STACKS = new LinkedHashMap<>();
    static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

    @BeforeAll
    static void synth() {
        App app = new App();
        for (String account : List.of("111111111111", "222222222222")) {
            Stack accountStack = new Stack(app, "shop-account-" + account, StackProps.builder()
                    .env(Environment.builder().account(account).region(REGION).build()).build());
            new GitHubOidcProvider(accountStack, "GitHubOidcProvider");
            STACKS.put("account-" + account, accountStack);
        }
        for (int e = 0; e < ENVS.size(); e++) {
            Env env = ENVS.get(e);
            Stack stack = new Stack(app, "shop-" + env.name(), StackProps.builder()
                    .env(Environment.builder().account(env.account()).region(REGION).build()).build());
            List<String> repositoryArns = new ArrayList<>();
            for (String service : SERVICES) {
                Repository repository = Repository.Builder.create(stack, service)
                        .repositoryName("shop/" + env.name() + "/" + service).build();
                repositoryArns.add(repository.getRepositoryArn());
                new GitHubPublisherRole(stack, service + "Publisher", GitHubPublisherRoleProps.builder()
                        .roleName(GitHubPublisherRole.defaultRoleName("shop", env.name(), service))
                        .repositoryArns(List.of(repository.getRepositoryArn()))
                        .subjects(List.of(GitHubOidcProviderTrust.branchSubject("acme/shop-" + service, "main")))
                        .build());
                if (e > 0) {
                    Env source = ENVS.get(e - 1);
                    new PromoterRole(stack, service + "Promoter", PromoterRoleProps.builder()
                            .roleName(PromoterRole.defaultRoleName("shop", env.name(), service))
                            .sourceRepositoryArns(List.of(RepositoryScope.repositoryArn(source.account(), REGION,
                                    "shop/" + source.name() + "/" + service)))
                            .targetRepositoryArns(List.of(repository.getRepositoryArn()))
                            .githubRepositories(List.of("acme/shop-" + service))
                            .githubEnvironment(env.name())
                            .build());
                }
            }
            new PullerRole(stack, "EcsTaskExecutionRole", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION)
                    .roleName(PullerRole.defaultRoleName("shop", env.name(), PullerRoleKind.ECS_TASK_EXECUTION))
                    .repositoryArns(repositoryArns)
                    .repositoryPrefixArn(RepositoryScope.prefixArn(env.account(), REGION, "shop/" + env.name() + "/"))
                    .build());
            Aspects.of(stack).add(new AwsSolutionsChecks());
            STACKS.put(env.name(), stack);
        }
        STACKS.forEach((name, stack) -> TEMPLATES.put(name, Template.fromStack(stack)));
    }

    @Test
    void eachAccountStackHasTheProviderTheRolesNameByArn() {
        TEMPLATES.get("account-222222222222").hasResourceProperties("AWS::IAM::OIDCProvider", Map.of(
                "Url", "https://token.actions.githubusercontent.com", "ClientIdList", List.of("sts.amazonaws.com")));
    }

    static TreeSet<String> roleNames(String env) {
        TreeSet<String> names = new TreeSet<>();
        TEMPLATES.get(env).findResources("AWS::IAM::Role").values().forEach(r ->
                names.add(String.valueOf(((Map<?, ?>) r.get("Properties")).get("RoleName"))));
        return names;
    }

    @Test
    void devHasAPublisherPerServiceAndOneEcsPullRoleAndNoPromoter() {
        assertThat(roleNames("dev")).containsExactly(
                "shop-dev-ecs-task-execution",
                "shop-dev-order-service-publisher",
                "shop-dev-payment-service-publisher",
                "shop-dev-product-service-publisher",
                "shop-dev-user-service-publisher");
    }

    @Test
    void prodAlsoHasAPromoterPerServiceFromStaging() {
        assertThat(roleNames("prod")).containsExactly(
                "shop-prod-ecs-task-execution",
                "shop-prod-order-service-promoter",
                "shop-prod-order-service-publisher",
                "shop-prod-payment-service-promoter",
                "shop-prod-payment-service-publisher",
                "shop-prod-product-service-promoter",
                "shop-prod-product-service-publisher",
                "shop-prod-user-service-promoter",
                "shop-prod-user-service-publisher");
    }

    @Test
    void theProdPromoterPullsTheStagingRepositoryInTheOtherAccountByName() {
        TEMPLATES.get("prod").hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Description", "ecr-blueprint promoter permissions of shop-prod-user-service-promoter",
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "PullFromSource", "Effect", "Allow", "Action", Persona.PROMOTER_SOURCE_ACTIONS,
                        "Resource", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                                Map.of("Ref", "AWS::Partition"),
                                ":ecr:eu-west-1:111111111111:repository/shop/staging/user-service")))))))))));
    }

    @Test
    void theEcsPullRoleListsTheFourRepositoriesOfItsEnvironment() {
        Template staging = TEMPLATES.get("staging");
        List<Object> arns = new ArrayList<>();
        staging.findResources("AWS::ECR::Repository").keySet()
                .forEach(id -> arns.add(Map.of("Fn::GetAtt", List.of(id, "Arn"))));
        staging.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Description", "ecr-blueprint puller permissions of shop-staging-ecs-task-execution",
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "PullImages", "Effect", "Allow", "Action", Persona.PULLER.actions(),
                        "Resource", arns)))))));
    }

    @Test
    void noStackHasAnAwsSolutionsIamFindingOrAnInlinePolicy() {
        STACKS.forEach((name, stack) -> {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-IAM.*")))
                    .as(name).isEmpty();
            TEMPLATES.get(name).resourceCountIs("AWS::IAM::Policy", 0);
        });
    }
}
