package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlatformModelTest {

    @Nested
    class TheDefaultExample {

        private final Platform shop = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));
        private final EnvironmentSpec dev = shop.environment("dev").orElseThrow();
        private final EnvironmentSpec prod = shop.environment("prod").orElseThrow();

        @Test
        void namesRepositoriesPlatformEnvironmentService() {
            assertThat(shop.repositoryName(dev, shop.service("user-service").orElseThrow())).isEqualTo("shop/dev/user-service");
            assertThat(shop.repositoryPrefix(prod)).isEqualTo("shop/prod/");
        }

        @Test
        void promotesDevToStagingToProd() {
            assertThat(shop.promotionSteps()).extracting(step -> step.get(0).name() + "->" + step.get(1).name())
                    .containsExactly("dev->staging", "staging->prod");
        }

        @Test
        void scansEnhancedInEveryRegistryByDefault() {
            assertThat(shop.scanType()).isEqualTo(ScanType.ENHANCED);
            assertThat(shop.scanType(prod)).isEqualTo(ScanType.ENHANCED);
            assertThat(shop.scanType(shop.environment("dev").orElseThrow())).isEqualTo(ScanType.ENHANCED);
        }

        @Test
        void prodImagesAreHeldInItsRegionAndTheReplicaRegion() {
            assertThat(shop.regionsHolding(prod)).containsExactly("eu-west-1", "eu-central-1");
        }

        @Test
        void everyServiceHasAGitHubPublisherOnMainAndReleasesInTheReleaseEnvironment() {
            assertThat(shop.services()).allSatisfy(service -> assertThat(service.publishers()).containsExactly(
                    new Publisher(PublisherType.GITHUB, "example-shop/" + service.name(), List.of("main"), List.of(), false,
                            null, "release")));
        }

        @Test
        void prodHasAnEcsPullerALambdaConsumerAndAnotherAccount() {
            assertThat(shop.pullers(prod)).extracting(Puller::type)
                    .containsExactly(PullerType.ECS, PullerType.LAMBDA, PullerType.ACCOUNT);
            assertThat(shop.pullers(dev)).extracting(Puller::type).containsExactly(PullerType.ECS);
            Puller partner = shop.pullers(prod).get(2);
            assertThat(partner.account(prod)).isEqualTo("333333333333");
            assertThat(shop.services(partner)).extracting(Service::name).containsExactly("product-service");
        }

        @Test
        void cachesEcrPublicAndDockerHubInTheBuildAccount() {
            List<PullThroughCacheSpec> rules = shop.registry().pullThroughCache();

            assertThat(rules).extracting(PullThroughCacheSpec::prefix).containsExactly("ecr-public", "docker-hub");
            assertThat(rules.get(1).upstream().upstreamRegistry()).isEqualTo("docker-hub");
            assertThat(rules.get(1).upstreamRegistryUrl("eu-west-1")).isEqualTo("registry-1.docker.io");
            assertThat(rules).allSatisfy(rule -> assertThat(rule.appliesTo(prod)).isFalse());
        }

        @Test
        void prodAlertsByEmailAndHasItsVpcByIds() {
            assertThat(prod.alerts().email()).containsExactly("platform-team@example.com");
            assertThat(prod.vpc().subnets()).extracting(Subnet::availabilityZone)
                    .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
            assertThat(shop.profile(prod).alerts()).isTrue();
        }

        @Test
        void runsAwsSolutionsOnly() {
            assertThat(shop.compliancePacks()).containsExactly(CompliancePack.AWS_SOLUTIONS);
        }

        @Test
        void tagsReleasesWithVAndBuildsWithCommitAndPr() {
            assertThat(shop.tagging()).isEqualTo(new Tagging("v", List.of("commit-", "pr-"), false));
        }
    }

    @Nested
    class TheOtherExamples {

        @Test
        void theMinimalExampleHasOneServiceInOneEnvironment() {
            Platform minimal = PlatformLoader.load(Path.of("examples/minimal/platform.yaml"));

            assertThat(minimal.environments()).hasSize(1);
            assertThat(minimal.services()).hasSize(1);
        }

        @Test
        void theMultiAccountExampleReplicatesProdToADisasterRecoveryRegionAndServesWorkloadAccounts() {
            Platform platform = PlatformLoader.load(Path.of("examples/multi-account/platform.yaml"));
            EnvironmentSpec prod = platform.environment("prod").orElseThrow();

            assertThat(platform.replicationRules(prod)).singleElement()
                    .satisfies(rule -> assertThat(rule.destinations()).extracting(ReplicationDestination::region).containsExactly("us-west-2"));
            assertThat(platform.pullers(prod)).extracting(Puller::type).contains(PullerType.ACCOUNT);
            assertThat(platform.environments()).extracting(EnvironmentSpec::account).containsOnly("444444444444");
        }
    }

    @Nested
    class Json {

        @Test
        void aJsonPlatformFileLoadsAndItsProblemsHaveLines() {
            String json = """
                    {
                      "platform": "shop",
                      "environments": [
                        {"name": "dev", "account": "111111111111", "region": "eu-west-1", "profile": "dev"}
                      ],
                      "services": [{"name": "user-service", "tem": "identity"}]
                    }
                    """;

            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.json", json));

            assertThat(e).hasMessage("platform.json: 1 problem\n"
                    + "  services[0].tem (line 6): unknown key \"tem\". Hint: did you mean \"team\"?");
            assertThat(PlatformLoader.parse("platform.json", json.replace("tem", "team")).services().get(0).team())
                    .isEqualTo("identity");
        }
    }

    @Nested
    class BuiltInJava {

        @Test
        void validatesWithoutLines() {
            Platform platform = new Platform("shop", Platform.NAMING_PER_SERVICE,
                    List.of(EnvironmentSpec.of("dev", "111111111111", "eu-west-1", Profile.DEV),
                            EnvironmentSpec.of("staging", "111111111111", "eu-west-1", Profile.STAGING)),
                    List.of(Service.of("user-service", "identity")), null, null, null, null, null, null);

            assertThat(PlatformLoader.validate(platform)).extracting(Problem::render).containsExactly(
                    "environments[1].name: environments \"dev\" and \"staging\" would both create repository"
                            + " \"shop/user-service\" in account 111111111111, region eu-west-1. Hint: repositoryNaming"
                            + " \"{platform}/{service}\" needs an account and region to itself: use"
                            + " \"{platform}/{environment}/{service}\" for these environments, or move one to another account or region.");
        }

        @Test
        void theSingleSegmentSchemeIsFineWhereAnEnvironmentHasItsAccountAndRegionToItself() {
            Platform platform = PlatformLoader.parse("platform.yaml", """
                    platform: shop
                    repositoryNaming: "{platform}/{environment}/{service}"
                    environments:
                      - name: dev
                        account: "111111111111"
                        region: eu-west-1
                        profile: dev
                      - name: prod
                        account: "222222222222"
                        region: eu-west-1
                        profile: prod
                        repositoryNaming: "{platform}/{service}"
                    services:
                      - name: user-service
                    """);
            EnvironmentSpec prod = platform.environment("prod").orElseThrow();

            assertThat(platform.repositoryName(prod, platform.services().get(0))).isEqualTo("shop/user-service");
            assertThat(platform.repositoryPrefix(prod)).isEqualTo("shop/");
        }
    }
}
