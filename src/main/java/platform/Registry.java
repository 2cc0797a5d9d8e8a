package platform;

import java.util.List;

/** Registry-wide settings, created by the registry stack of every account and region that hosts an environment. */
public record Registry(
        @Field("Registry scanning. Default: ENHANCED when some repository scans continuously (prod does), else BASIC; frequencies from the profiles.")
        Scanning scanning,
        @Field("Replication rules beyond environments' replicaRegions (cross-account, disaster recovery). Default: none.")
        List<ReplicationRuleSpec> replication,
        @Field("Pull-through cache rules for trusted upstream registries. Default: none.")
        List<PullThroughCacheSpec> pullThroughCache,
        @Field("Repository creation templates besides the ones generated for the cache and replication. Default: none.")
        List<CreationTemplate> creationTemplates,
        @Field("Managed image signing with AWS Signer. Default: off.")
        Signing signing,
        @Field("Who owns each registry-wide singleton, per account and region: managed here or left as it is (existing)."
                + " Two platforms sharing a registry give each singleton one owner (docs/registry.md). Default: every"
                + " registry the platform configures is managed here.")
        List<RegistryOwnership> ownership,
        @Field("Principals whose pulls do not update an image's last pull time, so pull-based lifecycle rules see only workloads. Default: none.")
        PullTimeExclusions pullTimeUpdateExclusions,
        @Field("ECR account settings of the registries where environments live (basic scan engine, registry policy scope,"
                + " blob mounting). Default: left as they are.")
        AccountSettings accountSettings,
        @Field("Amazon Inspector's re-scan durations for ECR images in the registries where environments live. Default: left as they are.")
        InspectorRescan inspector) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param scanning registry scanning. Default: ENHANCED when some repository scans continuously (prod does), else BASIC; frequencies from the profiles.
     * @param replication replication rules beyond environments' replicaRegions (cross-account, disaster recovery). Default: none.
     * @param pullThroughCache pull-through cache rules for trusted upstream registries. Default: none.
     * @param creationTemplates repository creation templates besides the ones generated for the cache and replication. Default: none.
     * @param signing managed image signing with AWS Signer. Default: off.
     * @param ownership who owns each registry-wide singleton per account and region. Default: every registry managed here.
     * @param pullTimeUpdateExclusions principals whose pulls do not update an image's last pull time. Default: none.
     * @param accountSettings ECR account settings of the registries where environments live. Default: left as they are.
     * @param inspector Amazon Inspector's re-scan durations for ECR images. Default: left as they are.
     */
    public Registry {
        scanning = scanning == null ? new Scanning(null, null) : scanning;
        replication = replication == null ? List.of() : List.copyOf(replication);
        pullThroughCache = pullThroughCache == null ? List.of() : List.copyOf(pullThroughCache);
        creationTemplates = creationTemplates == null ? List.of() : List.copyOf(creationTemplates);
        ownership = ownership == null ? List.of() : List.copyOf(ownership);
        pullTimeUpdateExclusions = pullTimeUpdateExclusions == null ? new PullTimeExclusions(null, false) : pullTimeUpdateExclusions;
        accountSettings = accountSettings == null ? new AccountSettings(null, null, null) : accountSettings;
    }

    /**
     * Registry settings without account settings and Inspector re-scan durations.
     *
     * @param scanning registry scanning
     * @param replication replication rules beyond environments' replicaRegions
     * @param pullThroughCache pull-through cache rules
     * @param creationTemplates repository creation templates
     * @param signing managed image signing
     * @param ownership who owns each registry-wide singleton per account and region
     * @param pullTimeUpdateExclusions principals whose pulls do not update an image's last pull time
     */
    public Registry(Scanning scanning, List<ReplicationRuleSpec> replication, List<PullThroughCacheSpec> pullThroughCache,
                    List<CreationTemplate> creationTemplates, Signing signing, List<RegistryOwnership> ownership,
                    PullTimeExclusions pullTimeUpdateExclusions) {
        this(scanning, replication, pullThroughCache, creationTemplates, signing, ownership, pullTimeUpdateExclusions, null, null);
    }

    /**
     * Registry settings with every registry managed here and no pull-time update exclusions (release 0.1.0).
     *
     * @param scanning registry scanning
     * @param replication replication rules beyond environments' replicaRegions
     * @param pullThroughCache pull-through cache rules
     * @param creationTemplates repository creation templates
     * @param signing managed image signing
     */
    public Registry(Scanning scanning, List<ReplicationRuleSpec> replication, List<PullThroughCacheSpec> pullThroughCache,
                    List<CreationTemplate> creationTemplates, Signing signing) {
        this(scanning, replication, pullThroughCache, creationTemplates, signing, null, null, null, null);
    }

    /**
     * Registry settings without pull-time update exclusions.
     *
     * @param scanning registry scanning
     * @param replication replication rules beyond environments' replicaRegions
     * @param pullThroughCache pull-through cache rules
     * @param creationTemplates repository creation templates
     * @param signing managed image signing
     * @param ownership who owns each registry-wide singleton per account and region
     */
    public Registry(Scanning scanning, List<ReplicationRuleSpec> replication, List<PullThroughCacheSpec> pullThroughCache,
                    List<CreationTemplate> creationTemplates, Signing signing, List<RegistryOwnership> ownership) {
        this(scanning, replication, pullThroughCache, creationTemplates, signing, ownership, null, null, null);
    }

    /**
     * Who owns the singletons of a registry: as the file lists it, else everything managed here.
     *
     * @param location the registry's account and region
     * @return the registry's ownership
     */
    public RegistryOwnership ownership(RegistryLocation location) {
        return ownership.stream().filter(o -> location.equals(o.location())).findFirst()
                .orElseGet(() -> RegistryOwnership.managed(location));
    }
}
