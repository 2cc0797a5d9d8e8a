package stacks;

import platform.Environment;
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
        BiConsumer<Stage, Environment> environmentStacks,
        Consumer<Stage> perStage,
        List<String> approvalBefore) {

    public DeliveryPipelineProps {
        platformFile = platformFile == null ? BlueprintApp.DEFAULT_PLATFORM_FILE : platformFile;
        perStage = perStage == null ? stage -> { } : perStage;
        approvalBefore = approvalBefore == null ? null : List.copyOf(approvalBefore);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String platformFile;
        private BiConsumer<Stage, Environment> environmentStacks;
        private Consumer<Stage> perStage;
        private List<String> approvalBefore;

        public Builder platformFile(String platformFile) {
            this.platformFile = platformFile;
            return this;
        }

        public Builder environmentStacks(BiConsumer<Stage, Environment> environmentStacks) {
            this.environmentStacks = environmentStacks;
            return this;
        }

        public Builder perStage(Consumer<Stage> perStage) {
            this.perStage = perStage;
            return this;
        }

        public Builder approvalBefore(List<String> approvalBefore) {
            this.approvalBefore = approvalBefore;
            return this;
        }

        public DeliveryPipelineProps build() {
            return new DeliveryPipelineProps(platformFile, environmentStacks, perStage, approvalBefore);
        }
    }
}
