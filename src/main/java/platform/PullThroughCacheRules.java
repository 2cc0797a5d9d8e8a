package platform;

import limits.AwsLimits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code registry.pullThroughCache}: ECR's limits, prefixes, upstream credentials and secrets.
 */
final class PullThroughCacheRules extends SectionRules {

    PullThroughCacheRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        pullThroughCache();
    }

    private void pullThroughCache() {
        List<PullThroughCacheSpec> rules = platform.registry().pullThroughCache();
        if (rules.size() > AwsLimits.ECR_PULL_THROUGH_CACHE_RULES) {
            problems.add("registry.pullThroughCache", rules.size() + " pull-through cache rules exceed ECR's limit of "
                    + AwsLimits.ECR_PULL_THROUGH_CACHE_RULES + " a registry", "cache fewer upstream registries");
        }
        cachePrefixesPerRegistry(rules);
        for (int i = 0; i < rules.size(); i++) {
            PullThroughCacheSpec rule = rules.get(i);
            String path = "registry.pullThroughCache[" + i + "]";
            references(path + ".environments", rule.environments(), "environments",
                    platform.environments().stream().map(EnvironmentSpec::name).toList(), "environment");
            if (rule.upstream() == null) {
                continue;
            }
            if (rule.credentialArn() != null) {
                String[] arn = rule.credentialArn().split(":");
                for (EnvironmentSpec env : platform.environments()) {
                    if (rule.appliesTo(env) && env.account() != null && env.region() != null
                            && !(arn[3].equals(env.region()) && arn[4].equals(env.account()))) {
                        problems.add(path + ".credentialArn", "the secret is in account " + arn[4] + ", region " + arn[3]
                                        + ", but the rule is also created for environment \"" + env.name() + "\" in account "
                                        + env.account() + ", region " + env.region() + " (ECR reads a secret of the rule's own account and region only)",
                                "limit the rule with environments: [...] to the account and region of the secret, and add a rule with"
                                        + " that registry's own secret where needed");
                        break;
                    }
                }
            }
            String upstream = rule.upstream().fileValue();
            String prefix = rule.prefix();
            if (prefix != null && problems.isUsable(path + ".prefix")) {
                if (prefix.length() < 2 || prefix.length() > 30) {
                    problems.add(path + ".prefix", "prefix \"" + prefix + "\" must be 2 to 30 characters long",
                            "use e.g. \"" + upstream + "\"");
                } else if (platform.name() != null && (prefix.equals(platform.name()) || prefix.startsWith(platform.name() + "/"))) {
                    problems.add(path + ".prefix", "prefix \"" + prefix + "\" is the platform's own repository prefix:"
                                    + " cached images would mix with the platform's repositories and their access rules",
                            "use a prefix of its own, e.g. \"" + upstream + "\"");
                }
            }
            if (rule.upstream().needsCredential() && rule.credentialArn() == null && problems.isUsable(path + ".credentialArn")) {
                problems.add(path + ".credentialArn", upstream + " needs credentialArn (ECR accepts this upstream only with credentials)",
                        "store the credentials in Secrets Manager as ecr-pullthroughcache/" + upstream + " and give the secret's ARN");
            }
            if (!rule.upstream().needsCredential() && rule.credentialArn() != null) {
                problems.add(path + ".credentialArn", upstream + " takes no credentialArn",
                        rule.upstream() == Upstream.ECR ? "remove it; ECR-to-ECR caching uses IAM" : "remove it");
            }
            if (rule.upstream() == Upstream.ECR && rule.upstreamAccount() == null && problems.isUsable(path + ".upstreamAccount")) {
                problems.add(path + ".upstreamAccount", "ecr needs upstreamAccount (the registry images are cached from)",
                        "add upstreamAccount: \"<12-digit account id>\"");
            }
            if (rule.upstream() != Upstream.ECR && (rule.upstreamAccount() != null || rule.upstreamRegion() != null)) {
                problems.add(path + (rule.upstreamAccount() != null ? ".upstreamAccount" : ".upstreamRegion"),
                        "upstreamAccount and upstreamRegion are for upstream ecr only", "remove them");
            }
        }
    }

    /**
     * A cache prefix is unique within one registry: rules for the same prefix are fine when they apply to different
     * accounts or regions (each with its own secret).
     */
    private void cachePrefixesPerRegistry(List<PullThroughCacheSpec> rules) {
        Map<String, Integer> seen = new HashMap<>();
        Set<Integer> reported = new java.util.HashSet<>();
        for (EnvironmentSpec env : platform.environments()) {
            if (env.account() == null || env.region() == null) {
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                PullThroughCacheSpec rule = rules.get(i);
                if (rule.prefix() == null || !rule.appliesTo(env)) {
                    continue;
                }
                Integer first = seen.putIfAbsent(env.account() + "/" + env.region() + "/" + rule.prefix(), i);
                if (first != null && first != i && reported.add(i)) {
                    problems.add("registry.pullThroughCache[" + i + "]", "prefix \"" + rule.prefix() + "\" is listed twice for"
                                    + " account " + env.account() + ", region " + env.region() + " (also registry.pullThroughCache["
                                    + first + "])",
                            "remove the second one, or limit each rule with environments: [...] to registries of its own");
                }
            }
        }
    }
}
