package examples;

import constructs.repository.PrivateRepository;
import constructs.repository.PrivateRepositoryProps;
import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import constructs.repository.RepositoryPolicy;
import constructs.repository.RepositoryPrincipal;
import lifecycle.LifecyclePresets;
import lifecycle.LifecycleRetention;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.ecr.OnImageScanCompletedOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.DockerImageCode;
import software.amazon.awscdk.services.lambda.DockerImageFunction;
import software.amazon.awscdk.services.lambda.EcrImageCodeProps;

import java.util.List;
import java.util.Map;

/**
 * A CDK app of your own that uses the ecr-blueprint constructs directly, without a platform file:
 * one customer-managed key, two compliant repositories and a cross-account consumer. The repositories are
 * aws-cdk-lib {@code IRepository}s, so the usual L2 APIs take them: an ECS task, a Lambda function and a
 * CodeBuild project run images from them (each pull grant keeps the persona's exact actions, through a
 * customer-managed policy for roles and the repository policy for the Lambda service), an EventBridge rule
 * watches scan results, and an output names an image by digest.
 *
 * <p>Run it with your own build, or see it synthesized by {@code ConstructsOnlyAppTest}.
 */
public final class ConstructsOnlyApp {

    private ConstructsOnlyApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** The image the workloads run, by digest: a tag could be moved, a digest cannot. */
    public static final String API_DIGEST = "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b";

    public static Stack build(App app) {
        Stack stack = new Stack(app, "orders-registry", StackProps.builder()
                .env(Environment.builder().account("444455556666").region("eu-west-1").build())
                .build());

        RepositoryKey key = new RepositoryKey(stack, "RepositoryKey", RepositoryKeyProps.builder()
                .removalPolicy(RemovalPolicy.RETAIN)
                .alias("orders-ecr")
                .build());

        var lifecycle = LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                .untaggedExpiryDays(7)
                .releaseArchiveDays(365)        // releases move to archive after a year unpulled, never deleted
                .buildRetentionDays(30)
                .build());

        PrivateRepository api = new PrivateRepository(stack, "orders-api", PrivateRepositoryProps.builder()
                .repositoryName("orders/orders-api")
                .lifecyclePolicy(lifecycle)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryptionKey(key.key())
                // A partner account pulls released images; its own IAM decides who inside it may.
                .repositoryPolicy(RepositoryPolicy.builder().pull(RepositoryPrincipal.account("777788889999")).build())
                .tags(Map.of("team", "orders"))
                .build());

        PrivateRepository worker = new PrivateRepository(stack, "orders-worker", PrivateRepositoryProps.builder()
                .repositoryName("orders/orders-worker")
                .lifecyclePolicy(lifecycle)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryptionKey(key.key())
                .tags(Map.of("team", "orders"))
                .build());

        // ECS: the task's execution role pulls the image (ContainerImage grants it pull on the repository).
        Role taskExecution = Role.Builder.create(stack, "TaskExecutionRole")
                .roleName("orders-task-execution")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "ApiTask")
                .executionRole(taskExecution)
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        task.addContainer("api", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(api, API_DIGEST))
                .build());

        // Lambda: the function runs a container image; Lambda's service principal is let in by the repository policy.
        DockerImageFunction.Builder.create(stack, "WorkerFunction")
                .code(DockerImageCode.fromEcr(worker, EcrImageCodeProps.builder().tagOrDigest(API_DIGEST).build()))
                .build();

        // CodeBuild: builds run in an image of the api repository, pulled with the project's role.
        Project.Builder.create(stack, "IntegrationTests")
                .environment(BuildEnvironment.builder()
                        .buildImage(LinuxBuildImage.fromEcrRepository(api, "v1.4.2"))
                        .build())
                .buildSpec(BuildSpec.fromObject(Map.of("version", "0.2",
                        "phases", Map.of("build", Map.of("commands", List.of("make integration-test"))))))
                .build();

        // EventBridge: a rule on the scan results of the api repository (add your target).
        api.onImageScanCompleted("ApiScanCompleted", OnImageScanCompletedOptions.builder()
                .imageTags(List.of("v1.4.2"))
                .build());

        CfnOutput.Builder.create(stack, "ApiImage")
                .description("The api image the task runs, by digest")
                .value(api.repositoryUriForDigest(API_DIGEST))
                .build();
        return stack;
    }
}
