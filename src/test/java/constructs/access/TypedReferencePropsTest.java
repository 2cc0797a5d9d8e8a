package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;
import software.amazon.awscdk.services.iam.OpenIdConnectProvider;

import java.util.List;
import java.util.Map;

/** The role props take repositories and OIDC providers as aws-cdk-lib types as well as ARNs, to the same effect. */
class TypedReferencePropsTest {

    static final String PROVIDER_ARN = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
    static final String SUBJECT = "repo:acme/shop-api:ref:refs/heads/main";

    static Template template;

    @BeforeAll
    static void synth() {
        App app = new App(AppProps.builder().analyticsReporting(false).build());
        Stack stack = new Stack(app, "Typed", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
        IRepository api = Repository.fromRepositoryArn(stack, "Api",
                "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api");
        IRepository web = Repository.Builder.create(stack, "Web").repositoryName("shop/dev/web").build();
        IRepository prodApi = Repository.fromRepositoryArn(stack, "ProdApi",
                "arn:aws:ecr:eu-west-1:111111111111:repository/shop/prod/api");
        IOpenIdConnectProvider github = OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, "GitHub", PROVIDER_ARN);

        new GitHubPublisherRole(stack, "Publisher", GitHubPublisherRoleProps.builder()
                .roleName("shop-dev-api-publisher")
                .repositories(List.of(api, web))
                .subjects(List.of(SUBJECT))
                .oidcProvider(github)
                .build());
        new PullerRole(stack, "Puller", PullerRoleProps.builder()
                .kind(PullerRoleKind.ECS_TASK_EXECUTION)
                .roleName("shop-dev-ecs-task-execution")
                .repositories(List.of(api))
                .build());
        new CodeBuildPublisherRole(stack, "CodeBuild", CodeBuildPublisherRoleProps.builder()
                .roleName("shop-dev-codebuild-publisher")
                .repositories(List.of(web))
                .projectArns(List.of("arn:aws:codebuild:eu-west-1:111111111111:project/shop-web"))
                .build());
        new PromoterRole(stack, "Promoter", PromoterRoleProps.builder()
                .roleName("shop-prod-api-promoter")
                .sourceRepositories(List.of(api))
                .targetRepositories(List.of(prodApi))
                .githubRepositories(List.of("acme/shop-api"))
                .githubEnvironment("prod")
                .oidcProvider(github)
                .build());
        template = Template.fromStack(stack);
    }

    /** The role's managed policy has a statement with these properties. */
    static void policyOfRoleHas(String roleName, Map<String, Object> statement) {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp(".* " + roleName),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(statement))))))));
    }

    static final Object WEB_ARN = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Web.*"), "Arn"));
    static final String DEV_API_ARN = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";

    @Test
    void thePublisherListsBothRepositoriesAndTrustsTheGivenProvider() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "shop-dev-api-publisher",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Federated", PROVIDER_ARN))))))));
        policyOfRoleHas("shop-dev-api-publisher", Map.of("Resource", List.of(DEV_API_ARN, WEB_ARN)));
    }

    @Test
    void thePullerAndTheCodeBuildPublisherListTheirRepository() {
        policyOfRoleHas("shop-dev-ecs-task-execution", Map.of("Resource", List.of(DEV_API_ARN)));
        policyOfRoleHas("shop-dev-codebuild-publisher", Map.of("Resource", List.of(WEB_ARN)));
    }

    @Test
    void thePromoterPullsFromTheSourceAndPushesToTheTargetAndTrustsTheGivenProvider() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "shop-prod-api-promoter",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Federated", PROVIDER_ARN))))))));
        policyOfRoleHas("shop-prod-api-promoter", Map.of("Action", Persona.PROMOTER_SOURCE_ACTIONS,
                "Resource", List.of(DEV_API_ARN)));
        policyOfRoleHas("shop-prod-api-promoter", Map.of("Action", Persona.PROMOTER_TARGET_ACTIONS,
                "Resource", List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/prod/api")));
    }
}
