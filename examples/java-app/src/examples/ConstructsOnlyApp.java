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
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

import java.util.Map;

/**
 * A CDK app of your own that uses the ecr-blueprint constructs directly, without a platform file:
 * one customer-managed key, two compliant repositories, a cross-account consumer, and an ECS task
 * execution role granted pull through a customer-managed policy.
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
                .releaseRetentionDays(365)
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

        new PrivateRepository(stack, "orders-worker", PrivateRepositoryProps.builder()
                .repositoryName("orders/orders-worker")
                .lifecyclePolicy(lifecycle)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryptionKey(key.key())
                .tags(Map.of("team", "orders"))
                .build());

        Role taskExecution = Role.Builder.create(stack, "TaskExecutionRole")
                .roleName("orders-task-execution")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .build();
        api.grantPull(taskExecution);
        return stack;
    }
}
