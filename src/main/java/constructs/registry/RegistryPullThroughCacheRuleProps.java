package constructs.registry;

import limits.AwsFormats;
import constructs.internal.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pull-through cache rule.
 *
 * @param upstream                 the upstream registry
 * @param ecrRepositoryPrefix      the cache namespace in this registry (2 to 30 characters; ECR appends
 *                                 {@code /}). Default: {@link PullThroughCacheUpstream#defaultPrefix()}
 *                                 ({@code ecr-public}, {@code docker-hub}, ...); required for ECR
 * @param credentialArn            Secrets Manager secret ARN with the upstream credentials; required for
 *                                 Docker Hub, GitHub and GitLab, not accepted for the others. The secret name
 *                                 must start with {@code ecr-pullthroughcache/}
 * @param upstreamAccount          ECR upstream only: the upstream registry's account
 * @param upstreamRegion           ECR upstream only: the upstream registry's region
 * @param customRoleArn            ECR upstream only: role ECR assumes to read another account's registry;
 *                                 required when {@code upstreamAccount} is not this account
 * @param upstreamRepositoryPrefix ECR upstream only: the upstream namespace mapped to
 *                                 {@code ecrRepositoryPrefix}. Default: ROOT (any upstream repository)
 * @param azureRegistry            Azure upstream only: the registry name before {@code .azurecr.io} (5 to 50
 *                                 letters and digits); required for Azure
 */
public record RegistryPullThroughCacheRuleProps(PullThroughCacheUpstream upstream, String ecrRepositoryPrefix,
                                        String credentialArn, String upstreamAccount, String upstreamRegion,
                                        String customRoleArn, String upstreamRepositoryPrefix, String azureRegistry) {

    /** Pull through cache rules per registry (service quota, not adjustable). */
    public static final int MAX_RULES_PER_REGISTRY = limits.AwsLimits.ECR_PULL_THROUGH_CACHE_RULES;
    /** CreatePullThroughCacheRule ecrRepositoryPrefix (2 to 30 characters). */
    static final Pattern PREFIX = Pattern.compile(
            "^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$");
    /** CreatePullThroughCacheRule credentialArn (50 to 612 characters). */
    static final Pattern CREDENTIAL = Pattern.compile(AwsFormats.PULL_THROUGH_CACHE_SECRET_ARN);
    /** An Azure Container Registry name (5 to 50 letters and digits). */
    static final Pattern AZURE = Pattern.compile(AwsFormats.AZURE_CONTAINER_REGISTRY_NAME);
    static final Pattern ROLE = Pattern.compile("^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[\\w+=,.@/-]+$");

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param upstream the upstream registry
     * @param ecrRepositoryPrefix the cache namespace in this registry (2 to 30 characters; ECR appends {@code /}). Default: {@link PullThroughCacheUpstream#defaultPrefix()} ({@code ecr-public}, {@code docker-hub}, ...); required for ECR
     * @param credentialArn Secrets Manager secret ARN with the upstream credentials; required for Docker Hub, GitHub and GitLab, not accepted for the others. The secret name must start with {@code ecr-pullthroughcache/}
     * @param upstreamAccount ECR upstream only: the upstream registry's account
     * @param upstreamRegion ECR upstream only: the upstream registry's region
     * @param customRoleArn ECR upstream only: role ECR assumes to read another account's registry; required when {@code upstreamAccount} is not this account
     * @param upstreamRepositoryPrefix ECR upstream only: the upstream namespace mapped to {@code ecrRepositoryPrefix}. Default: ROOT (any upstream repository)
     * @param azureRegistry Azure upstream only: the registry name before {@code .azurecr.io}; required for Azure
     */
    public RegistryPullThroughCacheRuleProps {
        if (ecrRepositoryPrefix == null && upstream != null) {
            ecrRepositoryPrefix = upstream.defaultPrefix();
        }
    }

    /**
     * A builder for a rule that syncs {@code upstream}.
     *
     * @param upstream the upstream registry
     * @return a new builder
     */
    public static Builder builder(PullThroughCacheUpstream upstream) {
        return new Builder(upstream);
    }

    /**
     * ECR Public under {@code ecr-public/}: no credentials needed.
     *
     * @return the rule's props
     */
    public static RegistryPullThroughCacheRuleProps ecrPublic() {
        return builder(PullThroughCacheUpstream.ECR_PUBLIC).build();
    }

    /**
     * Docker Hub under {@code docker-hub/}, authenticated with the given secret.
     *
     * @param credentialArn the ARN of the Secrets Manager secret named {@code ecr-pullthroughcache/...} holding the Docker Hub credentials
     * @return the rule's props
     */
    public static RegistryPullThroughCacheRuleProps dockerHub(String credentialArn) {
        return builder(PullThroughCacheUpstream.DOCKER_HUB).credentialArn(credentialArn).build();
    }

    /**
     * A rule without an Azure registry (before Azure upstreams).
     *
     * @param upstream the upstream registry
     * @param ecrRepositoryPrefix the cache namespace in this registry
     * @param credentialArn Secrets Manager secret ARN with the upstream credentials
     * @param upstreamAccount ECR upstream only: the upstream registry's account
     * @param upstreamRegion ECR upstream only: the upstream registry's region
     * @param customRoleArn ECR upstream only: role ECR assumes to read another account's registry
     * @param upstreamRepositoryPrefix ECR upstream only: the upstream namespace mapped to {@code ecrRepositoryPrefix}
     */
    public RegistryPullThroughCacheRuleProps(PullThroughCacheUpstream upstream, String ecrRepositoryPrefix,
                                             String credentialArn, String upstreamAccount, String upstreamRegion,
                                             String customRoleArn, String upstreamRepositoryPrefix) {
        this(upstream, ecrRepositoryPrefix, credentialArn, upstreamAccount, upstreamRegion, customRoleArn,
                upstreamRepositoryPrefix, null);
    }

    /**
     * The upstream registry URL ECR syncs from.
     *
     * @return the upstream registry URL ECR syncs from
     */
    public String upstreamRegistryUrl() {
        if (upstream == PullThroughCacheUpstream.AZURE_CONTAINER_REGISTRY) {
            return azureRegistry == null ? null : azureRegistry.toLowerCase(java.util.Locale.ROOT) + ".azurecr.io";
        }
        return upstream == PullThroughCacheUpstream.ECR
                ? upstreamAccount + ".dkr.ecr." + upstreamRegion + ".amazonaws.com"
                : upstream.url();
    }

    /** The namespace without ECR's implied trailing slash, for comparisons. */
    String namespace() {
        return ecrRepositoryPrefix != null && ecrRepositoryPrefix.endsWith("/")
                ? ecrRepositoryPrefix.substring(0, ecrRepositoryPrefix.length() - 1)
                : ecrRepositoryPrefix;
    }

    /**
     * Every problem of this rule alone; {@code account} (may be null or a token) is the cache registry's.
     *
     * @param path where the rule is declared; every message starts with it
     * @param account the AWS account id (12 digits)
     * @return every problem of this rule alone
     */
    public List<String> problems(String path, String account) {
        List<String> problems = new ArrayList<>();
        if (upstream == null) {
            problems.add(path + "upstream is missing. Hint: e.g. PullThroughCacheUpstream.ECR_PUBLIC");
            return problems;
        }
        if (ecrRepositoryPrefix == null) {
            problems.add(path + "ecrRepositoryPrefix is missing: an ECR upstream has no default namespace."
                    + " Hint: e.g. \"ecr-shared\"");
        } else if (!Tokens.isUnresolved(ecrRepositoryPrefix)) {
            if (ecrRepositoryPrefix.length() < 2 || ecrRepositoryPrefix.length() > 30
                    || !PREFIX.matcher(ecrRepositoryPrefix).matches()) {
                problems.add(path + "ecrRepositoryPrefix \"" + ecrRepositoryPrefix + "\" is invalid: must be 2 to 30"
                        + " lowercase letters, digits, . _ - separated by / (or ROOT for an ECR upstream)."
                        + " Hint: e.g. \"" + (upstream.defaultPrefix() == null ? "ecr-shared" : upstream.defaultPrefix()) + "\"");
            } else if ("ROOT".equals(ecrRepositoryPrefix) && upstream != PullThroughCacheUpstream.ECR) {
                problems.add(path + "ecrRepositoryPrefix ROOT is only accepted for an ECR upstream: caching "
                        + upstream + " at the root would claim every repository name. Hint: use \""
                        + upstream.defaultPrefix() + "\"");
            }
        }
        boolean secret = upstream.authentication() == PullThroughCacheUpstream.Authentication.SECRET;
        if (secret && credentialArn == null) {
            problems.add(path + "credentialArn is missing: " + upstream + " requires authentication with a Secrets Manager"
                    + " secret. Hint: store the credentials in a secret named \"ecr-pullthroughcache/" + upstream.defaultPrefix()
                    + "\" and pass its ARN");
        } else if (!secret && credentialArn != null) {
            problems.add(path + "credentialArn is set but " + upstream + " takes no secret. Hint: remove credentialArn");
        } else if (credentialArn != null && !Tokens.isUnresolved(credentialArn)
                && (credentialArn.length() < 50 || credentialArn.length() > 612 || !CREDENTIAL.matcher(credentialArn).matches())) {
            problems.add(path + "credentialArn \"" + credentialArn + "\" is invalid: must be the ARN (50 to 612 characters)"
                    + " of a Secrets Manager secret whose name starts with \"ecr-pullthroughcache/\"."
                    + " Hint: e.g. \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/"
                    + upstream.defaultPrefix() + "-AbCdEf\"");
        }
        boolean azure = upstream == PullThroughCacheUpstream.AZURE_CONTAINER_REGISTRY;
        if (azure && (azureRegistry == null || (!Tokens.isUnresolved(azureRegistry) && !AZURE.matcher(azureRegistry).matches()))) {
            problems.add(path + "azureRegistry \"" + azureRegistry + "\" is invalid: an Azure upstream needs its registry"
                    + " name, 5 to 50 letters and digits (the part before .azurecr.io). Hint: e.g. \"examplecorp\"");
        } else if (!azure && azureRegistry != null) {
            problems.add(path + "azureRegistry is set but applies only to an Azure upstream, not " + upstream
                    + ". Hint: remove azureRegistry");
        }
        if (upstream == PullThroughCacheUpstream.ECR) {
            RegistryValidation.checkAccount(problems, path + "upstreamAccount", upstreamAccount);
            RegistryValidation.checkRegion(problems, path + "upstreamRegion", upstreamRegion);
            boolean crossAccount = upstreamAccount != null && account != null && !Tokens.isUnresolved(account)
                    && !Tokens.isUnresolved(upstreamAccount) && !upstreamAccount.equals(account);
            if (crossAccount && customRoleArn == null) {
                problems.add(path + "customRoleArn is missing: the upstream registry " + upstreamAccount + " is another"
                        + " account, so ECR needs a role to read it. Hint: pass a role trusted by ecr.amazonaws.com");
            }
            if (customRoleArn != null && !Tokens.isUnresolved(customRoleArn) && !ROLE.matcher(customRoleArn).matches()) {
                problems.add(path + "customRoleArn \"" + customRoleArn + "\" is invalid: must be an IAM role ARN."
                        + " Hint: e.g. \"arn:aws:iam::111111111111:role/ecr-pull-through-cache\"");
            }
            if (upstreamRepositoryPrefix != null && "ROOT".equals(ecrRepositoryPrefix)) {
                problems.add(path + "upstreamRepositoryPrefix is set with ecrRepositoryPrefix ROOT: ECR accepts an upstream"
                        + " prefix only under a named cache namespace. Hint: set ecrRepositoryPrefix or drop upstreamRepositoryPrefix");
            }
        } else {
            for (var unused : new String[][]{{"upstreamAccount", upstreamAccount}, {"upstreamRegion", upstreamRegion},
                    {"customRoleArn", customRoleArn}, {"upstreamRepositoryPrefix", upstreamRepositoryPrefix}}) {
                if (unused[1] != null) {
                    problems.add(path + unused[0] + " is set but applies only to an ECR upstream, not " + upstream
                            + ". Hint: remove " + unused[0]);
                }
            }
        }
        return problems;
    }

    /**
     * Every problem of a registry's complete set of cache rules: each rule's own, at most
     * {@value #MAX_RULES_PER_REGISTRY} rules, one rule per namespace. Stacks call this with all
     * rules of an account and region ({@link RegistrySettings} does).
     *
     * @param path where the rules are declared; every message starts with it
     * @param rules every cache rule of the registry
     * @param account the AWS account id (12 digits)
     * @return every problem of a registry's complete set of cache rules
     */
    public static List<String> registryProblems(String path, List<RegistryPullThroughCacheRuleProps> rules, String account) {
        List<String> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES_PER_REGISTRY) {
            problems.add(path + " has " + rules.size() + " pull-through cache rules: ECR accepts at most "
                    + MAX_RULES_PER_REGISTRY + " a registry. Hint: cache fewer upstream registries");
        }
        Map<String, Integer> namespaces = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RegistryPullThroughCacheRuleProps rule = rules.get(i);
            problems.addAll(rule.problems(path + "[" + i + "].", account));
            if (rule.namespace() != null) {
                Integer first = namespaces.putIfAbsent(rule.namespace(), i);
                if (first != null) {
                    problems.add(path + "[" + i + "].ecrRepositoryPrefix \"" + rule.namespace() + "\" repeats " + path
                            + "[" + first + "]: one rule per cache namespace. Hint: choose another prefix");
                }
            }
        }
        return problems;
    }

    /**
     * Builds {@link RegistryPullThroughCacheRuleProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private final PullThroughCacheUpstream upstream;
        private String ecrRepositoryPrefix;
        private String credentialArn;
        private String upstreamAccount;
        private String upstreamRegion;
        private String customRoleArn;
        private String upstreamRepositoryPrefix;
        private String azureRegistry;

        private Builder(PullThroughCacheUpstream upstream) {
            this.upstream = upstream;
        }

        /**
         * The namespace the cached repositories get in this registry. Default: the upstream's console namespace, e.g.
         * {@code ecr-public}.
         *
         * @param ecrRepositoryPrefix the namespace of the cached repositories in this registry
         * @return this builder
         */
        public Builder ecrRepositoryPrefix(String ecrRepositoryPrefix) {
            this.ecrRepositoryPrefix = ecrRepositoryPrefix;
            return this;
        }

        /**
         * Secrets Manager secret ARN with the upstream credentials; its name must start with {@code
         * ecr-pullthroughcache/}. Default: none; required for Docker Hub, GitHub and GitLab, not accepted for the
         * others.
         *
         * @param credentialArn the value of {@code credentialArn}
         * @return this builder
         */
        public Builder credentialArn(String credentialArn) {
            this.credentialArn = credentialArn;
            return this;
        }

        /**
         * The registry to pull from when the upstream is another ECR private registry (cross-account or
         * cross-region). Default: none; required for that upstream only.
         *
         * @param upstreamAccount the upstream registry's account
         * @param upstreamRegion the upstream registry's region
         * @return this builder
         */
        public Builder upstreamRegistry(String upstreamAccount, String upstreamRegion) {
            this.upstreamAccount = upstreamAccount;
            this.upstreamRegion = upstreamRegion;
            return this;
        }

        /**
         * ECR upstream only: the role ECR assumes to read another account's registry. Default: none; required when
         * {@code upstreamAccount} is not this account.
         *
         * @param customRoleArn the value of {@code customRoleArn}
         * @return this builder
         */
        public Builder customRoleArn(String customRoleArn) {
            this.customRoleArn = customRoleArn;
            return this;
        }

        /**
         * Which upstream repositories the rule caches. Default: ROOT (any upstream repository).
         *
         * @param upstreamRepositoryPrefix the upstream namespace, or {@code ROOT}
         * @return this builder
         */
        public Builder upstreamRepositoryPrefix(String upstreamRepositoryPrefix) {
            this.upstreamRepositoryPrefix = upstreamRepositoryPrefix;
            return this;
        }

        /**
         * Azure upstream only: the registry name before {@code .azurecr.io}. Required for the Azure upstream; Default:
         * none for every other upstream.
         *
         * @param azureRegistry the registry name, 5 to 50 letters and digits
         * @return this builder
         */
        public Builder azureRegistry(String azureRegistry) {
            this.azureRegistry = azureRegistry;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryPullThroughCacheRuleProps build() {
            return new RegistryPullThroughCacheRuleProps(upstream, ecrRepositoryPrefix, credentialArn, upstreamAccount,
                    upstreamRegion, customRoleArn, upstreamRepositoryPrefix, azureRegistry);
        }
    }
}
