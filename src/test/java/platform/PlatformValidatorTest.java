package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlatformValidatorTest {

    private static final String BASE = PlatformFileProblems.ONE_DEV_ENVIRONMENT;

    private static List<String> problems(String extra) {
        return PlatformFileProblems.of(BASE + extra);
    }

    private static String lines(int count, java.util.function.IntFunction<String> line) {
        return IntStream.range(0, count).mapToObj(line).collect(Collectors.joining());
    }

    @Nested
    class EcrLimits {

        @Test
        void failsWithElevenReplicationRulesInOneRegistry() {
            String rules = lines(11, i -> "    - environments: [dev]\n      destinations: [{region: eu-central-1}]\n"
                    + "      repositoryPrefixes: [shop/dev/s" + i + "]\n");

            assertThat(problems("registry:\n  replication:\n" + rules)).containsExactly(
                    "registry.replication (line 10): 11 replication rules in account 111111111111, region eu-west-1"
                            + " (one per environment and set of repositoryPrefixes) exceed ECR's limit of 10. Hint: give"
                            + " rules of one environment the same repositoryPrefixes, or replicate fewer environments.");
        }

        @Test
        void failsWithTwentySixUniqueReplicationDestinations() {
            String destinations = lines(26, i -> "        - {region: eu-central-1, account: \"" + (100000000000L + i) + "\"}\n");

            assertThat(problems("registry:\n  replication:\n    - destinations:\n" + destinations)).containsExactly(
                    "registry.replication (line 10): 26 unique replication destinations from account 111111111111, region"
                            + " eu-west-1 exceed ECR's limit of 25. Hint: replicate to fewer regions or accounts.");
        }

        @Test
        void failsWithFiftyOnePullThroughCacheRules() {
            String rules = lines(51, i -> "    - {upstream: ecr-public, prefix: cache-" + i + "}\n");

            assertThat(problems("registry:\n  pullThroughCache:\n" + rules)).containsExactly(
                    "registry.pullThroughCache (line 10): 51 pull-through cache rules exceed ECR's limit of 50 a registry."
                            + " Hint: cache fewer upstream registries.");
        }

        @Test
        void failsWithAHundredAndOneScanFilters() {
            String filters = lines(101, i -> "          - shop/s" + i + "\n");

            assertThat(problems("registry:\n  scanning:\n    type: ENHANCED\n    rules:\n      - frequency: SCAN_ON_PUSH\n"
                    + "        filters:\n" + filters)).containsExactly(
                    "registry.scanning.rules[0].filters (line 14): 101 filters exceed ECR's limit of 100 a rule."
                            + " Hint: use broader wildcards or split the rule.");
        }

        @Test
        void failsWhenACachePrefixIsShorterThanTwoCharacters() {
            assertThat(problems("registry:\n  pullThroughCache:\n    - {upstream: quay, prefix: q}\n")).containsExactly(
                    "registry.pullThroughCache[0].prefix (line 11): prefix \"q\" must be 2 to 30 characters long."
                            + " Hint: use e.g. \"quay\".");
        }
    }

    @Nested
    class RejectedCombinations {

        @Test
        void failsWhenAScanRuleAsksForContinuousScanningUnderBasic() {
            assertThat(problems("registry:\n  scanning:\n    type: BASIC\n    rules:\n      - frequency: CONTINUOUS_SCAN\n"
                    + "        filters: [\"shop/*\"]\n")).containsExactly(
                    "registry.scanning.rules[0].frequency (line 13): CONTINUOUS_SCAN needs ENHANCED scanning, but type is BASIC."
                            + " Hint: set registry.scanning.type: ENHANCED, or use SCAN_ON_PUSH.");
        }

        @Test
        void failsWhenAnUpstreamWithoutAuthenticationGetsACredential() {
            assertThat(problems("registry:\n  pullThroughCache:\n    - upstream: ecr-public\n      credentialArn:"
                    + " arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/x-AbCdEf\n")).containsExactly(
                    "registry.pullThroughCache[0].credentialArn (line 12): ecr-public takes no credentialArn. Hint: remove it.");
        }

        @Test
        void failsWhenAnEcrUpstreamHasNoAccount() {
            assertThat(problems("registry:\n  pullThroughCache:\n    - upstream: ecr\n      prefix: central\n")).containsExactly(
                    "registry.pullThroughCache[0].upstreamAccount (line 11): ecr needs upstreamAccount (the registry images"
                            + " are cached from). Hint: add upstreamAccount: \"<12-digit account id>\".");
        }

        @Test
        void failsWhenAReplicationDestinationIsTheSourceRegistry() {
            assertThat(problems("registry:\n  replication:\n    - destinations: [{region: eu-west-1}]\n")).containsExactly(
                    "registry.replication[0].destinations[0] (line 11): destination 111111111111/eu-west-1 is the registry of"
                            + " environment \"dev\" itself. Hint: replicate to another region or account.");
        }

        @Test
        void failsWhenAnEnvironmentOverrideRemovesUntaggedExpiry() {
            String text = BASE.replace("    profile: dev\n", "    profile: dev\n    overrides:\n      untaggedExpiryDays: 0\n");

            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text));

            assertThat(e.problems()).extracting(Problem::render).containsExactly(
                    "environments[0].overrides.untaggedExpiryDays (line 8): untaggedExpiryDays 0 must be at least 1."
                            + " Hint: give a number of days, at least 1.");
        }
    }

    @Nested
    class PublicRepositories {

        @Test
        void failsWhenCatalogDataIsGivenForAPrivateService() {
            assertThat(problems("    catalog:\n      description: Users\n")).containsExactly(
                    "services[0].catalog (line 9): catalog is for public repositories, but public is false."
                            + " Hint: set public: true, or remove catalog.");
        }

        @Test
        void failsWhenTheGalleryDescriptionIsLongerThanEcrPublicAllows() {
            assertThat(problems("    public: true\n    catalog:\n      description: " + "x".repeat(1_025) + "\n"
                    + "    publishers: [{type: github, repository: example-shop/user-service, branches: [main]}]\n")).containsExactly(
                    "services[0].catalog.description (line 11): description has 1025 characters, more than ECR Public's 1024."
                            + " Hint: shorten it to 1024 characters.");
        }
    }

    @Nested
    class Vpcs {

        private static final String VPC = """
                    vpc:
                      id: vpc-0a1b2c3d4e5f60718
                      cidr: 10.20.0.0/16
                      subnets: [{id: subnet-0a1b2c3d4e5f60001, availabilityZone: eu-west-1a}]
                      routeTables: [rtb-0a1b2c3d4e5f60001]
                """;

        @Test
        void theFirstEnvironmentOnAVpcOwnsItsEndpointsAndTheOthersShareThem() {
            Platform platform = PlatformLoader.parse("platform.yaml", BASE.replace("services:", VPC
                    + "  - name: staging\n    account: \"111111111111\"\n    region: eu-west-1\n    profile: staging\n" + VPC
                    + "services:"));

            assertThat(platform.environments()).extracting(platform::ownsVpcEndpoints).containsExactly(true, false);
        }

        @Test
        void failsWhenOneVpcIdIsGivenInTwoRegions() {
            String text = BASE.replace("services:", VPC
                    + "  - name: prod\n    account: \"111111111111\"\n    region: eu-west-2\n    profile: prod\n"
                    + VPC.replace("eu-west-1a", "eu-west-2a") + "services:");

            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text));

            assertThat(e.problems()).extracting(Problem::render).containsExactly(
                    "environments[1].vpc.id (line 17): VPC vpc-0a1b2c3d4e5f60718 is also given for environment \"dev\" in"
                            + " account 111111111111, region eu-west-1: a VPC lives in one account and region. Hint: check the"
                            + " VPC id; environments share a VPC only within one account and region.");
        }
    }

    @Nested
    class Pullers {

        @Test
        void anAccountPullerGivenOnlyARoleIsInThatRolesAccount() {
            Platform platform = PlatformLoader.parse("platform.yaml", BASE
                    + "pullers:\n  - type: account\n    roleArn: arn:aws:iam::333333333333:role/consumer\n");

            assertThat(platform.pullers().get(0).account(platform.environments().get(0))).isEqualTo("333333333333");
        }
    }

    @Nested
    class Registries {

        @Test
        void theDefaultExampleConfiguresBothAccountsAndTheReplicaRegion() {
            Platform shop = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));

            assertThat(shop.registryLocations()).containsExactly(
                    new RegistryLocation("111111111111", "eu-west-1"),
                    new RegistryLocation("222222222222", "eu-west-1"),
                    new RegistryLocation("222222222222", "eu-central-1"));
            assertThat(shop.accounts()).containsExactly("111111111111", "222222222222");
            assertThat(shop.environmentsIn(new RegistryLocation("111111111111", "eu-west-1")))
                    .extracting(EnvironmentSpec::name).containsExactly("dev", "staging");
        }
    }
}
