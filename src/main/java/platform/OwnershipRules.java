package platform;

import java.util.List;

/**
 * The rules of {@code accounts[]} and {@code registry.ownership[]}: every account and registry claimed is one the
 * platform deploys to, once, and a setting left to another owner is not one the file asks this platform to write.
 */
final class OwnershipRules extends SectionRules {

    OwnershipRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        ownership();
    }

    /**
     * Every account and registry the file claims must be one the platform deploys to, once; and a setting left to
     * another owner must not be one the file asks this platform to write.
     */
    private void ownership() {
        List<String> accounts = platform.environments().stream().map(EnvironmentSpec::account).filter(a -> a != null).distinct().toList();
        List<Account> claimed = platform.accountOwnership();
        duplicates("accounts", claimed.stream().map(Account::account).toList(), "account");
        for (int i = 0; i < claimed.size(); i++) {
            String account = claimed.get(i).account();
            if (account != null && !accounts.contains(account)) {
                problems.add("accounts[" + i + "].account", "account \"" + account + "\" holds no environment of this platform",
                        "use one of " + String.join(", ", accounts) + ", or remove the entry");
            }
        }
        if (!repositoryPrefixesKnown()) {
            return;
        }
        List<RegistryLocation> registries = platform.registryLocations();
        List<RegistryOwnership> owners = platform.registry().ownership();
        duplicates("registry.ownership", owners.stream().map(o -> o.account() + "/" + o.region()).toList(), "registry");
        for (int i = 0; i < owners.size(); i++) {
            RegistryOwnership owner = owners.get(i);
            String path = "registry.ownership[" + i + "]";
            if (owner.account() == null || owner.region() == null) {
                continue;
            }
            RegistryLocation location = owner.location();
            if (!registries.contains(location)) {
                problems.add(path, "registry " + location + " is not one this platform configures",
                        "use one of " + String.join(", ", registries.stream().map(RegistryLocation::toString).toList())
                                + " (environments' registries and replication destinations)");
                continue;
            }
            if (owner.replication() == SettingOwnership.EXISTING && !platform.mergedReplicationRules(location).isEmpty()) {
                problems.add(path + ".replication", "replication is left as it is, but the file replicates environment \""
                                + platform.mergedReplicationRules(location).get(0).source().name() + "\" from " + location
                                + " (the replication configuration is one per registry: writing it would replace the owner's rules)",
                        "set replication: managed and declare every rule of this registry here, or remove the environment's"
                                + " replicaRegions and registry.replication rules and have the owner add them");
            }
            if (owner.registryPolicy() == SettingOwnership.EXISTING) {
                for (EnvironmentSpec env : platform.environments()) {
                    boolean intoHere = !env.account().equals(location.account())
                            && platform.mergedReplicationRules(new RegistryLocation(env.account(), env.region())).stream()
                            .anyMatch(r -> r.source().equals(env) && r.destinations().contains(location));
                    if (intoHere) {
                        problems.add(path + ".registryPolicy", "the registry policy is left as it is, but environment \""
                                        + env.name() + "\" replicates from account " + env.account() + " into " + location
                                        + ", which needs a registry policy statement there",
                                "set registryPolicy: managed, or have the owner allow ecr:CreateRepository and"
                                        + " ecr:ReplicateImage for account " + env.account() + " and keep it managed elsewhere;"
                                        + " then replicate from another place");
                        break;
                    }
                }
            }
            if (owner.signing() == SettingOwnership.EXISTING && platform.registry().signing() != null
                    && !platform.environmentsIn(location).isEmpty()) {
                problems.add(path + ".signing", "signing is left as it is, but registry.signing asks for managed signing of"
                                + " this platform's repositories in " + location,
                        "set signing: managed, or remove registry.signing and have the owner add the rule");
            }
        }
    }
}
