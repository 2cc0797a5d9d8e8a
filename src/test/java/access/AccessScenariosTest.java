package access;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import platform.Platform;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import stacks.PlatformStacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every access flow of every example, decided by the offline IAM simulator over the synthesized templates: each
 * example is synthesized once and its scenarios evaluated in one simulator process.
 */
class AccessScenariosTest {

    static final List<String> EXAMPLES = List.of("ecommerce", "minimal", "multi-account", "public-signing", "delivery");

    @TestFactory
    Stream<DynamicNode> everyExample() {
        return EXAMPLES.stream().map(example -> {
            Platform platform = PlatformLoader.load(Path.of("examples", example, "platform.yaml"));
            App app = SnapshotApp.create();
            PlatformStacks.create(app, platform, "examples/" + example + "/platform.yaml");
            EstateAccess access = new EstateAccess(EstateTemplates.of(app, Synthesis.of(app)));
            List<Scenario> scenarios = AccessScenarios.of(platform, access);
            List<SimulationRequest> requests = scenarios.stream().flatMap(s -> s.requests().stream()).toList();
            List<SimulationDecision> decisions = IamSimulator.evaluate(requests);
            List<DynamicNode> tests = new ArrayList<>();
            int at = 0;
            for (Scenario scenario : scenarios) {
                List<SimulationDecision> own = decisions.subList(at, at + scenario.requests().size());
                at += scenario.requests().size();
                tests.add(DynamicTest.dynamicTest(scenario.describe(), () -> {
                    assertThat(scenario.requests()).isNotEmpty();
                    for (SimulationDecision d : own) {
                        assertThat(scenario.allowed() ? d.allowed() : d.denied())
                                .as("%s: %s -> %s (%s)", scenario.describe(), d.request().describe(), d.decision(), d.reason())
                                .isTrue();
                    }
                }));
            }
            return DynamicContainer.dynamicContainer(example, tests);
        });
    }
}
