package platform;

import java.util.List;

/** A pull-through cache rule: images of {@code upstream} are pulled as {@code <prefix>/<upstream path>}. */
public record PullThroughCacheSpec(
        @Field(required = true, value = "ecr-public, docker-hub, github, gitlab, azure, quay, k8s or ecr.")
        Upstream upstream,
        @Field(pattern = NameFormats.REPOSITORY_PREFIX, value = "The repository prefix of cached images (2-30 characters). Default: the upstream's name, e.g. docker-hub.")
        String prefix,
        @Field(pattern = NameFormats.SECRET_ARN, value = "docker-hub, github, gitlab, azure: the Secrets Manager secret ARN; its name must start with ecr-pullthroughcache/.")
        String credentialArn,
        @Field(pattern = NameFormats.ACCOUNT, value = "ecr: the upstream registry's account.")
        String upstreamAccount,
        @Field(pattern = NameFormats.REGION, value = "ecr: the upstream registry's region. Default: the caching registry's region.")
        String upstreamRegion,
        @Field(pattern = NameFormats.NAME, value = "Environments whose registries get the rule (a credential works only in its own account and region). Default: all.")
        List<String> environments,
        @Field(pattern = NameFormats.AZURE_REGISTRY, value = "azure: the registry name, the part before .azurecr.io.")
        String azureRegistry,
        @Field(pattern = NameFormats.ROLE_ARN, value = "ecr: the role ECR assumes to read an upstream registry of another account"
                + " (required then; trusted by ecr.amazonaws.com, allowed to pull from the upstream).")
        String customRoleArn,
        @Field(pattern = NameFormats.REPOSITORY_PREFIX, value = "ecr: the upstream namespace cached under prefix. Default: every upstream repository.")
        String upstreamRepositoryPrefix) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param upstream ecr-public, docker-hub, github, quay, k8s or ecr.
     * @param prefix the repository prefix of cached images (2-30 characters). Default: the upstream's name, e.g. docker-hub.
     * @param credentialArn docker-hub, github: the Secrets Manager secret ARN; its name must start with ecr-pullthroughcache/.
     * @param upstreamAccount ecr: the upstream registry's account.
     * @param upstreamRegion ecr: the upstream registry's region. Default: the caching registry's region.
     * @param environments environments whose registries get the rule (a credential works only in its own account and region). Default: all.
     * @param azureRegistry azure: the registry name, the part before .azurecr.io.
     * @param customRoleArn ecr: the role ECR assumes to read an upstream registry of another account.
     * @param upstreamRepositoryPrefix ecr: the upstream namespace cached under prefix. Default: every upstream repository.
     */
    public PullThroughCacheSpec {
        environments = environments == null ? List.of() : List.copyOf(environments);
        prefix = prefix == null && upstream != null ? upstream.fileValue() : prefix;
    }

    /**
     * A rule without the upstream settings of GitLab, Azure and ECR-to-ECR roles (before issue 26).
     *
     * @param upstream the upstream registry
     * @param prefix the repository prefix of cached images
     * @param credentialArn the Secrets Manager secret ARN
     * @param upstreamAccount ecr: the upstream registry's account
     * @param upstreamRegion ecr: the upstream registry's region
     * @param environments environments whose registries get the rule
     */
    public PullThroughCacheSpec(Upstream upstream, String prefix, String credentialArn, String upstreamAccount,
                                String upstreamRegion, List<String> environments) {
        this(upstream, prefix, credentialArn, upstreamAccount, upstreamRegion, environments, null, null, null);
    }

    /**
     * Whether the rule is created in the registry of an environment.
     *
     * @param environment the environment, from the platform file
     * @return whether the rule is created in the registry of an environment
     */
    public boolean appliesTo(EnvironmentSpec environment) {
        return environments.isEmpty() || environments.contains(environment.name());
    }

    /**
     * The upstream registry URL for a caching registry in {@code region}.
     *
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return the upstream registry URL for a caching registry in {@code region}
     */
    public String upstreamRegistryUrl(String region) {
        if (upstream == Upstream.ECR) {
            return upstreamAccount + ".dkr.ecr." + (upstreamRegion != null ? upstreamRegion : region) + ".amazonaws.com";
        }
        if (upstream == Upstream.AZURE) {
            return azureRegistry.toLowerCase(java.util.Locale.ROOT) + ".azurecr.io";
        }
        return upstream.registryUrl();
    }
}
