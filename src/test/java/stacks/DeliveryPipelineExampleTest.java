package stacks;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/delivery/platform.yaml with the real stacks inside the stages, the way the app builds them. */
@Tag("validated")
class DeliveryPipelineExampleTest {

    static final Path EXAMPLE = Path.of("examples/delivery/platform.yaml");

    /** Exactly what PlatformStacks builds for one environment, with the stage as scope. */
    static BiConsumer<Construct, EnvironmentSpec> environmentStacks(Platform platform) {
        var ownership = new PlatformStacks.Ownership(platform);
        return (scope, env) -> PlatformStacks.environmentStacks(scope, platform, env, ownership);
    }

    static App app;
    static DeliveryPipelineStack pipeline;
    static CloudAssembly assembly;

    @BeforeAll
    static void synth() {
        Platform platform = PlatformLoader.load(EXAMPLE);
        app = new App(AppProps.builder().analyticsReporting(false).build());
        pipeline = DeliveryPipeline.create(app, platform, DeliveryPipelineProps.builder()
                .platformFile(EXAMPLE.toString())
                .environmentStacks(environmentStacks(platform)::accept)
                .perStage(stage -> Aspects.of(stage).add(new AwsSolutionsChecks()))
                .build());
        Aspects.of(app).add(new AwsSolutionsChecks());
        assembly = app.synth();
    }

    static List<String> stackNames(EnvironmentStage stage) {
        return stage.stacks().stream().map(Stack::getStackName).toList();
    }

    @Test
    void theExampleHasADeliverySectionInTheToolingAccount() {
        assertThat(pipeline.getStackName()).isEqualTo("shop-delivery");
        assertThat(pipeline.getAccount()).isEqualTo("444444444444");
    }

    @Test
    void theOnlyTopLevelStacksAreThePipelineAndItsCrossRegionSupport() {
        // prod replicates to eu-central-1, whose registry stack the prod stage deploys: CodePipeline adds
        // a support stack (replication bucket) there; no environment stack is top level.
        assertThat(assembly.getStacks()).extracting(s -> s.getStackName())
                .containsExactlyInAnyOrder("shop-delivery", "shop-delivery-support-eu-central-1");
    }

    @Test
    void eachSingletonIsDeployedOnceByTheFirstStageOfItsAccount() {
        assertThat(pipeline.stages()).extracting(s -> s.environment().name()).containsExactly("dev", "staging", "prod");
        assertThat(stackNames(pipeline.stages().get(0)))
                .containsExactly("shop-account-111111111111", "shop-registry-111111111111-eu-west-1", "shop-dev");
        assertThat(stackNames(pipeline.stages().get(1))).containsExactly("shop-staging");
        assertThat(stackNames(pipeline.stages().get(2))).containsExactly("shop-account-222222222222",
                "shop-registry-222222222222-eu-west-1", "shop-registry-222222222222-eu-central-1", "shop-prod");
    }

    @Test
    void theEnvironmentStackIsDeployedAfterTheSingletonsOfItsStage() {
        List<Map<String, Object>> dev = pipelineActions("dev");
        assertThat(runOrder(dev, "shop-dev.Deploy")).isGreaterThan(runOrder(dev, "shop-account-111111111111.Deploy"));
        assertThat(runOrder(dev, "shop-dev.Deploy")).isGreaterThan(runOrder(dev, "shop-registry-111111111111-eu-west-1.Deploy"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> pipelineActions(String stageName) {
        Map<String, Object> pipelineResource = (Map<String, Object>) Template.fromStack(pipeline)
                .findResources("AWS::CodePipeline::Pipeline").values().iterator().next();
        List<Map<String, Object>> stages = (List<Map<String, Object>>) ((Map<String, Object>) pipelineResource.get("Properties")).get("Stages");
        return stages.stream().filter(s -> s.get("Name").equals(stageName)).findFirst()
                .map(s -> (List<Map<String, Object>>) s.get("Actions")).orElseThrow();
    }

    static int runOrder(List<Map<String, Object>> actions, String name) {
        return actions.stream().filter(a -> a.get("Name").equals(name)).findFirst()
                .map(a -> (Integer) a.get("RunOrder")).orElseThrow(() -> new AssertionError("no action " + name + " in " + actions));
    }

    @Test
    void everyStackOfEveryStageDeploysToItsEnvironmentsAccountAndItsRegionOrReplicaRegion() {
        assertThat(pipeline.stages()).allSatisfy(stage -> assertThat(stage.stacks()).allSatisfy(stack -> {
            assertThat(stack.getAccount()).isEqualTo(stage.environment().account());
            assertThat(stack.getRegion()).isIn(stage.environment().region(), "eu-central-1");
        }));
        assertThat(pipeline.stages().get(2).stacks()).filteredOn(stack -> stack.getRegion().equals("eu-central-1"))
                .extracting(Stack::getStackName).containsExactly("shop-registry-222222222222-eu-central-1");
    }

    @Test
    void noStackAnywhereHasAnUnsuppressedAwsSolutionsError() {
        List<Stack> stacks = new ArrayList<>(List.of(pipeline));
        pipeline.stages().forEach(stage -> stacks.addAll(stage.stacks()));
        assertThat(stacks).hasSize(9);
        assertThat(stacks).allSatisfy(stack -> assertThat(
                Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getId() + " " + m.getEntry().getData())
                .isEmpty());
    }
}
