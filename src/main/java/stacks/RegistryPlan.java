package stacks;

import constructs.registry.CreationTemplateAppliedFor;
import constructs.registry.PullThroughCacheRuleProps;
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
import constructs.registry.ReplicationRule;
import constructs.registry.RepositoryCreationTemplateProps;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.LifecycleRetention;
import platform.Environment;
import platform.Platform;
import platform.PullThroughCacheRule;
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

    /**
     * Cached base images: untagged leftovers go after 7 days, and the newest 20 images of each cached
     * repository stay (upstream tags move; older copies are only a rollback aid for builds).
     */
    static final LifecycleRetention CACHE_RETENTION = LifecycleRetention.builder()
            .untaggedExpiryDays(7).keepLastImages(20).build();

    /** A registry: account and region. */
    public record Registry(String account, String region) {
        String key() {
            return account + "/" + region;
        }
    }

    private final Map<Registry, List<RegistryContribution>> contributions = new LinkedHashMap<>();

    private RegistryPlan() {
    }

    public static RegistryPlan of(Platform platform) {
        RegistryPlan plan = new RegistryPlan();
        Map<Registry, List<Environment>> byRegistry = new LinkedHashMap<>();
        for (Environment env : platform.environments()) {
            byRegistry.computeIfAbsent(new Registry(env.account(), env.region()), r -> new ArrayList<>()).add(env);
        }
        byRegistry.forEach((registry, environments) -> plan.environmentRegistry(platform, registry, environments));
        plan.replicaRegistries(platform, byRegistry);
        return plan;
    }

    /** Registries in creation order: environments' first, then replica destinations. */
    public Map<Registry, List<RegistryContribution>> contributions() {
        return contributions;
    }

    private void environmentRegistry(Platform platform, Registry registry, List<Environment> environments) {
        RegistryScanType scanType = scanType(platform, environments);
        List<RegistryContribution> list = contributions.computeIfAbsent(registry, r -> new ArrayList<>());
        // Cached base images are shared by the registry's environments: scanned once, at the most
        // frequent of the frequencies of the environments that use them.
        Set<String> cacheFilters = new LinkedHashSet<>();
        RegistryScanFrequency cacheFrequency = null;
        for (Environment env : environments) {
            var contribution = RegistryContribution.builder("environment " + env.name());
            RegistryScanFrequency frequency = frequency(platform.profile(env).scanFrequency());
            for (PullThroughCacheRule rule : platform.registry().pullThroughCache()) {
                if (!rule.environments().isEmpty() && !rule.environments().contains(env.name())) {
                    continue;
                }
                PullThroughCacheRuleProps props = cacheRule(rule);
                cacheFilters.add(props.ecrRepositoryPrefix() + "/*");
                cacheFrequency = cacheFrequency == RegistryScanFrequency.CONTINUOUS_SCAN ? cacheFrequency : frequency;
                contribution.cacheRule(props);
                contribution.template(RepositoryCreationTemplateProps.builder()
                        .prefix(props.ecrRepositoryPrefix())
                        .appliedFor(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)
                        .lifecyclePolicy(LifecyclePresets.environmentPolicy(CACHE_RETENTION))
                        .description("Cached " + rule.upstream().fileValue() + " base images")
                        .build());
            }
            contribution.scanning(RegistryScanningProps.builder().scanType(scanType)
                    .rules(RegistryScanningRule.of(frequency, platform.repositoryPrefix(env) + "*"))
                    .build());
            list.add(contribution.build());
        }
        if (!cacheFilters.isEmpty()) {
            list.add(RegistryContribution.builder("registry.pullThroughCache")
                    .scanning(RegistryScanningProps.builder().scanType(scanType)
                            .rules(RegistryScanningRule.of(cacheFrequency, cacheFilters.toArray(String[]::new))).build())
                    .build());
        }
        // Replication is one configuration a registry: every environment's rules in one place.
        List<ReplicationRule> replication = new ArrayList<>();
        for (Environment env : environments) {
            Set<ReplicationDestination> destinations = new LinkedHashSet<>();
            env.replicaRegions().forEach(region -> destinations.add(ReplicationDestination.of(region, env.account())));
            platform.replicationRules(env).forEach(rule -> rule.destinations().forEach(d ->
                    destinations.add(ReplicationDestination.of(d.region(), d.account() == null ? env.account() : d.account()))));
            if (!destinations.isEmpty()) {
                replication.add(ReplicationRule.of(List.copyOf(destinations), platform.repositoryPrefix(env)));
            }
        }
        if (!replication.isEmpty()) {
            list.add(RegistryContribution.builder("replication of " + registry.key())
                    .replication(RegistryReplicationProps.builder().rules(replication).build()).build());
        }
        if (!platform.registry().scanning().rules().isEmpty()) {
            list.add(RegistryContribution.builder("registry.scanning")
                    .scanning(RegistryScanningProps.builder().scanType(scanType).rules(userScanRules(platform)).build()).build());
        }
        if (!platform.registry().creationTemplates().isEmpty()) {
            var templates = RegistryContribution.builder("registry.creationTemplates");
            platform.registry().creationTemplates().forEach(t -> templates.template(RepositoryCreationTemplateProps.builder()
                    .prefix(t.prefix())
                    .appliedFor(t.appliedFor().stream().map(a -> CreationTemplateAppliedFor.valueOf(a.name())).toList())
                    .lifecyclePolicy(LifecyclePresets.environmentPolicy(CACHE_RETENTION))
                    .description(t.description())
                    .build()));
            list.add(templates.build());
        }
    }

    /** Where replicas land: a REPLICATION template (KMS with the region's key, immutable, lifecycle) and scanning. */
    private void replicaRegistries(Platform platform, Map<Registry, List<Environment>> environmentRegistries) {
        for (Environment env : platform.environments()) {
            Set<Registry> destinations = new LinkedHashSet<>();
            env.replicaRegions().forEach(region -> destinations.add(new Registry(env.account(), region)));
            platform.replicationRules(env).forEach(rule -> rule.destinations().forEach(d ->
                    destinations.add(new Registry(d.account() == null ? env.account() : d.account(), d.region()))));
            for (Registry destination : destinations) {
                String prefix = platform.repositoryPrefix(env);
                // ECR replicates images, not repository policies: consumers of the replicas are granted by the template.
                var replicaPolicy = destination.account().equals(env.account())
                        ? EnvironmentStack.replicaPolicy(platform, env, destination.region()) : null;
                var contribution = RegistryContribution.builder("replicas of environment " + env.name())
                        .template(RepositoryCreationTemplateProps.builder()
                                .prefix(prefix.substring(0, prefix.length() - 1))
                                .appliedFor(CreationTemplateAppliedFor.REPLICATION)
                                .lifecyclePolicy(platform.lifecyclePolicy(platform.profile(env)))
                                .description("Replicas of " + platform.name() + " " + env.name())
                                .repositoryPolicy(replicaPolicy == null || replicaPolicy.isEmpty() ? null : replicaPolicy)
                                .build());
                if (!environmentRegistries.containsKey(destination)) {
                    contribution.scanning(RegistryScanningProps.builder()
                            .scanType(scanType(platform, List.of(env)))
                            .rules(RegistryScanningRule.of(frequency(platform.profile(env).scanFrequency()), prefix + "*"))
                            .build());
                }
                if (!destination.account().equals(env.account())) {
                    contribution.registryPolicy(RegistryPolicyProps.of(
                            RegistryPolicyStatement.allowReplicationFrom(env.account(), true, prefix)));
                }
                contributions.computeIfAbsent(destination, r -> new ArrayList<>()).add(contribution.build());
            }
        }
    }

    /** As the file says, else ENHANCED where some repository of the registry scans continuously, else BASIC. */
    private static RegistryScanType scanType(Platform platform, List<Environment> environments) {
        return RegistryScanType.valueOf(platform.scanType(environments).name());
    }

    /**
     * The cache namespaces ({@code <prefix>}) of the pull-through cache rules in the registry of {@code account} and
     * {@code region}: the rules of every environment there, since a rule serves its whole registry.
     */
    public static List<String> cachePrefixes(Platform platform, String account, String region) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Environment env : platform.environmentsIn(new platform.RegistryLocation(account, region))) {
            for (PullThroughCacheRule rule : platform.registry().pullThroughCache()) {
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
        return RegistryScanFrequency.valueOf(frequency.name());
    }

    private static PullThroughCacheRuleProps cacheRule(PullThroughCacheRule rule) {
        var upstream = switch (rule.upstream()) {
            case ECR_PUBLIC -> PullThroughCacheUpstream.ECR_PUBLIC;
            case DOCKER_HUB -> PullThroughCacheUpstream.DOCKER_HUB;
            case GITHUB -> PullThroughCacheUpstream.GITHUB_CONTAINER_REGISTRY;
            case QUAY -> PullThroughCacheUpstream.QUAY;
            case K8S -> PullThroughCacheUpstream.KUBERNETES;
            case ECR -> PullThroughCacheUpstream.ECR;
        };
        var builder = PullThroughCacheRuleProps.builder(upstream);
        if (rule.prefix() != null) {
            builder.ecrRepositoryPrefix(rule.prefix());
        }
        if (rule.credentialArn() != null) {
            builder.credentialArn(rule.credentialArn());
        }
        if (rule.upstreamAccount() != null) {
            builder.upstreamRegistry(rule.upstreamAccount(), rule.upstreamRegion());
        }
        return builder.build();
    }
}
