package stacks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.cloudformation.CfnWaitConditionHandle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackLimitsTest {

    static final StackLimits LIMITS = StackLimits.CLOUDFORMATION;

    @Nested
    class CloudFormationQuotas {

        @Test
        void aStackAtEveryLimitFits() {
            assertThat(LIMITS.problems("shop-prod", new StackLimits.Counts(500, 200, 200))).isEmpty();
            assertThat(LIMITS.templateProblem("shop-prod", 1_000_000)).isNull();
        }

        @Test
        void failsWithResourcesOverFiveHundred() {
            assertThat(LIMITS.problems("shop-prod", new StackLimits.Counts(501, 0, 0))).containsExactly(
                    "stack shop-prod has 501 resources: CloudFormation allows at most 500 in one stack. "
                            + "Hint: shard the environment with a shard map (shards.yaml next to the platform file, "
                            + "docs/scale.md) or lower its capacity");
        }

        @Test
        void failsWithOutputsOverTwoHundredAndNamesTheRepositoryOutputs() {
            assertThat(LIMITS.problems("shop-prod", new StackLimits.Counts(10, 201, 0))).containsExactly(
                    "stack shop-prod has 201 outputs: CloudFormation allows at most 200 in one stack (each repository "
                            + "exports 3). Hint: shard the environment with a shard map (shards.yaml next to the platform "
                            + "file, docs/scale.md) or lower its capacity, or set repositoryOutputs: false in it");
        }

        @Test
        void failsWithParametersOverTwoHundred() {
            assertThat(LIMITS.problems("shop-prod", new StackLimits.Counts(10, 0, 201))).containsExactly(
                    "stack shop-prod has 201 parameters: CloudFormation allows at most 200 in one stack. "
                            + "Hint: pass values as construct props, not CfnParameters");
        }

        @Test
        void reportsEveryBrokenLimitAtOnce() {
            assertThat(LIMITS.problems("shop-prod", new StackLimits.Counts(501, 201, 201))).hasSize(3);
        }

        @Test
        void failsWithATemplateOverOneMegabyte() {
            assertThat(LIMITS.templateProblem("shop-prod", 1_000_001)).isEqualTo(
                    "stack shop-prod has a template of 1000001 bytes: CloudFormation accepts at most 1000000 bytes. "
                            + "Hint: shard the environment with a shard map (shards.yaml next to the platform file, "
                            + "docs/scale.md) or lower its capacity");
        }
    }

    /** A fixture stack of 3 resources, 2 outputs and 2 parameters against limits lowered to cross each. */
    static App app;
    static Stack stack;

    @BeforeAll
    static void fixture() {
            app = new App(AppProps.builder().analyticsReporting(false).build());
            stack = new Stack(app, "Fixture", StackProps.builder().stackName("fixture").build());
            for (int i = 0; i < 3; i++) {
                new CfnWaitConditionHandle(stack, "Handle" + i);
            }
            for (int i = 0; i < 2; i++) {
                CfnOutput.Builder.create(stack, "Output" + i).value("v" + i).build();
                CfnParameter.Builder.create(stack, "Parameter" + i).type("String").build();
            }
    }

    @Nested
    class InSynthesis {

        @Test
        void countsWhatTheStackDeclares() {
            StackLimits.Counts counts = StackLimits.count(stack);
            // + the BootstrapVersion parameter of the default synthesizer, once it has run
            assertThat(counts.resources()).isEqualTo(3);
            assertThat(counts.outputs()).isEqualTo(2);
            assertThat(counts.parameters()).isBetween(2, 3);
        }

        @Test
        void failsSynthesisNamingTheStackAndEveryMeasuredValue() {
            App small = new App(AppProps.builder().analyticsReporting(false).build());
            Stack fixture = new Stack(small, "Fixture", StackProps.builder().stackName("fixture").build());
            for (int i = 0; i < 3; i++) {
                new CfnWaitConditionHandle(fixture, "Handle" + i);
                CfnOutput.Builder.create(fixture, "Output" + i).value("v" + i).build();
            }
            new StackLimits(2, 2, 200, 1_000_000).addToEveryStack(small);

            assertThatThrownBy(small::synth)
                    .hasMessageContaining("stack fixture has 3 resources: CloudFormation allows at most 2 in one stack.")
                    .hasMessageContaining("stack fixture has 3 outputs: CloudFormation allows at most 2 in one stack");
        }

        @Test
        void failsOnATemplateLargerThanTheLimit() {
            CloudAssembly assembly = app.synth();
            long bytes = sizeOf(assembly);

            assertThatThrownBy(() -> new StackLimits(500, 200, 200, 100).checkTemplates(assembly))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stack fixture has a template of " + bytes + " bytes: CloudFormation accepts at most 100 "
                            + "bytes. Hint: shard the environment with a shard map (shards.yaml next to the platform "
                            + "file, docs/scale.md) or lower its capacity");
            new StackLimits(500, 200, 200, bytes).checkTemplates(assembly);
        }

        private static long sizeOf(CloudAssembly assembly) {
            try {
                return java.nio.file.Files.size(java.nio.file.Path.of(
                        assembly.getStacksRecursively().get(0).getTemplateFullPath()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
