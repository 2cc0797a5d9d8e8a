package platform;

import java.util.List;

/** Registry-wide settings, created by the registry stack of every account and region that hosts an environment. */
public record Registry(
        @Field("Registry scanning. Default: ENHANCED when some repository scans continuously (prod does), else BASIC; frequencies from the profiles.")
        Scanning scanning,
        @Field("Replication rules beyond environments' replicaRegions (cross-account, disaster recovery). Default: none.")
        List<ReplicationRule> replication,
        @Field("Pull-through cache rules for trusted upstream registries. Default: none.")
        List<PullThroughCacheRule> pullThroughCache,
        @Field("Repository creation templates besides the ones generated for the cache and replication. Default: none.")
        List<CreationTemplate> creationTemplates,
        @Field("Managed image signing with AWS Signer. Default: off.")
        Signing signing) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param scanning registry scanning. Default: ENHANCED when some repository scans continuously (prod does), else BASIC; frequencies from the profiles.
     * @param replication replication rules beyond environments' replicaRegions (cross-account, disaster recovery). Default: none.
     * @param pullThroughCache pull-through cache rules for trusted upstream registries. Default: none.
     * @param creationTemplates repository creation templates besides the ones generated for the cache and replication. Default: none.
     * @param signing managed image signing with AWS Signer. Default: off.
     */
    public Registry {
        scanning = scanning == null ? new Scanning(null, null) : scanning;
        replication = replication == null ? List.of() : List.copyOf(replication);
        pullThroughCache = pullThroughCache == null ? List.of() : List.copyOf(pullThroughCache);
        creationTemplates = creationTemplates == null ? List.of() : List.copyOf(creationTemplates);
    }
}
