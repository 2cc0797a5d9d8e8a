package platform;

import limits.AwsLimits;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of {@code registry.replication} and replica regions: references, prefixes, partitions and ECR's limits on
 * the rules a registry gets.
 */
final class ReplicationRules extends SectionRules {

    ReplicationRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        replication();
    }

    private void replication() {
        List<ReplicationRuleSpec> rules = platform.registry().replication();
        List<String> names = platform.environments().stream().map(EnvironmentSpec::name).toList();
        for (int i = 0; i < rules.size(); i++) {
            ReplicationRuleSpec rule = rules.get(i);
            String path = "registry.replication[" + i + "]";
            references(path + ".environments", rule.environments(), "environments", names, "environment");
            replicationPrefixes(path, rule);
            if (rule.repositoryPrefixes().size() > AwsLimits.ECR_FILTERS_PER_RULE) {
                problems.add(path + ".repositoryPrefixes", rule.repositoryPrefixes().size() + " filters exceed ECR's limit of "
                        + AwsLimits.ECR_FILTERS_PER_RULE + " a rule", "use shorter prefixes that cover more repositories");
            }
            for (EnvironmentSpec env : platform.environments()) {
                if (!platform.replicationRules(env).contains(rule) || env.account() == null) {
                    continue;
                }
                for (int k = 0; k < rule.destinations().size(); k++) {
                    ReplicationDestination d = rule.destinations().get(k);
                    if (env.region() != null && d.region() != null
                            && crossPartition(path + ".destinations[" + k + "].region", env.region(), d.region())) {
                        continue;
                    }
                    if (env.region() != null && env.region().equals(d.region()) && env.account().equals(d.account(env))) {
                        problems.add(path + ".destinations[" + k + "]", "destination " + d.account(env) + "/" + d.region()
                                        + " is the registry of environment \"" + env.name() + "\" itself",
                                "replicate to another region or account");
                    }
                }
            }
        }
        // The limits apply to the rules the registry gets, merged per environment and prefixes (Platform#mergedReplicationRules).
        if (!repositoryPrefixesKnown()) {
            return;
        }
        for (RegistryLocation registry : platform.registryLocations()) {
            if (platform.environmentsIn(registry).isEmpty()) {
                continue;
            }
            List<MergedReplicationRule> merged = platform.mergedReplicationRules(registry);
            String where = registry.account() + ", region " + registry.region();
            if (merged.size() > AwsLimits.ECR_REPLICATION_RULES) {
                problems.add("registry.replication", merged.size() + " replication rules in account " + where
                                + " (one per environment and set of repositoryPrefixes) exceed ECR's limit of " + AwsLimits.ECR_REPLICATION_RULES,
                        "give rules of one environment the same repositoryPrefixes, or replicate fewer environments");
            }
            Set<RegistryLocation> destinations = new LinkedHashSet<>();
            merged.forEach(rule -> destinations.addAll(rule.destinations()));
            if (destinations.size() > AwsLimits.ECR_REPLICATION_DESTINATIONS) {
                problems.add("registry.replication", destinations.size() + " unique replication destinations from account "
                        + where + " exceed ECR's limit of " + AwsLimits.ECR_REPLICATION_DESTINATIONS, "replicate to fewer regions or accounts");
            }
        }
    }

    /** A rule's repositoryPrefixes select repositories of the environments it covers, never another environment's. */
    private void replicationPrefixes(String path, ReplicationRuleSpec rule) {
        if (!repositoryPrefixesKnown()) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.name() == null || !platform.replicationRules(env).contains(rule)) {
                continue;
            }
            String own = platform.repositoryPrefix(env);
            for (int k = 0; k < rule.repositoryPrefixes().size(); k++) {
                String prefix = rule.repositoryPrefixes().get(k);
                if (prefix != null && !prefix.startsWith(own)) {
                    problems.add(path + ".repositoryPrefixes[" + k + "]", "prefix \"" + prefix + "\" does not select repositories"
                                    + " of environment \"" + env.name() + "\" (they all start with \"" + own + "\")",
                            "start it with \"" + own + "\", e.g. \"" + own + (platform.services().isEmpty() ? "" : platform.services().get(0).name()) + "\"");
                }
            }
        }
    }
}
