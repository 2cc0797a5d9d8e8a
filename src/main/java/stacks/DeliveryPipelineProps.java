package stacks;

import platform.EnvironmentSpec;
import software.amazon.awscdk.Stage;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Props of {@link DeliveryPipelineStack}; the pipeline's account, region, connection, repository and branch
 * come from the platform file's {@code delivery} section.
 *
 * @param platformFile      the platform file the pipeline synthesizes, relative to the repository root; the
 *                          synth step runs {@code npx cdk synth -c platform=<platformFile>}.
 *                          Default: {@value BlueprintApp#DEFAULT_PLATFORM_FILE}, what {@code cdk synth} reads
 *                          without {@code -c platform}.
 * @param environmentStacks builds the stacks of one environment with the given stage as their scope. Required:
 *                          the stages are the only place environment stacks exist once a pipeline deploys them.
 * @param perStage          runs on every stage after its stacks are built; the place to apply the cdk-nag packs,
 *                          because App-level Aspects do not cross Stage boundaries. Default: nothing.
 * @param approvalBefore    names of the environments whose stage starts with a manual approval.
 *                          Default: every environment whose profile is {@code prod}.
 */
public record DeliveryPipelineProps(
        String platformFile,
        BiConsumer<Stage, EnvironmentSpec> environmentStacks,
        Consumer<Stage> perStage,
        List<String> approvalBefore) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param platformFile the platform file the pipeline synthesizes, relative to the repository root; the synth step runs {@code npx cdk synth -c platform=<platformFile>}. Default: {@value BlueprintApp#DEFAULT_PLATFORM_FILE}, what {@code cdk synth} reads without {@code -c platform}.
     * @param environmentStacks builds the stacks of one environment with the given stage as their scope. Required: the stages are the only place environment stacks exist once a pipeline deploys them.
     * @param perStage runs on every stage after its stacks are built; the place to apply the cdk-nag packs, because App-level Aspects do not cross Stage boundaries. Default: nothing.
     * @param approvalBefore names of the environments whose stage starts with a manual approval. Default: every environment whose profile is {@code prod}.
     */
    public DeliveryPipelineProps {
        platformFile = platformFile == null ? BlueprintApp.DEFAULT_PLATFORM_FILE : platformFile;
        perStage = perStage == null ? stage -> { } : perStage;
        approvalBefore = approvalBefore == null ? null : List.copyOf(approvalBefore);
    }

    /**
     * A builder of {@link DeliveryPipelineProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link DeliveryPipelineProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String platformFile;
        private BiConsumer<Stage, EnvironmentSpec> environmentStacks;
        private Consumer<Stage> perStage;
        private List<String> approvalBefore;

        /**
         * The platform file the pipeline synthesizes, relative to the repository root; the synth step runs {@code npx cdk synth -c platform=<platformFile>}. Default: {@value BlueprintApp#DEFAULT_PLATFORM_FILE}, what {@code cdk synth} reads without {@code -c platform}.
         *
         * @param platformFile the value of {@code platformFile}
         * @return this builder
         */
        public Builder platformFile(String platformFile) {
            this.platformFile = platformFile;
            return this;
        }

        /**
         * Builds the stacks of one environment with the given stage as their scope. Required: the stages are the only place environment stacks exist once a pipeline deploys them.
         *
         * @param environmentStacks the value of {@code environmentStacks}
         * @return this builder
         */
        public Builder environmentStacks(BiConsumer<Stage, EnvironmentSpec> environmentStacks) {
            this.environmentStacks = environmentStacks;
            return this;
        }

        /**
         * Runs on every stage after its stacks are built; the place to apply the cdk-nag packs, because App-level Aspects do not cross Stage boundaries. Default: nothing.
         *
         * @param perStage the value of {@code perStage}
         * @return this builder
         */
        public Builder perStage(Consumer<Stage> perStage) {
            this.perStage = perStage;
            return this;
        }

        /**
         * Names of the environments whose stage starts with a manual approval. Default: every environment whose profile is {@code prod}.
         *
         * @param approvalBefore the value of {@code approvalBefore}
         * @return this builder
         */
        public Builder approvalBefore(List<String> approvalBefore) {
            this.approvalBefore = approvalBefore;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public DeliveryPipelineProps build() {
            return new DeliveryPipelineProps(platformFile, environmentStacks, perStage, approvalBefore);
        }
    }
}
