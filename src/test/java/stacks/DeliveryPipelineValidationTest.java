package stacks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import platform.Platform;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPipelineValidationTest {

    static Platform withoutDelivery() {
        Platform p = DeliveryPipelineStackTest.platform();
        return new Platform(p.name(), null, p.environments(), p.services(), null, null, null, null, null, null);
    }

    static App app;

    @BeforeAll
    static void app() {
        app = new App(AppProps.builder().analyticsReporting(false).build());
    }

    @Test
    void reportsEveryProblemAtOnceAndCreatesNothing() {
        assertThatThrownBy(() -> DeliveryPipeline.create(app, withoutDelivery(), DeliveryPipelineProps.builder()
                .platformFile("../platform.yaml")
                .approvalBefore(List.of("qa", "prod"))
                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        "platform \"shop\" has no delivery section: a delivery pipeline needs its account, region, connectionArn"
                                + " and repository. Hint: add a delivery: section to the platform file",
                        "environmentStacks is required: the stages are the only place the environment stacks exist."
                                + " Hint: pass the function that builds one environment's stacks into a given Stage",
                        "approvalBefore \"qa\" names no environment: must be one of dev, staging, prod."
                                + " Hint: use an environment name of the platform file",
                        "platformFile \"../platform.yaml\" is invalid: must be a path relative to the repository root of letters,"
                                + " digits, '.', '_', '-' and '/', without '..'. Hint: use \"examples/delivery/platform.yaml\""));
        assertThat(app.getNode().getChildren()).isEmpty();
    }

    @Test
    void failsWhenTheEnvironmentBuilderCreatesNoStackInAStage() {
        App own = new App(AppProps.builder().analyticsReporting(false).build());
        assertThatThrownBy(() -> DeliveryPipeline.create(own, DeliveryPipelineStackTest.platform(), DeliveryPipelineProps.builder()
                .environmentStacks((stage, environment) -> { })
                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EnvironmentStage \"dev\": the environment builder created no stack in the stage, so the pipeline"
                        + " would deploy nothing to environment \"dev\". Hint: create the environment's stacks with the stage"
                        + " as their scope");
    }

    @Test
    void approvalsGoBeforeTheEnvironmentsListedInsteadOfProd() {
        App own = new App(AppProps.builder().analyticsReporting(false).build());
        DeliveryPipelineStack stack = DeliveryPipeline.create(own, DeliveryPipelineStackTest.platform(), DeliveryPipelineProps.builder()
                .environmentStacks(DeliveryPipelineStackTest::oneStackPerEnvironment)
                .approvalBefore(List.of("staging"))
                .build());
        Object approval = Match.objectLike(Map.of("Name", "Approve", "RunOrder", 2,
                "ActionTypeId", Match.objectLike(Map.of("Category", "Approval"))));
        Object deployOnly = Match.not(Match.arrayWith(List.of(Match.objectLike(Map.of(
                "ActionTypeId", Match.objectLike(Map.of("Category", "Approval")))))));
        Template.fromStack(stack).hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("Stages", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "dev", "Actions", deployOnly)),
                Match.objectLike(Map.of("Name", "staging", "Actions", Match.arrayWith(List.of(approval)))),
                Match.objectLike(Map.of("Name", "prod", "Actions", deployOnly))))));
    }

    @Test
    void theDefaultPlatformFileIsTheOneCdkSynthReadsWithoutContext() {
        assertThat(DeliveryPipelineProps.builder().build().platformFile()).isEqualTo("examples/ecommerce/platform.yaml");
        assertThat(DeliveryPipelineStack.synthCommand("examples/ecommerce/platform.yaml"))
                .isEqualTo("npx cdk synth -c platform=examples/ecommerce/platform.yaml");
    }

    @Test
    void aStageOfMoreThanFiftyActionsIsSplitByCdkPipelinesIntoStagesWithinTheQuota() {
        App own = new App(AppProps.builder().analyticsReporting(false).build());
        // 26 stacks in each stage: a prepare and a deploy action each, 52 actions
        DeliveryPipelineStack pipeline = DeliveryPipeline.create(own, DeliveryPipelineStackTest.platform(), DeliveryPipelineProps.builder()
                .environmentStacks((stage, environment) -> {
                    for (int i = 1; i <= 26; i++) {
                        var stack = new software.amazon.awscdk.Stack(stage, "shop-" + environment.name() + "-" + i);
                        new software.amazon.awscdk.services.sns.Topic(stack, "Topic");
                    }
                })
                .build());

        var stages = pipeline.pipeline().getPipeline().getStages();
        assertThat(stages).extracting(s -> s.getStageName()).containsExactly("Source", "Build", "UpdatePipeline",
                "dev.1", "dev.2", "staging.1", "staging.2", "prod.1", "prod.2");
        assertThat(stages).allSatisfy(s -> assertThat(s.getActions()).hasSizeLessThanOrEqualTo(50));
    }

    @Test
    void failsWithEveryStageOverTheQuotaNamed() {
        assertThatThrownBy(() -> DeliveryPipelineStack.checkActionsPerStage(Map.of("dev", 50, "prod", 51)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage \"prod\" has 51 actions: CodePipeline allows at most 50 actions in a stage (each stack takes"
                        + " two: prepare and deploy its change set). Hint: fewer stacks per environment (fewer shards, see"
                        + " docs/scale.md), or split the environment");
    }

    @Test
    void aStageOfTwentyFiveStacksIsAccepted() {
        App own = new App(AppProps.builder().analyticsReporting(false).build());
        DeliveryPipeline.create(own, DeliveryPipelineStackTest.platform(), DeliveryPipelineProps.builder()
                .environmentStacks((stage, environment) -> {
                    for (int i = 1; i <= 25; i++) {
                        var stack = new software.amazon.awscdk.Stack(stage, "shop-" + environment.name() + "-" + i);
                        new software.amazon.awscdk.services.sns.Topic(stack, "Topic");
                    }
                })
                .approvalBefore(List.of())
                .build());
    }
}
