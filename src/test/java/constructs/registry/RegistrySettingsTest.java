package constructs.registry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static constructs.registry.CreationTemplateAppliedFor.PULL_THROUGH_CACHE;
import static constructs.registry.CreationTemplateAppliedFor.REPLICATION;
import static constructs.registry.RegistryScanFrequency.CONTINUOUS_SCAN;
import static constructs.registry.RegistryScanFrequency.SCAN_ON_PUSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrySettingsTest {

    static final String DEV_DOCKER = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/docker-hub-AbCdEf";
    static final String PROD_DOCKER = "arn:aws:secretsmanager:eu-west-1:222222222222:secret:ecr-pullthroughcache/docker-hub-GhIjKl";

    static RepositoryCreationTemplateProps cacheTemplate(String prefix) {
        return RepositoryCreationTemplateProps.builder().prefix(prefix).appliedFor(PULL_THROUGH_CACHE)
                .lifecyclePolicy(RepositoryCreationTemplateTest.EXPIRE_UNTAGGED).build();
    }

    /** What one environment asks of its registry in the default example. */
    static RegistryContribution environment(String env, String dockerSecret) {
        return RegistryContribution.builder("environment " + env)
                .scanning(RegistryScanningProps.builder()
                        .rules(RegistryScanningRule.of(SCAN_ON_PUSH, "shop/" + env + "/*", "ecr-public/*", "docker-hub/*"))
                        .build())
                .cacheRule(PullThroughCacheRuleProps.ecrPublic())
                .cacheRule(PullThroughCacheRuleProps.dockerHub(dockerSecret))
                .template(cacheTemplate("ecr-public"))
                .template(cacheTemplate("docker-hub"))
                .build();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DefaultExample {
        Template devAndStaging;
        Template prod;
        Template prodReplica;

        @BeforeAll
        void synthesize() {
            Stack shared = RegistryTestSupport.stack("111111111111", "eu-west-1");
            new RegistrySettings(shared, "Registry", RegistrySettingsProps.builder()
                    .encryptionKey(Key.Builder.create(shared, "Key").enableKeyRotation(true).build())
                    .contribution(environment("dev", DEV_DOCKER))
                    .contribution(environment("staging", DEV_DOCKER))
                    .build());
            devAndStaging = Template.fromStack(shared);

            Stack prodStack = RegistryTestSupport.stack("222222222222", "eu-west-1");
            RegistryContribution prodEnv = environment("prod", PROD_DOCKER);
            new RegistrySettings(prodStack, "Registry", RegistrySettingsProps.builder()
                    .encryptionKey(Key.Builder.create(prodStack, "Key").enableKeyRotation(true).build())
                    .contribution(new RegistryContribution(prodEnv.source(), prodEnv.scanning(),
                            RegistryReplicationProps.builder().rule(ReplicationRule.of(
                                    List.of(ReplicationDestination.of("eu-central-1", "222222222222")), "shop/prod/")).build(),
                            null, prodEnv.cacheRules(), prodEnv.templates(),
                            List.of("arn:aws:iam::222222222222:role/shop-prod-promoter")))
                    .build());
            prod = Template.fromStack(prodStack);

            Stack replicaStack = RegistryTestSupport.stack("222222222222", "eu-central-1");
            new RegistrySettings(replicaStack, "Registry", RegistrySettingsProps.builder()
                    .encryptionKey(Key.Builder.create(replicaStack, "Key").enableKeyRotation(true).build())
                    .contribution(RegistryContribution.builder("replicas of environment prod")
                            .scanning(RegistryScanningProps.builder()
                                    .rules(RegistryScanningRule.of(SCAN_ON_PUSH, "shop/prod/*")).build())
                            .template(RepositoryCreationTemplateProps.builder().prefix("shop/prod").appliedFor(REPLICATION)
                                    .lifecyclePolicy(RepositoryCreationTemplateTest.EXPIRE_UNTAGGED).build())
                            .build())
                    .build());
            prodReplica = Template.fromStack(replicaStack);
        }

        @Test
        void sharedRegistryHasEachSingletonOnceWithMergedScanning() {
            devAndStaging.resourceCountIs("AWS::ECR::RegistryScanningConfiguration", 1);
            devAndStaging.resourceCountIs("AWS::ECR::PullThroughCacheRule", 2);
            devAndStaging.resourceCountIs("AWS::ECR::RepositoryCreationTemplate", 2);
            devAndStaging.resourceCountIs("AWS::ECR::ReplicationConfiguration", 0);
            devAndStaging.hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "ScanType", "BASIC",
                    "Rules", List.of(Map.of("ScanFrequency", "SCAN_ON_PUSH", "RepositoryFilters", List.of(
                            Map.of("Filter", "shop/dev/*", "FilterType", "WILDCARD"),
                            Map.of("Filter", "ecr-public/*", "FilterType", "WILDCARD"),
                            Map.of("Filter", "docker-hub/*", "FilterType", "WILDCARD"),
                            Map.of("Filter", "shop/staging/*", "FilterType", "WILDCARD"))))));
            devAndStaging.hasResourceProperties("AWS::ECR::PullThroughCacheRule", Map.of(
                    "EcrRepositoryPrefix", "docker-hub", "UpstreamRegistryUrl", "registry-1.docker.io",
                    "CredentialArn", DEV_DOCKER));
            devAndStaging.hasResourceProperties("AWS::ECR::RepositoryCreationTemplate", Map.of(
                    "Prefix", "ecr-public", "AppliedFor", List.of("PULL_THROUGH_CACHE"), "ImageTagMutability", "MUTABLE",
                    "CustomRoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^RegistryTemplateRole.*"), "Arn"))));
        }

        @Test
        void prodReplicatesToFrankfurtAndExcludesThePromoter() {
            prod.hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                    "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                            "Destinations", List.of(Map.of("Region", "eu-central-1", "RegistryId", "222222222222")),
                            "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/", "FilterType", "PREFIX_MATCH")))))));
            prod.hasResourceProperties("AWS::ECR::PullTimeUpdateExclusion",
                    Map.of("PrincipalArn", "arn:aws:iam::222222222222:role/shop-prod-promoter"));
            prod.resourceCountIs("AWS::ECR::RegistryPolicy", 0);
        }

        @Test
        void replicaRegionGetsAnImmutableKmsTemplateAndScanning() {
            prodReplica.hasResourceProperties("AWS::ECR::RepositoryCreationTemplate", Map.of(
                    "Prefix", "shop/prod", "AppliedFor", List.of("REPLICATION"), "ImageTagMutability", "IMMUTABLE",
                    "EncryptionConfiguration", Map.of("EncryptionType", "KMS",
                            "KmsKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Key.*"), "Arn")))));
            prodReplica.hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "Rules", List.of(Map.of("ScanFrequency", "SCAN_ON_PUSH",
                            "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/*", "FilterType", "WILDCARD"))))));
            prodReplica.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "creation-template"))));
        }
    }

    @Nested
    class ScanningOwnedElsewhere {

        @Test
        void withoutAScanningContributionNoScanningConfigurationIsWrittenAndCoverageIsOnlyWarned() {
            Stack stack = RegistryTestSupport.stack("111111111111", "eu-west-1");
            new RegistrySettings(stack, "Registry", RegistrySettingsProps.builder()
                    .encryptionKey(Key.Builder.create(stack, "Key").enableKeyRotation(true).build())
                    .contribution(RegistryContribution.builder("environment dev")
                            .cacheRule(PullThroughCacheRuleProps.ecrPublic())
                            .template(cacheTemplate("ecr-public"))
                            .build())
                    .build());

            Template.fromStack(stack).resourceCountIs("AWS::ECR::RegistryScanningConfiguration", 0);
            software.amazon.awscdk.assertions.Annotations.fromStack(stack).hasWarning("/Registry/Registry",
                    Match.stringLikeRegexp(".*scanning configuration is left as it is: check that it scans the"
                            + " repositories ECR creates under ecr-public.*"));
        }

        @Test
        void aCatchAllScansEveryOtherRepositoryWithoutConflictingWithContinuousRules() {
            Stack stack = RegistryTestSupport.stack("222222222222", "eu-west-1");
            new RegistrySettings(stack, "Registry", RegistrySettingsProps.builder()
                    .contribution(RegistryContribution.builder("environment prod")
                            .scanning(RegistryScanningProps.builder().scanType(RegistryScanType.ENHANCED)
                                    .rules(RegistryScanningRule.of(CONTINUOUS_SCAN, "shop/prod/*")).build())
                            .build())
                    .contribution(RegistryContribution.builder("registry.scanning.otherRepositories")
                            .scanning(RegistryScanningProps.builder().scanType(RegistryScanType.ENHANCED).rules(List.of()).build())
                            .scanOtherRepositories(SCAN_ON_PUSH)
                            .build())
                    .build());

            Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "ScanType", "ENHANCED",
                    "Rules", List.of(
                            Map.of("ScanFrequency", "CONTINUOUS_SCAN", "RepositoryFilters",
                                    List.of(Map.of("Filter", "shop/prod/*", "FilterType", "WILDCARD"))),
                            Map.of("ScanFrequency", "SCAN_ON_PUSH", "RepositoryFilters",
                                    List.of(Map.of("Filter", "*", "FilterType", "WILDCARD"))))));
        }
    }

    @Nested
    class Conflicts {
        List<String> problems(RegistryContribution... contributions) {
            var props = new RegistrySettingsProps(List.of(contributions), null);
            return RegistrySettings.problems(props, "111111111111", "eu-west-1");
        }

        RegistryContribution scanning(String source, RegistryScanType type, RegistryScanningRule... rules) {
            return RegistryContribution.builder(source)
                    .scanning(RegistryScanningProps.builder().scanType(type).rules(rules).build()).build();
        }

        @Test
        void separatedFiltersWithDifferentFrequenciesMerge() {
            assertThat(problems(
                    scanning("environment dev", RegistryScanType.ENHANCED, RegistryScanningRule.of(SCAN_ON_PUSH, "shop/dev/*")),
                    scanning("environment staging", RegistryScanType.ENHANCED,
                            RegistryScanningRule.of(CONTINUOUS_SCAN, "shop/staging/*")))).isEmpty();
        }

        @Test
        void rejectsOverlappingFiltersWithDifferentFrequencies() {
            assertThat(problems(
                    scanning("environment dev", RegistryScanType.ENHANCED, RegistryScanningRule.of(SCAN_ON_PUSH, "shop/*")),
                    scanning("environment staging", RegistryScanType.ENHANCED,
                            RegistryScanningRule.of(CONTINUOUS_SCAN, "shop/staging/*"))))
                    .containsExactly("scanning filter \"shop/staging/*\" (CONTINUOUS_SCAN) from \"environment staging\""
                            + " overlaps filter \"shop/*\" (SCAN_ON_PUSH) from \"environment dev\" in 111111111111/eu-west-1:"
                            + " a repository matched by both would get two scan frequencies. Hint: use filters that separate"
                            + " them, e.g. \"shop/dev/*\" and \"shop/prod/*\"");
        }

        @Test
        void rejectsADifferentScanType() {
            assertThat(problems(
                    scanning("environment dev", RegistryScanType.BASIC, RegistryScanningRule.of(SCAN_ON_PUSH, "shop/dev/*")),
                    scanning("environment staging", RegistryScanType.ENHANCED,
                            RegistryScanningRule.of(SCAN_ON_PUSH, "shop/staging/*"))))
                    .containsExactly("scanning from \"environment staging\" sets scanType ENHANCED but \"environment dev\""
                            + " sets BASIC: 111111111111/eu-west-1 has one scan type. Hint: use the same scan type in both,"
                            + " or give one of them its own account or region");
        }

        @Test
        void rejectsMergedRuleWithMoreThan100Filters() {
            RegistryScanningRule a = new RegistryScanningRule(SCAN_ON_PUSH,
                    IntStream.range(0, 60).mapToObj(i -> "a" + i).toList());
            RegistryScanningRule b = new RegistryScanningRule(SCAN_ON_PUSH,
                    IntStream.range(0, 60).mapToObj(i -> "b" + i).toList());
            assertThat(problems(scanning("environment dev", null, a), scanning("environment staging", null, b)))
                    .containsExactly("scanning: the merged SCAN_ON_PUSH rule of 111111111111/eu-west-1 has 120 filters:"
                            + " ECR accepts at most 100 filters a rule. Hint: group repositories with a wildcard, e.g. \"shop/*\"");
        }

        @Test
        void rejectsASecondReplicationAndASecondRegistryPolicy() {
            RegistryReplicationProps replication = RegistryReplicationProps.builder().rule(ReplicationRule.of(
                    List.of(ReplicationDestination.of("eu-central-1", "111111111111")))).build();
            RegistryPolicyProps policy = RegistryPolicyProps.of(RegistryPolicyStatement.allowReplicationFrom("333333333333", true));
            assertThat(problems(
                    new RegistryContribution("environment dev", null, replication, policy, null, null, null),
                    new RegistryContribution("environment staging", null, replication, policy, null, null, null)))
                    .containsExactly(
                            "replication from \"environment staging\" is a second replication configuration for"
                                    + " 111111111111/eu-west-1 (\"environment dev\" declares one): ECR keeps one a registry."
                                    + " Hint: declare all replication rules in one place",
                            "registryPolicy from \"environment staging\" is a second registry policy for"
                                    + " 111111111111/eu-west-1 (\"environment dev\" declares one): ECR keeps one a registry."
                                    + " Hint: declare all registry policy statements in one place");
        }

        @Test
        void rejectsTwoDifferentCacheRulesForOneNamespace() {
            RegistryContribution dev = environment("dev", DEV_DOCKER);
            RegistryContribution staging = RegistryContribution.builder("environment staging")
                    .cacheRule(PullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY)
                            .ecrRepositoryPrefix("ecr-public").build())
                    .build();
            assertThat(problems(dev, staging)).containsExactly(
                    "cacheRules: namespace \"ecr-public\" from \"environment staging\" differs from the rule"
                            + " \"environment dev\" declares for it in 111111111111/eu-west-1: one rule per namespace."
                            + " Hint: make both rules identical or use another prefix",
                    "encryptionKey is missing: 2 repository creation template(s) encrypt with the region's KMS key."
                            + " Hint: pass the registry stack's key");
        }

        @Test
        void rejectsUnscannedTemplateAndCacheWithoutTemplate() {
            RegistryContribution dev = RegistryContribution.builder("environment dev")
                    .scanning(RegistryScanningProps.builder().rules(RegistryScanningRule.of(SCAN_ON_PUSH, "shop/dev/*")).build())
                    .cacheRule(PullThroughCacheRuleProps.ecrPublic())
                    .template(RepositoryCreationTemplateProps.builder().prefix("shop/prod").appliedFor(REPLICATION)
                            .lifecyclePolicy(RepositoryCreationTemplateTest.EXPIRE_UNTAGGED).build())
                    .build();
            var props = new RegistrySettingsProps(List.of(dev), Key.fromKeyArn(RegistryTestSupport.stack(), "K",
                    "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
            assertThat(RegistrySettings.problems(props, "111111111111", "eu-west-1")).containsExactly(
                    "templates: prefix \"shop/prod\" from \"environment dev\" is not covered by an automatic scanning rule of"
                            + " 111111111111/eu-west-1: repositories ECR creates there would never be scanned (templates"
                            + " cannot set scanning). Hint: add the filter \"shop/prod/*\" to a SCAN_ON_PUSH or"
                            + " CONTINUOUS_SCAN rule",
                    "cacheRules: namespace \"ecr-public\" from \"environment dev\" is not covered by an automatic scanning"
                            + " rule of 111111111111/eu-west-1: cached base images would never be scanned. Hint: add the"
                            + " filter \"ecr-public/*\" to a SCAN_ON_PUSH or CONTINUOUS_SCAN rule",
                    "cacheRules: namespace \"ecr-public\" from \"environment dev\" has no PULL_THROUGH_CACHE repository"
                            + " creation template in 111111111111/eu-west-1: cached repositories would get AES256"
                            + " encryption and no lifecycle policy. Hint: add a PULL_THROUGH_CACHE template with prefix"
                            + " \"ecr-public\"");
        }

        @Test
        void mergesDuplicateExclusionsAndRejectsMoreThan100() {
            RegistryContribution.Builder many = RegistryContribution.builder("environment dev");
            IntStream.range(0, 101).forEach(i -> many.exclusion("arn:aws:iam::111111111111:role/scanner" + i));
            RegistryContribution again = RegistryContribution.builder("environment staging")
                    .exclusion("arn:aws:iam::111111111111:role/scanner0").build();
            assertThat(problems(many.build(), again)).containsExactly(
                    "exclusions has 101 principals: ECR accepts at most 100 pull-time update exclusions an account."
                            + " Hint: exclude shared roles rather than one per service");
        }

        @Test
        void namesTheSourceOfAnInvalidTemplate() {
            RegistryContribution dev = RegistryContribution.builder("environment dev")
                    .template(RepositoryCreationTemplateProps.builder().prefix("shop/dev").appliedFor(REPLICATION).build())
                    .build();
            assertThat(problems(dev)).containsExactly(
                    "environment dev: templates[\"shop/dev\"].lifecyclePolicy is missing: every repository needs one"
                            + " (CT.ECR.PR.1). Hint: pass the environment profile's lifecycle.LifecyclePolicy",
                    "encryptionKey is missing: 1 repository creation template(s) encrypt with the region's KMS key."
                            + " Hint: pass the registry stack's key");
        }

        @Test
        void crossAccountDestinationGetsTheReplicationPolicy() {
            Stack destination = RegistryTestSupport.stack("333333333333", "eu-central-1");
            RegistryReplicationProps source = RegistryReplicationProps.builder().rule(ReplicationRule.of(
                    List.of(ReplicationDestination.of("eu-central-1", "333333333333")), "shop/prod/")).build();
            assertThat(source.crossAccountDestinations("222222222222"))
                    .containsExactly(ReplicationDestination.of("eu-central-1", "333333333333"));
            new RegistrySettings(destination, "Registry", RegistrySettingsProps.builder()
                    .contribution(RegistryContribution.builder("replicas of environment prod")
                            .registryPolicy(RegistryPolicyProps.of(
                                    RegistryPolicyStatement.allowReplicationFrom("222222222222", true, "shop/prod")))
                            .build())
                    .build());
            Template.fromStack(destination).hasResourceProperties("AWS::ECR::RegistryPolicy", Map.of("PolicyText",
                    Map.of("Statement", List.of(Map.of("Sid", "ReplicationFrom222222222222",
                            "Action", List.of("ecr:CreateRepository", "ecr:ReplicateImage"))))));
        }

        @Test
        void theConstructThrowsEveryProblemOnce() {
            assertThatThrownBy(() -> new RegistrySettings(RegistryTestSupport.stack(), "Registry",
                    new RegistrySettingsProps(List.of(
                            scanning("environment dev", RegistryScanType.BASIC, RegistryScanningRule.of(SCAN_ON_PUSH, "a/*")),
                            scanning("environment staging", RegistryScanType.ENHANCED,
                                    RegistryScanningRule.of(CONTINUOUS_SCAN, "a/*"))), null)))
                    .hasMessage("scanning from \"environment staging\" sets scanType ENHANCED but \"environment dev\""
                            + " sets BASIC: 222222222222/eu-west-1 has one scan type. Hint: use the same scan type in both,"
                            + " or give one of them its own account or region\n"
                            + "scanning filter \"a/*\" (CONTINUOUS_SCAN) from \"environment staging\" overlaps filter"
                            + " \"a/*\" (SCAN_ON_PUSH) from \"environment dev\" in 222222222222/eu-west-1: a repository"
                            + " matched by both would get two scan frequencies. Hint: use filters that separate them, e.g."
                            + " \"shop/dev/*\" and \"shop/prod/*\"");
        }
    }
}
