package constructs.registry;

/**
 * Where a replication rule copies images: a registry (account id) in a region.
 *
 * @param region     destination region, e.g. {@code eu-central-1}
 * @param registryId destination account id; the source account for cross-region replication
 */
public record ReplicationDestination(String region, String registryId) {

    /**
     * A destination registry.
     *
     * @param region the destination region
     * @param registryId the destination account
     * @return the destination
     */
    public static ReplicationDestination of(String region, String registryId) {
        return new ReplicationDestination(region, registryId);
    }

    @Override
    public String toString() {
        return registryId + "/" + region;
    }
}
