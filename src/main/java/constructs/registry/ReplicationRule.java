package constructs.registry;

import java.util.List;

/**
 * One replication rule: destinations and the repository-name prefixes it replicates.
 *
 * @param destinations  at least one destination
 * @param prefixFilters PREFIX_MATCH filters (repository-name prefixes such as {@code "shop/prod/"}),
 *                      at most 100. Default: none, so every repository of the registry is replicated
 */
public record ReplicationRule(List<ReplicationDestination> destinations, List<String> prefixFilters) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param destinations at least one destination
     * @param prefixFilters PREFIX_MATCH filters (repository-name prefixes such as {@code "shop/prod/"}), at most 100. Default: none, so every repository of the registry is replicated
     */
    public ReplicationRule {
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
    public static ReplicationRule of(List<ReplicationDestination> destinations, String... prefixFilters) {
        return new ReplicationRule(destinations, List.of(prefixFilters));
    }
}
