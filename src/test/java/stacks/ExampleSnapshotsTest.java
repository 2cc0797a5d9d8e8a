package stacks;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import platform.Platform;
import platform.PlatformLoader;
import platform.RegistryLocation;
import platform.SettingOwnership;
import snapshots.SnapshotApp;
import snapshots.StackSnapshots;
import snapshots.StatefulResourceGuard;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import validation.ControlTowerOutcomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example platform file synthesizes (CloudFormation schema validation on, AwsSolutions and
 * our ECR pack applied: an unsuppressed finding fails the synthesis itself), every stack matches its
 * committed snapshot, and no stateful resource is replaced compared with the base branch.
 *
 * <p>Rewrite snapshots after an intended change with
 * {@code mvn test -Dsnapshots.update=true -Dgroups=validated -Dtest='ExampleSnapshotsTest'}.
 */
@Tag("validated")
class ExampleSnapshotsTest {

    static final List<String> EXAMPLES = List.of("ecommerce", "minimal", "multi-account", "public-signing", "delivery", "brownfield",
            "ci-systems", "anchors", "shared-key");

    @TestFactory
    Stream<DynamicNode> everyExample() {
        // The examples name real accounts they share (ecommerce, minimal and brownfield: 111111111111): deployed
        // as written, no singleton may have two owners. ecommerce and delivery are one platform ("shop", the
        // same stack names) deployed two ways, so the owner is the platform, not the file.
        SingletonOwners owners = new SingletonOwners();
        Stream<DynamicNode> examples = EXAMPLES.stream().map(example -> {
            App app = SnapshotApp.create();
            Platform platform = PlatformLoader.load(Path.of("examples", example, "platform.yaml"));
            PlatformStacks.create(app, platform, "examples/" + example + "/platform.yaml");
            Synthesis synthesis = Synthesis.of(app);
            owners.add(platform.name(), app, synthesis);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("synthesizes a stack per environment and a registry stack where it manages scanning", () -> {
                assertThat(synthesis.templates().keySet()).containsAll(platform.environments().stream()
                        .map(e -> StackNames.environment(platform.name(), e.name())).toList());
                assertThat(synthesis.templates().keySet()).containsAll(platform.environments().stream()
                        .filter(e -> platform.registry().ownership(new RegistryLocation(e.account(), e.region())).scanning()
                                == SettingOwnership.MANAGED)
                        .map(e -> StackNames.registry(platform.name(), e.account(), e.region())).toList());
            }));
            tests.add(DynamicContainer.dynamicContainer("matches its snapshots", StackSnapshots.forSuite(example).tests(synthesis)));
            tests.add(DynamicTest.dynamicTest("evaluates every template against the Control Tower controls, with no unexcepted failure", () -> {
                List<Path> templates;
                try (Stream<Path> files = Files.walk(Path.of(app.getOutdir()))) {
                    templates = files.filter(f -> f.getFileName().toString().endsWith(".template.json")).toList();
                }
                assertThat(templates).isNotEmpty().allSatisfy(template -> assertThat(ControlTowerOutcomes.read(template))
                        .as("Control Tower outcomes of " + template.getFileName())
                        .hasValueSatisfying(outcome -> assertThat(outcome.controls())
                                .noneMatch(c -> c.status() == ControlTowerOutcomes.Status.FAIL)));
            }));
            tests.add(DynamicTest.dynamicTest("replaces no stateful resource", () ->
                    StatefulResourceGuard.create().assertNoReplacement(example, synthesis)));
            return DynamicContainer.dynamicContainer(example, tests);
        });
        // Runs after every example above has been synthesized (dynamic nodes run in stream order).
        return Stream.concat(examples, Stream.of(DynamicTest.dynamicTest(
                "no account, registry or VPC singleton has two owners across the examples", () -> {
                    assertThat(owners.isEmpty()).as("singletons recorded").isFalse();
                    assertThat(owners.shared()).isEmpty();
                })));
    }
}
