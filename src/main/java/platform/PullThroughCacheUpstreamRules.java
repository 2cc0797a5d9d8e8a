package platform;

import java.util.List;

/**
 * The upstream-specific settings of {@code registry.pullThroughCache[]}: the Azure registry name, and the role and
 * upstream prefix of ECR-to-ECR caches. Patterns are the binder's; here, which upstream takes which setting.
 */
final class PullThroughCacheUpstreamRules {

    private PullThroughCacheUpstreamRules() {
    }

    static void check(Platform platform, Problems problems) {
        List<PullThroughCacheSpec> rules = platform.registry().pullThroughCache();
        for (int i = 0; i < rules.size(); i++) {
            PullThroughCacheSpec rule = rules.get(i);
            String path = "registry.pullThroughCache[" + i + "]";
            if (rule.upstream() == null) {
                continue;
            }
            if (rule.upstream() == Upstream.AZURE && rule.azureRegistry() == null && problems.isUsable(path + ".azureRegistry")) {
                problems.add(path + ".azureRegistry", "azure needs azureRegistry (ECR caches from <azureRegistry>.azurecr.io)",
                        "add azureRegistry: <the registry name before .azurecr.io>");
            }
            if (rule.upstream() != Upstream.AZURE && rule.azureRegistry() != null) {
                problems.add(path + ".azureRegistry", "azureRegistry is for upstream azure only", "remove it");
            }
            if (rule.upstream() != Upstream.ECR) {
                if (rule.customRoleArn() != null) {
                    problems.add(path + ".customRoleArn", "customRoleArn is for upstream ecr only (ECR-to-ECR caching)",
                            "remove it; " + rule.upstream().fileValue() + " authenticates with credentialArn or anonymously");
                }
                if (rule.upstreamRepositoryPrefix() != null) {
                    problems.add(path + ".upstreamRepositoryPrefix", "upstreamRepositoryPrefix is for upstream ecr only", "remove it");
                }
                continue;
            }
            if (rule.customRoleArn() != null || rule.upstreamAccount() == null) {
                continue;
            }
            for (EnvironmentSpec env : platform.environments()) {
                if (rule.appliesTo(env) && env.account() != null && !env.account().equals(rule.upstreamAccount())) {
                    problems.add(path + ".customRoleArn", "the upstream registry " + rule.upstreamAccount() + " is another"
                                    + " account than environment " + env.name() + "'s (" + env.account() + "): ECR reads it only"
                                    + " through a role",
                            "add customRoleArn: a role in " + env.account() + " trusted by ecr.amazonaws.com that may pull"
                                    + " from the upstream registry (docs/registry.md)");
                    break;
                }
            }
        }
    }
}
