package access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import stacks.PlatformStacks;
import stacks.ShardMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default example grown to 40 services, each built in its own GitHub repository: it synthesizes (a shared
 * promoter's trust policy passed IAM's 2,048 characters at about 33 repositories), every promoter trusts exactly
 * its own service's repository in its target environment, and every flow still holds in the simulator.
 */
class FortyServicesAccessTest {

    /** Forty services of an online shop, each with its own GitHub repository {@code example-shop/<name>}. */
    static final List<String> NAMES = List.of(
            "catalog", "cart", "checkout", "payments", "inventory", "shipping", "pricing", "search", "reviews", "recommendations",
            "accounts", "identity", "notifications", "invoicing", "refunds", "returns", "loyalty", "coupons", "wishlist", "ratings",
            "media", "thumbnails", "warehouse", "fulfilment", "tracking", "tax", "currency", "fraud", "ledger", "reporting",
            "analytics", "audit", "consent", "profiles", "sessions", "gateway", "storefront", "backoffice", "suppliers", "promotions");
    static final int SERVICES = NAMES.size();
    static final int SHARD_CAPACITY = 15;
    static Platform platform;
    static EstateTemplates templates;

    @BeforeAll
    static void synthesize() throws IOException {
        platform = PlatformLoader.parse("ecommerce with 40 services", fortyServices());
        App app = SnapshotApp.create();
        // Sharded in three (15, 15, 10): every shard has its own repository key, each of which must be watched.
        PlatformStacks.create(app, platform, "examples/ecommerce/platform.yaml", new ShardMap(SHARD_CAPACITY, true, List.of()));
        templates = EstateTemplates.of(app, Synthesis.of(app));
    }

    /** examples/ecommerce/platform.yaml with its services replaced by forty service names, one GitHub repository each. */
    static String fortyServices() throws IOException {
        String ecommerce = Files.readString(Path.of("examples/ecommerce/platform.yaml"));
        StringBuilder services = new StringBuilder("services:\n");
        for (int i = 1; i <= SERVICES; i++) {
            String name = NAMES.get(i - 1);
            services.append("  - name: ").append(name).append("\n")
                    .append("    publishers:\n")
                    .append("      - type: github\n")
                    .append("        repository: example-shop/").append(name).append("\n")
                    .append("        branches: [main]\n");
        }
        int from = ecommerce.indexOf("\nservices:\n") + 1;
        int to = ecommerce.indexOf("\npullers:\n") + 1;
        return ecommerce.substring(0, from) + services + ecommerce.substring(to)
                .replace("services: [payment-service]", "services: [payments]")
                .replace("services: [product-service]", "services: [catalog]");
    }

    @Test
    void everyPromoterTrustsOnlyItsOwnServicesRepositoryInItsTargetEnvironment() {
        List<String> promoters = new ArrayList<>();
        templates.roles().values().stream().filter(r -> "promoter".equals(r.persona())).forEach(role -> {
            promoters.add(role.name());
            String service = role.name().replaceFirst("^shop-(staging|prod)-", "").replaceFirst("-promoter$", "");
            String environment = role.name().split("-")[1];
            JsonNode subjects = role.trustPolicy().path("Statement").get(0).path("Condition").path("StringEquals")
                    .path("token.actions.githubusercontent.com:sub");
            assertThat(subjects.isArray() ? subjects.get(0).asText() : subjects.asText()).as(role.name())
                    .isEqualTo("repo:example-shop/" + service + ":environment:" + environment);
            assertThat(subjects.isArray() ? subjects.size() : 1).as(role.name()).isEqualTo(1);
        });
        assertThat(promoters).hasSize(2 * SERVICES);
    }

    @Test
    void everyShardsRepositoryKeyIsWatchedAndReportsToTheEnvironmentsTopic() {
        assertThat(templates.resources("AWS::KMS::Key").stream().filter(k -> k.stack().startsWith("shop-prod"))
                .filter(k -> k.logicalId().startsWith(stacks.EnvironmentStack.KEY_ID)).map(EstateTemplates.Resource::stack))
                .containsExactlyInAnyOrder("shop-prod", "shop-prod-2", "shop-prod-3");
        AccessScenariosTest.everyRepositoryKeyIsWatched(platform, new EstateAccess(templates));
    }

    @Test
    void everyFlowHoldsInTheSimulator() {
        EstateAccess access = new EstateAccess(templates);
        List<Scenario> scenarios = AccessScenarios.of(platform, access);
        List<SimulationRequest> requests = scenarios.stream().flatMap(s -> s.requests().stream()).toList();
        List<SimulationDecision> decisions = IamSimulator.evaluate(requests);
        int at = 0;
        List<String> failures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (SimulationDecision d : decisions.subList(at, at + scenario.requests().size())) {
                if (scenario.allowed() ? !d.allowed() : !d.denied()) {
                    failures.add(scenario.describe() + ": " + d.request().describe() + " -> " + d.decision() + " (" + d.reason() + ")");
                }
            }
            at += scenario.requests().size();
        }
        assertThat(scenarios).hasSizeGreaterThan(4 * SERVICES);
        assertThat(failures).isEmpty();
    }
}
