package stacks;

import constructs.registry.CreationTemplateAppliedFor;
import constructs.registry.RegistryPullThroughCacheRuleProps;
import constructs.registry.PullThroughCacheUpstream;
import constructs.registry.RegistryContribution;
import constructs.registry.RegistryPolicyProps;
import constructs.registry.RegistryPolicyStatement;
import constructs.registry.RegistryReplicationProps;
import constructs.registry.RegistryScanFrequency;
import constructs.registry.RegistryScanType;
import constructs.registry.RegistryScanningProps;
import constructs.registry.RegistryScanningRule;
import constructs.registry.ReplicationDestination;
import constructs.registry.RegistryReplicationRule;
import constructs.registry.RepositoryCreationTemplateProps;
import constructs.registry.RegistryPolicyAction;
import constructs.repository.RepositoryPolicy;
import constructs.repository.RepositoryPrincipal;
import lifecycle.LifecyclePolicy;
import platform.EnvironmentSpec;
import platform.MergedReplicationRule;
import platform.RegistryLocation;
import platform.RegistryOwnership;
import platform.SettingOwnership;
import platform.Platform;
import platform.PullThroughCacheSpec;
import platform.Puller;
import platform.PullerType;
import platform.ScanFrequency;
import platform.ScanRule;
import platform.ScanType;
import platform.TemplateAppliesTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each account and region's registry must hold, derived from the platform file: one list of
 * {@link RegistryContribution}s per registry, each named after the place in the file it comes from,
 * so that {@code RegistrySettings} can merge them and name both places of a conflict.
 *
 * <p>Registries are those where environments live, plus every replication destination (ECR copies
 * images but not settings: the destination needs a REPLICATION creation template and scanning).
 */
public final class RegistryPlan {

    /** A registry: account and region. */
    public record Registry(String account, String region) {
        String key() {
            return account + "/" + region;
        }

        RegistryLocation location() {
            return new RegistryLocation(account, region);
        }
    }

    private final Map<Registry, List<RegistryContribution>> contributions = new LinkedHashMap<>();
    /** The registry policy is one document a registry: statements of every feature that needs it, merged at the end. */
    private final Map<Registry, List<RegistryPolicyStatement>> registryPolicies = new LinkedHashMap<>();

    private RegistryPlan() {
    }

    /**
     * The registries the platform needs and what each environment contributes to them.
     *
     * @param platform the platform, as loaded from the platform file
     * @return the plan
     */
    public static RegistryPlan of(Platform platform) {
        RegistryPlan plan = new RegistryPlan();
        Map<Registry, List<EnvironmentSpec>> byRegistry = new LinkedHashMap<>();
        for (EnvironmentSpec env : platform.environments()) {
            byRegistry.computeIfAbsent(new Registry(env.account(), env.region()), r -> new ArrayList<>()).add(env);
        }
        byRegistry.forEach((registry, environments) -> plan.environmentRegistry(platform, registry, environments));
        plan.replicaRegistries(platform, byRegistry);
        plan.registryPolicies.forEach((registry, statements) -> plan.contributions.computeIfAbsent(registry, r -> new ArrayList<>())
                .add(RegistryContribution.builder("registry policy of " + registry.key())
                        .registryPolicy(RegistryPolicyProps.of(statements.toArray(RegistryPolicyStatement[]::new))).build()));
        // A registry whose every singleton belongs to someone else gets no registry stack at all.
        plan.contributions.values().forEach(list -> list.removeIf(RegistryPlan::writesNothing));
        plan.contributions.entrySet().removeIf(e -> e.getValue().isEmpty() && !writesSigning(platform, e.getKey())
                && !writesAccountSettings(platform, e.getKey()) && !writesInspector(platform, e.getKey())
                && !holdsSharedKey(platform, e.getKey()));
        return plan;
    }

    /**
     * Whether the registry stack holds the platform's shared repository key of its account and region: some environment
     * living there sets {@code sharedKey}.
     *
     * @param platform the platform, as loaded from the platform file
     * @param registry the account and region
     * @return whether the registry stack creates {@link RegistryStack#SHARED_KEY_ID}
     */
    public static boolean holdsSharedKey(Platform platform, Registry registry) {
        return platform.environmentsIn(registry.location()).stream().anyMatch(EnvironmentSpec::sharedKey);
    }

    /**
     * Whether the registry stack writes the signing configuration: where environments live, the file asks for
     * signing, and the registry's signing configuration is managed here.
     */
    static boolean writesSigning(Platform platform, Registry registry) {
        return platform.registry().signing() != null
                && !platform.environmentsIn(registry.location()).isEmpty()
                && platform.registry().ownership(registry.location()).signing() == SettingOwnership.MANAGED;
    }

    /** Whether the registry stack writes the ECR account settings: where environments live, set and managed here. */
    static boolean writesAccountSettings(Platform platform, Registry registry) {
        return !platform.registry().accountSettings().isEmpty()
                && !platform.environmentsIn(registry.location()).isEmpty()
                && platform.registry().ownership(registry.location()).accountSettings() == SettingOwnership.MANAGED;
    }

    /** Whether the registry stack writes Inspector's ECR re-scan durations: where environments live, set and managed here. */
    static boolean writesInspector(Platform platform, Registry registry) {
        return platform.registry().inspector() != null
                && !platform.environmentsIn(registry.location()).isEmpty()
                && platform.registry().ownership(registry.location()).inspector() == SettingOwnership.MANAGED;
    }

    private static boolean writesNothing(RegistryContribution c) {
        return c.scanning() == null && c.replication() == null && c.registryPolicy() == null && c.cacheRules().isEmpty()
                && c.templates().isEmpty() && c.exclusions().isEmpty();
    }

    /**
     * Registries in creation order: environments' first, then replica destinations.
     *
     * @return each registry's contributions
     */
    public Map<Registry, List<RegistryContribution>> contributions() {
        return contributions;
    }

    private void environmentRegistry(Platform platform, Registry registry, List<EnvironmentSpec> environments) {
        RegistryOwnership owners = platform.registry().ownership(registry.location());
        boolean scanning = owners.scanning() == SettingOwnership.MANAGED;
        RegistryScanType scanType = scanType(platform);
        List<RegistryContribution> list = contributions.computeIfAbsent(registry, r -> new ArrayList<>());
        // Cached base images are shared by the registry's environments: scanned once, at the most
        // frequent of the frequencies of the environments that use them.
        Set<String> cacheFilters = new LinkedHashSet<>();
        RegistryScanFrequency cacheFrequency = null;
        Map<String, Set<String>> cacheConsumers = cacheConsumers(platform, environments);
        RepositoryPolicy cachedPolicy = cachedRepositoryPolicy(cacheConsumers);
        for (EnvironmentSpec env : environments) {
            var contribution = RegistryContribution.builder("environment " + env.name());
            RegistryScanFrequency frequency = frequency(platform.profile(env).scanFrequency());
            for (PullThroughCacheSpec rule : platform.registry().pullThroughCache()) {
                if (!rule.environments().isEmpty() && !rule.environments().contains(env.name())) {
                    continue;
                }
                RegistryPullThroughCacheRuleProps props = cacheRule(rule);
                cacheFilters.add(props.ecrRepositoryPrefix() + "/*");
                cacheFrequency = cacheFrequency == RegistryScanFrequency.CONTINUOUS_SCAN ? cacheFrequency : frequency;
                contribution.cacheRule(props);
                contribution.template(RepositoryCreationTemplateProps.builder()
                        .prefix(props.ecrRepositoryPrefix())
                        .appliedFor(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)
                        .lifecyclePolicy(platform.cacheLifecyclePolicy(environments))
                        .description("Cached " + rule.upstream().fileValue() + " base images")
                        .repositoryPolicy(cachedPolicy)
                        .build());
            }
            if (scanning) {
                contribution.scanning(RegistryScanningProps.builder().scanType(scanType)
                        .rules(RegistryScanningRule.of(frequency, platform.repositoryPrefix(env) + "*"))
                        .build());
            }
            list.add(contribution.build());
        }
        if (scanning && !cacheFilters.isEmpty()) {
            list.add(RegistryContribution.builder("registry.pullThroughCache")
                    .scanning(RegistryScanningProps.builder().scanType(scanType)
                            .rules(RegistryScanningRule.of(cacheFrequency, cacheFilters.toArray(String[]::new))).build())
                    .build());
        }
        if (scanning) {
            list.add(otherRepositoriesScanning(platform, scanType));
        }
        // Replication is one configuration a registry: every environment's rules in one place.
        List<RegistryReplicationRule> replication = new ArrayList<>();
        for (MergedReplicationRule rule : platform.mergedReplicationRules(registry.location())) {
            replication.add(new RegistryReplicationRule(rule.destinations().stream()
                    .map(d -> ReplicationDestination.of(d.region(), d.account())).toList(), rule.prefixes()));
        }
        if (!replication.isEmpty() && owners.replication() == SettingOwnership.MANAGED) {
            list.add(RegistryContribution.builder("replication of " + registry.key())
                    .replication(RegistryReplicationProps.builder().rules(replication).build()).build());
        }
        if (scanning && !platform.registry().scanning().rules().isEmpty()) {
            list.add(RegistryContribution.builder("registry.scanning")
                    .scanning(RegistryScanningProps.builder().scanType(scanType).rules(userScanRules(platform)).build()).build());
        }
        List<String> exclusions = pullTimeExclusions(platform, environments);
        if (!exclusions.isEmpty()) {
            var excluded = RegistryContribution.builder("registry.pullTimeUpdateExclusions");
            exclusions.forEach(excluded::exclusion);
            list.add(excluded.build());
        }
        List<String> prefixes = cachePrefixes(platform, registry.account(), registry.region());
        if (!cacheConsumers.isEmpty() && !prefixes.isEmpty() && owners.registryPolicy() == SettingOwnership.MANAGED) {
            cacheConsumers.forEach((account, roles) -> registryPolicies.computeIfAbsent(registry, r -> new ArrayList<>())
                    .add(new RegistryPolicyStatement("PullThroughCacheFor" + account, account,
                            List.of(RegistryPolicyAction.BATCH_IMPORT_UPSTREAM_IMAGE, RegistryPolicyAction.CREATE_REPOSITORY),
                            prefixes, List.copyOf(roles))));
        }
        if (!platform.registry().creationTemplates().isEmpty()) {
            var templates = RegistryContribution.builder("registry.creationTemplates");
            platform.registry().creationTemplates().forEach(t -> templates.template(RepositoryCreationTemplateProps.builder()
                    .prefix(t.prefix())
                    .appliedFor(t.appliedFor().stream().map(ConstructEnums::appliedFor).toList())
                    .lifecyclePolicy(platform.cacheLifecyclePolicy(environments))
                    .description(t.description())
                    .build()));
            list.add(templates.build());
        }
    }

    /**
     * The catch-all rule of a scanning configuration written here: the configuration is one per registry, so
     * repositories outside this platform's prefixes (other teams', other platforms') would otherwise go unscanned.
     */
    private static RegistryContribution otherRepositoriesScanning(Platform platform, RegistryScanType scanType) {
        return RegistryContribution.builder("registry.scanning.otherRepositories")
                .scanning(RegistryScanningProps.builder().scanType(scanType).rules(List.of()).build())
                .scanOtherRepositories(frequency(platform.registry().scanning().otherRepositories()))
                .build();
    }

    /**
     * Where replicas land: a REPLICATION creation template (KMS with the region's key, immutable, lifecycle) and
     * scanning; where the replicas come from other accounts, one registry policy letting each source account in.
     */
    private void replicaRegistries(Platform platform, Map<Registry, List<EnvironmentSpec>> environmentRegistries) {
        Map<Registry, Map<String, Set<String>>> crossAccountSources = new LinkedHashMap<>();
        for (EnvironmentSpec env : platform.environments()) {
            Set<Registry> destinations = new LinkedHashSet<>();
            for (MergedReplicationRule rule : platform.mergedReplicationRules(new RegistryLocation(env.account(), env.region()))) {
                if (rule.source().equals(env)) {
                    rule.destinations().forEach(d -> destinations.add(new Registry(d.account(), d.region())));
                }
            }
            String prefix = platform.repositoryPrefix(env);
            // A namespace, as creation templates and registry policies take it: "shop/prod", not "shop/prod/".
            String namespace = prefix.substring(0, prefix.length() - 1);
            for (Registry destination : destinations) {
                RegistryOwnership owners = platform.registry().ownership(destination.location());
                // ECR replicates images, not repository policies: consumers of the replicas are granted by the template.
                var replicaPolicy = EnvironmentStack.replicaPolicy(platform, env, destination.account(), destination.region());
                var contribution = RegistryContribution.builder("replicas of environment " + env.name())
                        .template(RepositoryCreationTemplateProps.builder()
                                .prefix(namespace)
                                .appliedFor(CreationTemplateAppliedFor.REPLICATION)
                                .lifecyclePolicy(platform.lifecyclePolicy(env))
                                .description("Replicas of " + platform.name() + " " + env.name())
                                .repositoryPolicy(replicaPolicy == null || replicaPolicy.isEmpty() ? null : replicaPolicy)
                                .build());
                if (!environmentRegistries.containsKey(destination) && owners.scanning() == SettingOwnership.MANAGED) {
                    contribution.scanning(RegistryScanningProps.builder()
                            .scanType(scanType(platform))
                            .rules(RegistryScanningRule.of(frequency(platform.profile(env).scanFrequency()), prefix + "*"))
                            .build());
                }
                if (!destination.account().equals(env.account()) && owners.registryPolicy() == SettingOwnership.MANAGED) {
                    crossAccountSources.computeIfAbsent(destination, d -> new LinkedHashMap<>())
                            .computeIfAbsent(env.account(), a -> new LinkedHashSet<>()).add(namespace);
                }
                contributions.computeIfAbsent(destination, r -> new ArrayList<>()).add(contribution.build());
            }
        }
        for (Registry destination : contributions.keySet()) {
            if (!environmentRegistries.containsKey(destination)
                    && platform.registry().ownership(destination.location()).scanning() == SettingOwnership.MANAGED) {
                contributions.get(destination).add(otherRepositoriesScanning(platform, scanType(platform)));
            }
        }
        // One statement per source account, for all its namespaces.
        crossAccountSources.forEach((destination, sources) -> sources.forEach((account, namespaces) ->
                registryPolicies.computeIfAbsent(destination, d -> new ArrayList<>()).add(
                        RegistryPolicyStatement.allowReplicationFrom(account, true, namespaces.toArray(String[]::new)))));
    }

    /**
     * The accounts that pull through this registry's caches from outside it ({@code pullers[].pullThroughCache}), each
     * with the roles it is narrowed to (empty: the whole account).
     */
    static Map<String, Set<String>> cacheConsumers(Platform platform, List<EnvironmentSpec> environments) {
        Map<String, Set<String>> consumers = new LinkedHashMap<>();
        Set<String> wholeAccounts = new LinkedHashSet<>();
        for (EnvironmentSpec env : environments) {
            for (Puller puller : platform.pullers(env)) {
                if (puller.type() != PullerType.ACCOUNT || !puller.pullThroughCache()) {
                    continue;
                }
                String account = puller.account(env);
                Set<String> roles = consumers.computeIfAbsent(account, a -> new LinkedHashSet<>());
                if (puller.roleArn() == null) {
                    wholeAccounts.add(account);
                } else {
                    roles.add(puller.roleArn());
                }
            }
        }
        wholeAccounts.forEach(a -> consumers.get(a).clear());
        return consumers;
    }

    /**
     * The repository policy ECR gives the repositories it creates for cached images: ECR copies no policy from
     * anywhere, so the accounts that pull through the cache are granted the pull here. Null when there are none.
     */
    private static RepositoryPolicy cachedRepositoryPolicy(Map<String, Set<String>> consumers) {
        if (consumers.isEmpty()) {
            return null;
        }
        var policy = RepositoryPolicy.builder();
        consumers.forEach((account, roles) -> {
            if (roles.isEmpty()) {
                policy.pull(RepositoryPrincipal.account(account));
            } else {
                roles.forEach(role -> policy.pull(RepositoryPrincipal.role(role)));
            }
        });
        return policy.build();
    }

    /**
     * The principals whose pulls in this registry do not count as use: the file's roles, and with {@code ownRoles}
     * every service's promoter into an environment that promotes from one of this registry's environments (its
     * BatchGetImage would otherwise keep every promoted image "recently pulled" in the source environment).
     */
    private static List<String> pullTimeExclusions(Platform platform, List<EnvironmentSpec> environments) {
        var settings = platform.registry().pullTimeUpdateExclusions();
        Set<String> principals = new LinkedHashSet<>(settings.roleArns());
        if (settings.ownRoles()) {
            for (List<EnvironmentSpec> step : platform.promotionSteps()) {
                EnvironmentSpec source = step.get(0);
                EnvironmentSpec target = step.get(1);
                if (environments.contains(source)) {
                    platform.services().forEach(service -> principals.add(RoleNames.arn(target.account(),
                            RoleNames.promoter(platform.name(), target.name(), service.name()))));
                }
            }
        }
        return List.copyOf(principals);
    }

    /** As the file says, else ENHANCED: BASIC would switch off Amazon Inspector scanning where an organisation turned it on. */
    private static RegistryScanType scanType(Platform platform) {
        return ConstructEnums.scanType(platform.scanType());
    }

    /**
     * The cache namespaces ({@code <prefix>}) of the pull-through cache rules in the registry of {@code account} and
     * {@code region}: the rules of every environment there, since a rule serves its whole registry.
     *
     * @param platform the platform
     * @param account  the registry's account
     * @param region   the registry's region
     * @return the cache prefixes, in file order
     */
    public static List<String> cachePrefixes(Platform platform, String account, String region) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (EnvironmentSpec env : platform.environmentsIn(new platform.RegistryLocation(account, region))) {
            for (PullThroughCacheSpec rule : platform.registry().pullThroughCache()) {
                if (rule.environments().isEmpty() || rule.environments().contains(env.name())) {
                    prefixes.add(cacheRule(rule).ecrRepositoryPrefix());
                }
            }
        }
        return List.copyOf(prefixes);
    }

    private static List<RegistryScanningRule> userScanRules(Platform platform) {
        List<RegistryScanningRule> rules = new ArrayList<>();
        for (ScanRule rule : platform.registry().scanning().rules()) {
            rules.add(RegistryScanningRule.of(frequency(rule.frequency()), rule.filters().toArray(String[]::new)));
        }
        return rules;
    }

    private static RegistryScanFrequency frequency(ScanFrequency frequency) {
        return ConstructEnums.scanFrequency(frequency);
    }

    private static RegistryPullThroughCacheRuleProps cacheRule(PullThroughCacheSpec rule) {
        var upstream = switch (rule.upstream()) {
            case ECR_PUBLIC -> PullThroughCacheUpstream.ECR_PUBLIC;
            case DOCKER_HUB -> PullThroughCacheUpstream.DOCKER_HUB;
            case GITHUB -> PullThroughCacheUpstream.GITHUB_CONTAINER_REGISTRY;
            case QUAY -> PullThroughCacheUpstream.QUAY;
            case K8S -> PullThroughCacheUpstream.KUBERNETES;
            case GITLAB -> PullThroughCacheUpstream.GITLAB_CONTAINER_REGISTRY;
            case AZURE -> PullThroughCacheUpstream.AZURE_CONTAINER_REGISTRY;
            case ECR -> PullThroughCacheUpstream.ECR;
        };
        var builder = RegistryPullThroughCacheRuleProps.builder(upstream);
        if (rule.prefix() != null) {
            builder.ecrRepositoryPrefix(rule.prefix());
        }
        if (rule.credentialArn() != null) {
            builder.credentialArn(rule.credentialArn());
        }
        if (rule.upstreamAccount() != null) {
            builder.upstreamRegistry(rule.upstreamAccount(), rule.upstreamRegion());
        }
        if (rule.azureRegistry() != null) {
            builder.azureRegistry(rule.azureRegistry());
        }
        if (rule.customRoleArn() != null) {
            builder.customRoleArn(rule.customRoleArn());
        }
        if (rule.upstreamRepositoryPrefix() != null) {
            builder.upstreamRepositoryPrefix(rule.upstreamRepositoryPrefix());
        }
        return builder.build();
    }
}
