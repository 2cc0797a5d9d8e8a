package platform;

/**
 * Who owns each registry-wide singleton of one account and region. A registry not listed is managed here entirely;
 * a setting the platform has nothing to write (no replication, no signing) is written by no one here either way.
 */
public record RegistryOwnership(
        @Field(required = true, pattern = NameFormats.ACCOUNT, value = "The registry's 12-digit AWS account id, quoted.")
        String account,
        @Field(required = true, pattern = NameFormats.REGION, value = "The registry's region.")
        String region,
        @Field("The scanning configuration. managed: written here, covering the platform's repositories and, with a catch-all"
                + " rule, every other repository of the registry; existing: left as it is. Default: managed.")
        SettingOwnership scanning,
        @Field("The replication configuration (replicaRegions, registry.replication). Default: managed.")
        SettingOwnership replication,
        @Field("The registry policy (written where another account replicates into this registry). Default: managed.")
        SettingOwnership registryPolicy,
        @Field("The managed-signing configuration (registry.signing). Default: managed.")
        SettingOwnership signing,
        @Field("The ECR account settings (registry.accountSettings). Default: managed.")
        SettingOwnership accountSettings,
        @Field("Amazon Inspector's ECR re-scan durations (registry.inspector). Default: managed.")
        SettingOwnership inspector) {

    /**
     * Applies the defaults: every setting managed here unless the file says existing.
     *
     * @param account the registry's 12-digit AWS account id
     * @param region the registry's region
     * @param scanning owner of the scanning configuration. Default: managed
     * @param replication owner of the replication configuration. Default: managed
     * @param registryPolicy owner of the registry policy. Default: managed
     * @param signing owner of the managed-signing configuration. Default: managed
     * @param accountSettings owner of the ECR account settings. Default: managed
     * @param inspector owner of Amazon Inspector's ECR re-scan durations. Default: managed
     */
    public RegistryOwnership {
        scanning = scanning == null ? SettingOwnership.MANAGED : scanning;
        replication = replication == null ? SettingOwnership.MANAGED : replication;
        registryPolicy = registryPolicy == null ? SettingOwnership.MANAGED : registryPolicy;
        signing = signing == null ? SettingOwnership.MANAGED : signing;
        accountSettings = accountSettings == null ? SettingOwnership.MANAGED : accountSettings;
        inspector = inspector == null ? SettingOwnership.MANAGED : inspector;
    }

    /**
     * The ownership of release 0.x, before account settings and Inspector re-scan durations: both managed here.
     *
     * @param account the registry's 12-digit AWS account id
     * @param region the registry's region
     * @param scanning owner of the scanning configuration
     * @param replication owner of the replication configuration
     * @param registryPolicy owner of the registry policy
     * @param signing owner of the managed-signing configuration
     */
    public RegistryOwnership(String account, String region, SettingOwnership scanning, SettingOwnership replication,
                             SettingOwnership registryPolicy, SettingOwnership signing) {
        this(account, region, scanning, replication, registryPolicy, signing, null, null);
    }

    /**
     * A registry managed here entirely: the default for a registry the file does not list.
     *
     * @param location the registry's account and region
     * @return an ownership with every setting managed here
     */
    public static RegistryOwnership managed(RegistryLocation location) {
        return new RegistryOwnership(location.account(), location.region(), null, null, null, null);
    }

    /**
     * The registry this ownership is about.
     *
     * @return the registry's account and region
     */
    public RegistryLocation location() {
        return new RegistryLocation(account, region);
    }
}
