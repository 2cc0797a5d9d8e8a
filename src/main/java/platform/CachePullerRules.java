package platform;

/**
 * {@code pullers[].pullThroughCache}: an account puller that pulls base images through the pull-through cache of the
 * environment's registry needs a cache rule there, and a registry policy this platform writes (ECR authorizes
 * {@code ecr:CreateRepository} and {@code ecr:BatchImportUpstreamImage} of another account in the registry policy).
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html
 */
final class CachePullerRules extends SectionRules {

    CachePullerRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        for (int i = 0; i < platform.pullers().size(); i++) {
            Puller puller = platform.pullers().get(i);
            String path = "pullers[" + i + "].pullThroughCache";
            if (!puller.pullThroughCache() || puller.type() == null) {
                continue;
            }
            if (puller.type() != PullerType.ACCOUNT) {
                problems.add(path, "pullThroughCache is for account pullers: a puller of type " + puller.type().fileValue()
                                + (puller.getsRole() ? " gets a role that already pulls through the caches of its registry"
                                : " cannot pull through a cache"),
                        "remove pullThroughCache, or use type: account for a consumer in another account");
                continue;
            }
            for (EnvironmentSpec env : platform.environments(puller)) {
                if (env.account() == null || env.region() == null) {
                    continue;
                }
                RegistryLocation registry = new RegistryLocation(env.account(), env.region());
                boolean cached = platform.environmentsIn(registry).stream().anyMatch(e -> platform.registry().pullThroughCache()
                        .stream().anyMatch(rule -> rule.appliesTo(e)));
                if (!cached) {
                    problems.add(path, "the registry of environment \"" + env.name() + "\" (" + env.account() + ", "
                                    + env.region() + ") has no pull-through cache rule to pull through",
                            "add a registry.pullThroughCache rule for \"" + env.name() + "\", or remove pullThroughCache");
                    break;
                }
                if (platform.registry().ownership(registry).registryPolicy() != SettingOwnership.MANAGED) {
                    problems.add(path, "pulling through the cache of environment \"" + env.name() + "\" from account "
                                    + puller.account(env) + " needs a statement in the registry policy of " + env.account()
                                    + " in " + env.region() + ", which registry.ownership leaves to its existing owner",
                            "add the statement to that registry policy yourself and remove pullThroughCache, or manage the "
                                    + "registry policy here");
                    break;
                }
            }
        }
    }
}
