package bootstrap;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import stacks.DeliveryPipeline;
import stacks.ExampleAssemblies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap plan of the examples: accounts, trust and order, and the committed output of the command is current. */
@Tag("validated")
class BootstrapPlanExamplesTest {

    static final List<String> EXAMPLES = List.of("delivery", "multi-account", "ecommerce", "minimal", "public-signing", "brownfield",
            "ci-systems", "anchors", "shared-key");

    @TestFactory
    Stream<DynamicTest> theCommittedOutputOfEachExampleIsCurrent() {
        return EXAMPLES.stream().map(example -> DynamicTest.dynamicTest(example, () -> {
            var platform = ExampleAssemblies.platform(example);
            BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of(example), platform.name());
            Map<String, String> files = BootstrapFiles.render(plan, ExampleAssemblies.platformFile(example).toString(),
                    platform.deliveryPipeline().isPresent() ? DeliveryPipeline.stackName(platform.name()) : null);
            Path dir = Path.of("examples", example, "bootstrap");
            try (Stream<Path> committed = Files.list(dir)) {
                assertThat(committed.map(p -> p.getFileName().toString()))
                        .as("fix: bin/ecr-blueprint bootstrap --platform examples/%s/platform.yaml", example)
                        .containsExactlyInAnyOrderElementsOf(files.keySet());
            }
            files.forEach((name, content) -> assertThat(read(dir.resolve(name)))
                    .as("%s/%s is stale; fix: bin/ecr-blueprint bootstrap --platform examples/%s/platform.yaml", dir, name, example)
                    .isEqualTo(content));
        }));
    }

    @Test
    void targetAccountsTrustThePipelineAccountAndRegionsNamedByTheArtifactKeysComeFirst() {
        BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of("delivery"), "shop");

        assertThat(plan.pipelineAccount()).isEqualTo("444444444444");
        assertThat(plan.environments()).extracting(BootstrapPlan.Environment::key, BootstrapPlan.Environment::trust)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("111111111111/eu-west-1", "444444444444"),
                        org.assertj.core.groups.Tuple.tuple("222222222222/eu-central-1", "444444444444"),
                        org.assertj.core.groups.Tuple.tuple("222222222222/eu-west-1", "444444444444"),
                        org.assertj.core.groups.Tuple.tuple("444444444444/eu-central-1", null),
                        org.assertj.core.groups.Tuple.tuple("444444444444/eu-west-1", null));
        assertThat(plan.environments().get(0).namedByKeyPolicy()).containsExactly("shop-delivery");
        assertThat(plan.environments().get(1).namedByKeyPolicy()).containsExactly("shop-delivery-support-eu-central-1");
    }

    @Test
    void anAccountThatRunsThePipelineAndTheEnvironmentsTrustsNoOtherAccount() {
        BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of("multi-account"), "media");

        assertThat(plan.environments()).extracting(BootstrapPlan.Environment::key)
                .containsExactly("444444444444/us-east-1", "444444444444/us-west-2");
        assertThat(plan.environments()).allSatisfy(e -> assertThat(e.trust()).isNull());
        assertThat(BootstrapFiles.commands(plan)).allSatisfy(c -> assertThat(c).doesNotContain("--trust"));
    }

    @Test
    void withoutAPipelineNothingIsTrusted() {
        BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of("ecommerce"), "shop");

        assertThat(plan.pipelineAccount()).isNull();
        assertThat(plan.environments()).allSatisfy(e -> assertThat(e.trust()).isNull());
    }

    @Test
    void theStacksWhoseTerminationProtectionThePipelineCannotSetAreListedWithTheCommandToSetItOnce() {
        BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of("delivery"), "shop");

        assertThat(plan.stacks()).filteredOn(DeployedStack::needsTerminationProtectionByHand)
                .extracting(DeployedStack::name).containsExactly("shop-prod");
        assertThat(BootstrapFiles.render(plan, "examples/delivery/platform.yaml", "shop-delivery").get(BootstrapFiles.README))
                .contains("## 4. Termination protection: set it once, by hand")
                .contains("aws cloudformation update-termination-protection --enable-termination-protection"
                        + " --stack-name shop-prod --region eu-west-1   # in 222222222222");
    }

    @Test
    void withoutAPipelineTheCdkCliSetsTerminationProtectionSoNothingIsListed() {
        BootstrapPlan plan = BootstrapPlan.of(ExampleAssemblies.of("ecommerce"), "shop");

        // read from the manifest: the CLI applies it on deploy
        assertThat(plan.stacks()).filteredOn(DeployedStack::terminationProtection).extracting(DeployedStack::name)
                .contains("shop-prod");
        assertThat(plan.stacks()).noneMatch(DeployedStack::needsTerminationProtectionByHand);
        assertThat(BootstrapFiles.render(plan, "examples/ecommerce/platform.yaml", null).get(BootstrapFiles.README))
                .doesNotContain("Termination protection");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
