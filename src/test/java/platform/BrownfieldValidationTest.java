package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validation of what a platform file says about accounts and registries that hold things already (issue 21). */
class BrownfieldValidationTest {

    private static final String BASE = """
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
            services:
              - name: user-service
            """;

    private static List<String> problems(String text) {
        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems().stream().map(Problem::render).toList();
    }

    private static Platform valid(String text) {
        return PlatformLoader.parse("platform.yaml", text);
    }

    @Nested
    class ReplicationLimitsCountTheRulesTheRegistryGets {

        @Test
        void elevenRulesWrittenForOneEnvironmentAreOneMergedRuleAndPass() {
            // Written: 11 rules; synthesized: one rule of dev (prefix shop/dev/) with 11 destinations.
            String rules = IntStream.range(0, 11).mapToObj(i -> "    - environments: [dev]\n      destinations: [{region: eu-central-1,"
                    + " account: \"" + (300000000000L + i) + "\"}]\n").collect(Collectors.joining());

            Platform platform = valid(BASE + "registry:\n  replication:\n" + rules);

            assertThat(platform.mergedReplicationRules(new RegistryLocation("111111111111", "eu-west-1")))
                    .singleElement().satisfies(rule -> {
                        assertThat(rule.prefixes()).containsExactly("shop/dev/");
                        assertThat(rule.destinations()).hasSize(11);
                    });
        }

        @Test
        void oneRuleWrittenForElevenEnvironmentsOfOneRegistryIsElevenRulesAndFails() {
            String environments = IntStream.range(0, 11).mapToObj(i -> "  - {name: env" + i + ", account: \"111111111111\","
                    + " region: eu-west-1, profile: dev}\n").collect(Collectors.joining());

            assertThat(problems("platform: shop\nenvironments:\n" + environments + "services:\n  - name: web\n"
                    + "registry:\n  replication:\n    - destinations: [{region: eu-central-1}]\n")).containsExactly(
                    "registry.replication (line 17): 11 replication rules in account 111111111111, region eu-west-1"
                            + " (one per environment and set of repositoryPrefixes) exceed ECR's limit of 10. Hint: give"
                            + " rules of one environment the same repositoryPrefixes, or replicate fewer environments.");
        }

        @Test
        void aPrefixOutsideTheEnvironmentsRepositoriesFails() {
            assertThat(problems(BASE + "registry:\n  replication:\n    - environments: [prod]\n"
                    + "      destinations: [{region: eu-central-1}]\n      repositoryPrefixes: [shop/dev/user-service]\n"))
                    .containsExactly("registry.replication[0].repositoryPrefixes[0] (line 17): prefix \"shop/dev/user-service\""
                            + " does not select repositories of environment \"prod\" (they all start with \"shop/prod/\")."
                            + " Hint: start it with \"shop/prod/\", e.g. \"shop/prod/user-service\".");
        }
    }

    @Nested
    class Accounts {

        @Test
        void anExistingProviderIsReadPerAccount() {
            Platform platform = valid(BASE + "accounts:\n  - account: \"111111111111\"\n    githubOidcProvider: existing\n");

            assertThat(platform.createsGitHubOidcProvider("111111111111")).isFalse();
            assertThat(platform.createsGitHubOidcProvider("222222222222")).isTrue();
        }

        @Test
        void anAccountWithoutEnvironmentsFails() {
            assertThat(problems(BASE + "accounts:\n  - account: \"333333333333\"\n    githubOidcProvider: existing\n"))
                    .containsExactly("accounts[0].account (line 14): account \"333333333333\" holds no environment of this"
                            + " platform. Hint: use one of 111111111111, 222222222222, or remove the entry.");
        }

        @Test
        void anAccountListedTwiceFails() {
            assertThat(problems(BASE + "accounts:\n  - account: \"111111111111\"\n  - account: \"111111111111\"\n"))
                    .containsExactly("accounts[1] (line 15): account \"111111111111\" is listed twice. Hint: remove the second one.");
        }
    }

    @Nested
    class RegistrySingletonOwners {

        @Test
        void aRegistryThePlatformDoesNotConfigureFails() {
            assertThat(problems(BASE + "registry:\n  ownership:\n    - {account: \"111111111111\", region: us-east-1, scanning: existing}\n"))
                    .containsExactly("registry.ownership[0] (line 15): registry 111111111111/us-east-1 is not one this"
                            + " platform configures. Hint: use one of 111111111111/eu-west-1, 222222222222/eu-west-1"
                            + " (environments' registries and replication destinations).");
        }

        @Test
        void replicationLeftToAnotherOwnerFailsWhereTheFileReplicates() {
            String file = BASE.replace("    profile: prod\n", "    profile: prod\n    replicaRegions: [eu-central-1]\n")
                    + "registry:\n  ownership:\n    - {account: \"222222222222\", region: eu-west-1, replication: existing}\n";

            assertThat(problems(file)).singleElement().asString()
                    .startsWith("registry.ownership[0].replication (line 16): replication is left as it is, but the file"
                            + " replicates environment \"prod\" from 222222222222/eu-west-1");
        }

        @Test
        void aRegistryPolicyLeftToAnotherOwnerFailsWhereAnotherAccountReplicatesIntoIt() {
            String file = BASE + "registry:\n  replication:\n    - environments: [prod]\n"
                    + "      destinations: [{region: eu-central-1, account: \"333333333333\"}]\n"
                    + "  ownership:\n    - {account: \"333333333333\", region: eu-central-1, registryPolicy: existing}\n";

            assertThat(problems(file)).singleElement().asString()
                    .startsWith("registry.ownership[0].registryPolicy (line 18): the registry policy is left as it is, but"
                            + " environment \"prod\" replicates from account 222222222222 into 333333333333/eu-central-1");
        }

        @Test
        void signingLeftToAnotherOwnerFailsWhereTheFileAsksForSigning() {
            String file = BASE + "registry:\n  signing:\n    profileArn: arn:aws:signer:eu-west-1:111111111111:/signing-profiles/shop\n"
                    + "  ownership:\n    - {account: \"111111111111\", region: eu-west-1, signing: existing}\n";

            assertThat(problems(file)).singleElement().asString()
                    .startsWith("registry.ownership[0].signing (line 17): signing is left as it is, but registry.signing");
        }

        @Test
        void aRegistryListedTwiceFails() {
            String file = BASE + "registry:\n  ownership:\n    - {account: \"111111111111\", region: eu-west-1, scanning: existing}\n"
                    + "    - {account: \"111111111111\", region: eu-west-1, scanning: managed}\n";

            assertThat(problems(file)).containsExactly("registry.ownership[1] (line 16): registry \"111111111111/eu-west-1\""
                    + " is listed twice. Hint: remove the second one.");
        }

        @Test
        void scanningTheOtherRepositoriesManuallyFails() {
            assertThat(problems(BASE + "registry:\n  scanning:\n    otherRepositories: MANUAL\n")).singleElement().asString()
                    .startsWith("registry.scanning.otherRepositories (line 15): MANUAL would leave the registry's other"
                            + " repositories unscanned");
        }

        @Test
        void aRegistryNotListedIsManagedHereAndTheScanTypeIsNeverBasicUnlessWritten() {
            Platform platform = valid(BASE + "registry:\n  ownership:\n    - {account: \"111111111111\", region: eu-west-1, scanning: existing}\n");

            assertThat(platform.registry().ownership(new RegistryLocation("111111111111", "eu-west-1")).scanning())
                    .isEqualTo(SettingOwnership.EXISTING);
            assertThat(platform.registry().ownership(new RegistryLocation("222222222222", "eu-west-1")))
                    .isEqualTo(RegistryOwnership.managed(new RegistryLocation("222222222222", "eu-west-1")));
            assertThat(valid(BASE.replace("profile: prod", "profile: dev")).scanType()).isEqualTo(ScanType.ENHANCED);
            assertThat(valid(BASE.replace("profile: prod", "profile: dev") + "registry:\n  scanning:\n    type: BASIC\n").scanType())
                    .isEqualTo(ScanType.BASIC);
        }
    }
}
