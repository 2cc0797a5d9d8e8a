package platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import stacks.PolicySizeRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} is the whole check: the corpus of broken platform files (one mistake each,
 * src/test/resources/platform/broken/) is run through {@code validate} and through synthesis, and no file may pass
 * the one and fail the other. Files whose shape the binder rejects have no model to synthesize; every other file is
 * synthesized from the model as bound, without the validator, so synthesis sees the mistake itself. The near-misses
 * in src/test/resources/platform/valid/ must pass both.
 *
 * <p>One JVM, one App per file, no CloudFormation-validation workers ({@link Synthesizer}): about half a second a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateMirrorsSynthesisTest {

    static final Path VALID = Path.of("src/test/resources/platform/valid");

    /** Outcome of one file: validate's problems, and synthesis's failure (null: passed; "shape": not synthesizable). */
    record Outcome(List<Problem> problems, String synthesis) {
    }

    final Map<String, Outcome> broken = new LinkedHashMap<>();
    final Map<String, Outcome> valid = new LinkedHashMap<>();

    @BeforeAll
    void runTheCorpus() throws Exception {
        for (Path file : files(BrokenFiles.DIRECTORY)) {
            broken.put(name(file), outcome(file));
        }
        for (Path file : files(VALID)) {
            valid.put(name(file), outcome(file));
        }
    }

    @Test
    void theCorpusHasAtLeastSixtyBrokenFiles() {
        assertThat(broken).hasSizeGreaterThanOrEqualTo(60);
        assertThat(broken.values().stream().filter(o -> !"shape".equals(o.synthesis()))).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void validateRejectsEveryBrokenFileNamingTheFieldAndItsLine() {
        List<String> accepted = new ArrayList<>();
        broken.forEach((name, outcome) -> {
            if (outcome.problems().stream().noneMatch(p -> !p.path().isEmpty() && p.line() != null)) {
                accepted.add(name + ": " + outcome.problems());
            }
        });
        // The files the loader refuses before any field (empty, not YAML, two documents, a top-level list) are
        // rejected with their line in the message; BrokenPlatformFilesTest asserts those messages.
        accepted.removeIf(line -> Stream.of("empty", "not-yaml", "top-level-list", "two-documents").anyMatch(s -> line.startsWith(s + ":")));
        assertThat(accepted).isEmpty();
    }

    @Test
    void noFilePassesValidateButFailsSynthesis() {
        List<String> missed = new ArrayList<>();
        Stream.of(broken, valid).forEach(corpus -> corpus.forEach((name, outcome) -> {
            if (outcome.problems().isEmpty() && outcome.synthesis() != null) {
                missed.add(name + ": synthesis fails with: " + outcome.synthesis());
            }
        }));
        assertThat(missed).isEmpty();
    }

    @Test
    void theNearMissesPassValidateAndSynthesis() {
        assertThat(valid).isNotEmpty();
        valid.forEach((name, outcome) -> {
            assertThat(outcome.problems()).as(name).isEmpty();
            assertThat(outcome.synthesis()).as(name).isNull();
        });
    }

    private static Outcome outcome(Path file) throws Exception {
        List<Problem> problems = Synthesizer.validate(file);
        Optional<Platform> model;
        try {
            model = Synthesizer.unvalidated(file);
        } catch (Exception e) {
            model = Optional.empty();
        }
        String synthesis = model.isEmpty() ? "shape" : Synthesizer.failure(model.get()).orElse(null);
        return new Outcome(problems, synthesis);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".yaml", "");
    }

    /**
     * A creation template's repository policy is sized by no construct: the compliance rule on the written template
     * refuses it at synthesis, and validate (stacks.PolicySizeRule) first.
     */
    @Test
    void aReplicaTemplatePolicyOverTheLimitFailsBoth() {
        Outcome outcome = broken.get("replica-template-policy-over-the-limit");
        assertThat(outcome.problems()).extracting(Problem::path).containsExactly("pullers");
        // The policy-validation plugin fails synthesis naming its report, which holds the rule's finding.
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("found in: (\\S+validation-report\\.json)")
                .matcher(String.valueOf(outcome.synthesis()));
        assertThat(report.find()).as(outcome.synthesis()).isTrue();
        assertThat(Path.of(report.group(1))).content().contains("EcrBlueprint-RepositoryPolicySize");
    }

    /**
     * Every class of the constructs and stacks that checks its input, with either the broken files whose synthesis it
     * fails (and the text of its message), or why no platform file can reach it. A new class with checks fails this test
     * until its twin is decided.
     */
    static final Map<String, Object> CONSTRUCT_CHECKS = Map.ofEntries(
            Map.entry("AlertTopic", twin("alert-email-twice", "AlertTopic:", "alert-https-twice", "AlertTopic:")),
            Map.entry("RoleLimits", twin("role-name-too-long-puller", "IAM allows at most 64",
                    "role-name-too-long-publisher", "IAM allows at most 64")),
            Map.entry("PullerRole", twin("role-name-too-long-puller", "PullerRole", "puller-unknown-service", "PullerRole")),
            Map.entry("PromoterRole", twin("role-name-too-long-promoter", "PromoterRole",
                    "role-name-too-long-promoter-service", "PromoterRole",
                    "github-repository-wildcard-with-promotion", "contains a wildcard")),
            Map.entry("CodeBuildPublisherRole", twin("role-name-too-long-publisher", "CodeBuildPublisherRole")),
            Map.entry("JenkinsPublisherRole", twin("role-name-too-long-jenkins-publisher", "JenkinsPublisherRole")),
            Map.entry("GitLabPublisherRole", twin("gitlab-group-wildcard", "must not contain a wildcard")),
            Map.entry("GitLabOidcProvider", twin("gitlab-url-with-query", "must be the https URL of the GitLab instance")),
            // PublicRepository checks the publisher role's name before the role itself does.
            Map.entry("PublicPublisherRole", twin("role-name-too-long-public-publisher", "must be an IAM role name of 1 to 64 characters",
                    "public-without-github-publisher", "subjects is empty")),
            Map.entry("GitHubOidcProviderTrust", twin("github-organisation-wildcard", "must not contain a wildcard",
                    "github-branch-empty", "is not a branch")),
            Map.entry("PrivateRepository", twin("mutability-exclusions-over-five", "IMMUTABLE_WITH_EXCLUSION needs 1 to 5",
                    "mutability-exclusion-without-reason", "is refused where requireImmutableTags is set",
                    "repository-policy-over-the-limit", "repositoryPolicy is 10241 characters, over ECR's limit of 10240",
                    "repository-policy-statements-over-the-limit", "is 10241 characters with the 55 statements added to it",
                    "team-too-long", "value is 257 characters")),
            Map.entry("PublicRepository", twin("catalog-description-too-long", "catalogData.description has 1025 characters",
                    "catalog-operating-system-unknown", "operatingSystems value \"macOS\"")),
            Map.entry("RegistryEndpoints", twin("endpoint-subnets-one-zone", "RegistryEndpoints:",
                    "vpc-without-route-tables", "RegistryEndpoints:", "availability-zone-other-region", "RegistryEndpoints:",
                    "vpc-cidr-everything", "never be open to every address", "vpc-route-table-twice", "is listed twice")),
            Map.entry("ScanFindingAlerts", twin("rule-name-too-long", "ScanFindingAlerts:")),
            Map.entry("RepositoryName", twin("service-name-generic", "is too generic")),
            Map.entry("RegistrySettings", twin("cache-prefix-twice-in-registry", "cacheRules: namespace \"public\"",
                    "creation-template-same-prefix-as-cache", "one template per prefix",
                    "creation-template-prefix-of-replicas", "one template per prefix",
                    "scanning-filter-overlaps-environment", "overlaps filter")),
            Map.entry("RegistryScanningProps", twin("basic-scanning-with-prod", "CONTINUOUS_SCAN is not accepted with scanType BASIC",
                    "scanning-rule-manual-with-enhanced", "MANUAL is not accepted with scanType ENHANCED",
                    "scanning-rule-frequency-twice", "repeats an earlier rule")),
            Map.entry("RegistryReplicationProps", twin("replica-region-is-own-region", "is the source registry itself")),
            Map.entry("RegistryPullThroughCacheRuleProps", twin("docker-hub-without-credential", "credentialArn is missing")),
            Map.entry("RegistryAuditAlerts", "the same rule-name check as ScanFindingAlerts with a shorter suffix; twinned there"),
            Map.entry("RegistryFailureAlerts", twin("cache-failure-rule-name-too-long", "RegistryFailureAlerts:")),
            Map.entry("ImagePushGuard", "its rule-name suffix is shorter than ScanFindingAlerts' (twinned there); its allowed"
                    + " roles are the promoters' ARNs the stacks build and alerts.pushGuardAllowedRoles (NameFormats.ROLE_ARN), and a"
                    + " guard without any is refused by EnvironmentRules (alerts.pushGuard)"),
            Map.entry("ReplicationFailureForwarder", "its source is an environment's region and its stack a replica region,"
                    + " which EnvironmentRules already keeps apart (replica region is the environment's own region); its rule"
                    + " name is generated"),
            Map.entry("RegistryDashboard", "its name <platform>-<env>-ecr is at most 131 of the 255 characters allowed"),
            Map.entry("ImagePipeline", "connection ARN, repository, branch count and curated build image: CodePipelineRules refuses"
                    + " each in the file first (NameFormats.CONNECTION_ARN, NameFormats.SOURCE_REPOSITORY, NameFormats.CODEBUILD_IMAGE, one branch with"
                    + " CodeCommit, at most AwsLimits.CODEPIPELINE_TRIGGER_BRANCHES), and the names come from validated names"),
            Map.entry("RegistryValidation", "account and region formats; the file's formats (NameFormats.ACCOUNT, NameFormats.REGIONS) are stricter"),
            Map.entry("RepositoryPrincipal", "account and role ARN formats; the file's formats (NameFormats.ACCOUNT, NameFormats.ROLE_ARN) are stricter"),
            Map.entry("RepositoryScope", "ARNs the stacks build from validated accounts, regions and names"),
            Map.entry("RepositoryKey", "key settings come from the profile, not from values in the file"),
            Map.entry("GitHubOidcProvider", "the provider's URL and audience are constants of the stacks"),
            Map.entry("IamPolicySize", "sizes documents the constructs build; its only check rejects a value type they never use"),
            Map.entry("PullTimeUpdateExclusionProps", "the exclusions are the stacks' own roles, at most a few per account"),
            Map.entry("ShardMap", "checks the committed .shards.yaml, not the platform file"),
            Map.entry("StackLimits", "resource and output counts per stack: without a committed shard map the stacks put at most"
                    + " ShardMap.DEFAULT_CAPACITY (60) services in one environment stack, sized so that a shard stays under 500"
                    + " resources and 200 outputs; a committed map with a larger capacity is the user's explicit choice"),
            // The managed policy cannot overflow from the file: its repository grants fall back to the environment's
            // prefix ARN, and what remains (cache prefixes, signing profile) is bounded by ECR's rule limits.
            Map.entry("PersonaRoleSupport", twin("trust-policy-over-the-limit", "the trust policy of role",
                    "gitlab-trust-policy-over-the-limit", "the trust policy of role")),
            // A grant twice: two account (or Lambda) pullers for one principal (PullerRules); a null principal and push
            // for Lambda are the stacks' own; the size of the policy is PrivateRepository's check, twinned there.
            Map.entry("RepositoryPolicy", twin("puller-account-twice", "is listed twice")),
            Map.entry("RegistryPolicy", twin("registry-policy-over-the-limit", "statements render a policy of 10241 characters")),
            // validate's rule for what only the stacks can size; its twins are PrivateRepository's and RegistryPolicy's.
            Map.entry("PolicySizeRule", "the validate side itself: the twin of PrivateRepository's and RegistryPolicy's size checks"),
            Map.entry("RegistrySettingsRule", "the validate side itself: RegistrySettings' merge, run on the contributions the"
                    + " stacks give each registry (twinned at RegistrySettings)"),
            Map.entry("RegistryPolicyProps", "statement ids and the non-empty list are the stacks' own"),
            Map.entry("RegistryPolicyStatement", "ARNs and prefixes the stacks build from validated accounts, regions and names"),
            Map.entry("RepositoryCreationTemplateProps", twin("creation-template-description-too-long", "description has 257 characters",
                    "creation-template-cache-with-others", "mixes PULL_THROUGH_CACHE with other scenarios",
                    "creation-template-prefix-too-long", "is invalid")),
            Map.entry("RepositoryCreationTemplateRole", "its prefixes are the templates' (checked as RepositoryCreationTemplateProps)"
                    + " and its key is the registry stack's"),
            Map.entry("SigningConfiguration", twin("signing-filters-over-100", "at most 100 a rule",
                    "signing-filter-too-long", "is not a WILDCARD_MATCH filter")),
            Map.entry("DeliveryPipeline", "approvalBefore and environmentStacks come from the stacks and platformFile from the synth"
                    + " command, not from the file; the delivery section's values have their formats, and DeliveryRules refuses"
                    + " what only the running pipeline would (delivery-branch-glob, delivery-environment-named-delivery)"),
            Map.entry("EnvironmentStage", "fails only when the environment builder creates no stack; PlatformStacks always creates one"),
            Map.entry("DeliveryPipelineStack", "a stage over CodePipeline's 50 actions: CDK Pipelines splits a stage itself (the check"
                    + " guards that); its missing-section message is unreachable, PlatformStacks builds the pipeline only with one"),
            Map.entry("EnvironmentStack", "its one check is that a Java caller passes the shared key exactly when the environment"
                    + " sets sharedKey; PlatformStacks always does"),
            Map.entry("PlatformStacks", "a sharedKey environment whose registry stack is in another stage: the validator refuses"
                    + " sharedKey with delivery (environments[].sharedKey), so only a stageStacks caller's own pipeline reaches it"),
            Map.entry("EcrAccountSetting", "the platform file's values are enums the binder checks against the same ECR values"),
            Map.entry("InspectorEcrRescan", "the platform file's values are enums the binder checks against the same Inspector values"),
            Map.entry("RepositoryUsageMetrics", twin("usage-metrics-percent-above-100", "alarmPercent 120 is invalid",
                    "usage-metrics-quota-zero", "imagesPerRepositoryQuota 0 is invalid")));

    /** Broken files and the text their synthesis failure must hold, in pairs. */
    static Map<String, String> twin(String... fileAndMessage) {
        Map<String, String> twins = new LinkedHashMap<>();
        for (int i = 0; i < fileAndMessage.length; i += 2) {
            twins.put(fileAndMessage[i], fileAndMessage[i + 1]);
        }
        return twins;
    }

    @Test
    void everyConstructLevelCheckIsListedWithItsValidateTwinOrWhyItHasNone() throws Exception {
        List<String> checking = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java/constructs"), Path.of("src/main/java/stacks"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    if (source.contains("problems.add(") || source.contains("throw new IllegalArgumentException(")
                            || source.contains("addValidation")) {
                        checking.add(file.getFileName().toString().replace(".java", ""));
                    }
                }
            }
        }
        assertThat(CONSTRUCT_CHECKS.keySet()).containsExactlyInAnyOrderElementsOf(checking);
        CONSTRUCT_CHECKS.forEach((check, twins) -> {
            if (twins instanceof Map<?, ?> files) {
                files.forEach((file, message) -> {
                    Outcome outcome = broken.get((String) file);
                    assertThat(outcome).as(check + ": " + file).isNotNull();
                    assertThat(outcome.synthesis()).as(check + ": synthesis of " + file).isNotNull().contains((String) message);
                    assertThat(outcome.problems()).as(check + ": validate of " + file).isNotEmpty();
                });
            }
        });
    }
}
