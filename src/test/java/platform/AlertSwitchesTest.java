package platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** environments[].alerts: replicationFailures, pullThroughCacheFailures, pushGuard and their defaults (issue 26, events). */
class AlertSwitchesTest {

    private static final String TWO_ENVIRONMENTS = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
              - name: prod
                account: "222222222222"
                region: eu-west-1
                profile: prod
                replicaRegions: [eu-central-1]
            services:
              - name: user-service
                publishers:
                  - type: github
                    repository: example-shop/user-service
                    branches: [main]
              - name: batch
            registry:
              pullThroughCache:
                - upstream: ecr-public
                  environments: [dev]
            """;

    @Test
    void prodWithPromotersGetsTheGuardAndReplicationAlertsByDefault() {
        Platform platform = PlatformLoader.parse("platform.yaml", TWO_ENVIRONMENTS);
        EnvironmentSpec prod = platform.environment("prod").orElseThrow();
        assertThat(platform.pushGuard(prod)).isTrue();
        assertThat(platform.promotedServices(prod)).extracting(Service::name).containsExactly("user-service");
        assertThat(platform.replicationFailureAlerts(prod)).isTrue();
        assertThat(platform.ownAccountReplicaRegions(prod)).containsExactly("eu-central-1");
        // prod's registry holds no cache rule
        assertThat(platform.pullThroughCacheFailureAlerts(prod)).isFalse();
    }

    @Test
    void devWithoutAlertsGetsNoneOfThem() {
        Platform platform = PlatformLoader.parse("platform.yaml", TWO_ENVIRONMENTS);
        EnvironmentSpec dev = platform.environment("dev").orElseThrow();
        assertThat(platform.pushGuard(dev)).isFalse();
        assertThat(platform.pullThroughCacheFailureAlerts(dev)).isFalse();
        assertThat(platform.replicationFailureAlerts(dev)).isFalse();
    }

    @Test
    void cacheFailuresAreReportedOnceARegistryByTheFirstEnvironmentWithAlerts() {
        Platform platform = PlatformLoader.parse("platform.yaml", """
                platform: shop
                environments:
                  - name: dev
                    account: "111111111111"
                    region: eu-west-1
                    profile: dev
                  - name: staging
                    account: "111111111111"
                    region: eu-west-1
                    profile: staging
                    overrides:
                      alerts: true
                  - name: qa
                    account: "111111111111"
                    region: eu-west-1
                    profile: staging
                    overrides:
                      alerts: true
                services:
                  - name: user-service
                registry:
                  pullThroughCache:
                    - upstream: ecr-public
                """);
        assertThat(platform.environments()).extracting(platform::pullThroughCacheFailureAlerts)
                .containsExactly(false, true, false);
    }

    @Test
    void theAnchorsExampleTurnsTheCacheAlertsOnInDevAndAllowsAFurtherPusherInProd() {
        Platform platform = PlatformLoader.load(Path.of("examples/anchors/platform.yaml"));
        assertThat(platform.environments()).extracting(platform::pullThroughCacheFailureAlerts).containsExactly(true, false);
        assertThat(platform.environments()).extracting(platform::pushGuard).containsExactly(false, true);
        assertThat(platform.environment("prod").orElseThrow().alerts().pushGuardAllowedRoles())
                .containsExactly("arn:aws:iam::888800000002:role/anchors-batch-release");
    }

    @Test
    void aSwitchOnWhereAlertsAreOffIsRefused() {
        assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT.replace("    profile: dev\n", """
                    profile: dev
                    alerts:
                      pushGuard: true
                """))).containsExactly("environments[0].alerts.pushGuard (line 8): pushGuard is true but alerts are off"
                + " in profile dev: there is no alert topic to report to. Hint: set overrides.alerts: true in this"
                + " environment, or remove pushGuard.");
    }

    @Test
    void switchesWithNothingToReportAreRefused() {
        List<String> problems = PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT.replace("    profile: dev\n", """
                    profile: dev
                    overrides:
                      alerts: true
                    alerts:
                      replicationFailures: true
                      pullThroughCacheFailures: true
                      pushGuard: true
                """));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("environments[0].alerts.replicationFailures").contains("replicates to no other region");
        assertThat(problems.get(1)).startsWith("environments[0].alerts.pullThroughCacheFailures").contains("no registry.pullThroughCache rule");
        assertThat(problems.get(2)).startsWith("environments[0].alerts.pushGuard").contains("every push would alert");
    }

    @Test
    void allowedRolesMustBeRoleArnsOfAGuardThatIsOn() {
        assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT.replace("    profile: dev\n", """
                    profile: dev
                    alerts:
                      pushGuardAllowedRoles: ["arn:aws:iam::111111111111:user/mary"]
                """))).singleElement().asString().startsWith("environments[0].alerts.pushGuardAllowedRoles[0]");
        assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT.replace("    profile: dev\n", """
                    profile: dev
                    alerts:
                      pushGuardAllowedRoles: ["arn:aws:iam::111111111111:role/release"]
                """))).containsExactly("environments[0].alerts.pushGuardAllowedRoles (line 8): pushGuardAllowedRoles is"
                + " given but the push guard is off in this environment (pushGuard defaults to true only in profile prod"
                + " with promoters). Hint: set pushGuard: true, or remove pushGuardAllowedRoles.");
    }
}
