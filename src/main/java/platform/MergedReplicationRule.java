package platform;

import java.util.List;

/**
 * A replication rule as the source registry gets it: the file's {@code replicaRegions} and {@code registry.replication}
 * rules of one environment, merged by repository prefixes. ECR's limits (10 rules a registry, 25 unique destinations)
 * apply to these, not to the rules as written.
 *
 * @param source       the environment whose repositories are replicated
 * @param prefixes     repository-name prefixes (PREFIX_MATCH), e.g. {@code shop/prod/} or {@code shop/prod/payment-service}
 * @param destinations where to, in the order first named
 */
public record MergedReplicationRule(EnvironmentSpec source, List<String> prefixes, List<RegistryLocation> destinations) {

    /**
     * Copies the lists.
     *
     * @param source the environment whose repositories are replicated
     * @param prefixes repository-name prefixes (PREFIX_MATCH)
     * @param destinations where to, in the order first named
     */
    public MergedReplicationRule {
        prefixes = List.copyOf(prefixes);
        destinations = List.copyOf(destinations);
    }
}
