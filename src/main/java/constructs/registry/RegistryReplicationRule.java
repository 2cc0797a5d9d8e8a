package constructs.registry;

import java.util.List;

/**
 * One replication rule: destinations and the repository-name prefixes it replicates.
 *
 * @param destinations  at least one destination
 * @param prefixFilters PREFIX_MATCH filters (repository-name prefixes such as {@code "shop/prod/"}),
 *                      at most 100. Default: none, so every repository of the registry is replicated
 */
public record RegistryReplicationRule(List<ReplicationDestination> destinations, List<String> prefixFilters) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param destinations at least one destination
     * @param prefixFilters PREFIX_MATCH filters (repository-name prefixes such as {@code "shop/prod/"}), at most 100. Default: none, so every repository of the registry is replicated
     */
    public RegistryReplicationRule {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        prefixFilters = prefixFilters == null ? List.of() : List.copyOf(prefixFilters);
    }

    /**
     * A rule replicating repositories that start with any prefix (none: every repository) to the destinations.
     *
     * @param destinations where to
     * @param prefixFilters PREFIX_MATCH filters on repository names
     * @return the rule
     */
    public static RegistryReplicationRule of(List<ReplicationDestination> destinations, String... prefixFilters) {
        return new RegistryReplicationRule(destinations, List.of(prefixFilters));
    }
}
