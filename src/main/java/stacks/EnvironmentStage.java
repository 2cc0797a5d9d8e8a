package stacks;

import platform.EnvironmentSpec;
import software.amazon.awscdk.PermissionsBoundary;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * One environment as a CDK Pipelines stage: the stage carries the environment's account and region, and the
 * environment's stacks are built inside it by the function the app passes (the same one that would build them at
 * the top level without a pipeline), so each stack exists exactly once.
 */
public class EnvironmentStage extends Stage {

    private final EnvironmentSpec environment;

    /**
     * A stage of the delivery pipeline deploying one environment to its account and region.
     *
     * @param scope the parent construct
     * @param id the stage id
     * @param environment the environment, from the platform file
     * @param environmentStacks creates the environment's stacks with the stage as their scope
     */
    public EnvironmentStage(Construct scope, String id, EnvironmentSpec environment,
                            BiConsumer<Stage, EnvironmentSpec> environmentStacks) {
        this(scope, id, environment, environmentStacks, null);
    }

    /**
     * A stage of the delivery pipeline whose every IAM role carries a permissions boundary, through the CDK's own
     * mechanism ({@code StageProps.permissionsBoundary}: every stack of the stage applies it to each
     * {@code AWS::IAM::Role} and {@code AWS::IAM::User}).
     *
     * @param scope the parent construct
     * @param id the stage id
     * @param environment the environment, from the platform file
     * @param environmentStacks creates the environment's stacks with the stage as their scope
     * @param permissionsBoundary the boundary of every role in the stage; null for none
     */
    public EnvironmentStage(Construct scope, String id, EnvironmentSpec environment,
                            BiConsumer<Stage, EnvironmentSpec> environmentStacks, PermissionsBoundary permissionsBoundary) {
        super(scope, id, StageProps.builder()
                .env(software.amazon.awscdk.Environment.builder()
                        .account(environment.account()).region(environment.region()).build())
                .permissionsBoundary(permissionsBoundary)
                .build());
        this.environment = environment;
        environmentStacks.accept(this, environment);
        if (stacks().isEmpty()) {
            throw new IllegalArgumentException("EnvironmentStage \"" + id + "\": the environment builder created no stack"
                    + " in the stage, so the pipeline would deploy nothing to environment \"" + environment.name() + "\"."
                    + " Hint: create the environment's stacks with the stage as their scope");
        }
    }

    /**
     * The environment the stage deploys.
     *
     * @return the environment
     */
    public EnvironmentSpec environment() {
        return environment;
    }

    /**
     * The stacks this stage deploys: every stack under it whose stage is this one (not a nested stage's).
     *
     * @return the stacks this stage deploys
     */
    public List<Stack> stacks() {
        String path = getNode().getPath();
        return getNode().findAll().stream()
                .filter(Stack::isStack)
                .map(Stack.class::cast)
                .filter(stack -> Stage.of(stack).getNode().getPath().equals(path))
                .toList();
    }
}
