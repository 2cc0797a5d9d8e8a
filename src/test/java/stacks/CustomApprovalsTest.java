package stacks;

import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * approvalBefore given through the Java API moves the shared registry stacks as the platform file's default does:
 * in examples/delivery the registry of account 111111111111 in eu-west-1 holds dev and staging, so an approval before
 * staging must keep its settings out of the dev stage. Construction only; nothing here needs a synthesis.
 */
class CustomApprovalsTest {

    static final Path EXAMPLE = Path.of("examples/delivery/platform.yaml");
    static final String SHARED_REGISTRY = "shop-registry-111111111111-eu-west-1";
    static final List<String> APPROVALS = List.of("staging", "prod");

    static List<String> stackNames(EnvironmentStage stage) {
        return stage.stacks().stream().map(Stack::getStackName).toList();
    }

    @Test
    void anApprovalBeforeStagingMovesTheRegistrySharedByDevAndStagingIntoTheStagingStage() {
        Platform platform = PlatformLoader.load(EXAMPLE);
        DeliveryPipelineStack pipeline = DeliveryPipeline.create(new App(AppProps.builder().analyticsReporting(false).build()),
                platform, DeliveryPipelineProps.builder()
                        .environmentStacks(PlatformStacks.stageStacks(platform, ShardMap.none(), APPROVALS))
                        .approvalBefore(APPROVALS)
                        .build());
        assertThat(stackNames(pipeline.stages().get(0))).containsExactly("shop-account-111111111111", "shop-dev");
        assertThat(stackNames(pipeline.stages().get(1))).containsExactly(SHARED_REGISTRY, "shop-staging");
        // in the staging stage, behind its approval, the registry deploys before the environment that lives on it
        Stack staging = pipeline.stages().get(1).stacks().get(1);
        assertThat(staging.getDependencies()).extracting(Stack::getStackName).contains(SHARED_REGISTRY);
    }

    @Test
    void withTheDefaultApprovalsTheSharedRegistryStaysInTheDevStage() {
        Platform platform = PlatformLoader.load(EXAMPLE);
        DeliveryPipelineStack pipeline = DeliveryPipeline.create(new App(AppProps.builder().analyticsReporting(false).build()),
                platform, DeliveryPipelineProps.builder()
                        .environmentStacks(PlatformStacks.stageStacks(platform, ShardMap.none(),
                                ApprovalGates.defaultApprovalBefore(platform)))
                        .build());
        assertThat(stackNames(pipeline.stages().get(0))).contains(SHARED_REGISTRY);
    }

    @Test
    void stagesBuiltForOtherApprovalsFailNamingTheStackTheStageAndTheEnvironmentItWouldChangeEarly() {
        Platform platform = PlatformLoader.load(EXAMPLE);
        assertThatThrownBy(() -> DeliveryPipeline.create(new App(AppProps.builder().analyticsReporting(false).build()),
                platform, DeliveryPipelineProps.builder()
                        .environmentStacks(PlatformStacks.stageStacks(platform, ShardMap.none(), List.of("prod")))
                        .approvalBefore(APPROVALS)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry stack \"" + SHARED_REGISTRY + "\" deploys in stage \"dev\" but its registry settings"
                        + " change environment \"staging\", which is behind a later approval. Hint: build the stages with"
                        + " PlatformStacks.stageStacks(platform, shardMap, approvalBefore), given the same approvalBefore"
                        + " as the pipeline, which deploys such a stack after that approval");
    }
}
