package constructs.registry;

/**
 * Upstream registries a pull-through cache rule can sync, with the URL and authentication ECR
 * requires for each.
 * Sources: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html and
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreatePullThroughCacheRule.html
 */
public enum PullThroughCacheUpstream {
    /** Amazon ECR Public Gallery, anonymous. */
    ECR_PUBLIC("public.ecr.aws", Authentication.NONE, "ecr-public"),
    /** The Kubernetes registry, anonymous. */
    KUBERNETES("registry.k8s.io", Authentication.NONE, "kubernetes"),
    /** Quay, anonymous. */
    QUAY("quay.io", Authentication.NONE, "quay"),
    /** Docker Hub, with a Secrets Manager credential. */
    DOCKER_HUB("registry-1.docker.io", Authentication.SECRET, "docker-hub"),
    /** GitHub Container Registry, with a Secrets Manager credential. */
    GITHUB_CONTAINER_REGISTRY("ghcr.io", Authentication.SECRET, "github"),
    /** GitLab Container Registry, with a Secrets Manager credential. */
    GITLAB_CONTAINER_REGISTRY("registry.gitlab.com", Authentication.SECRET, "gitlab"),
    /** Microsoft Azure Container Registry ({@code <azureRegistry>.azurecr.io}), with a Secrets Manager credential. */
    AZURE_CONTAINER_REGISTRY(null, Authentication.SECRET, "azure"),
    /** Another Amazon ECR private registry: {@code <account>.dkr.ecr.<region>.amazonaws.com}. */
    ECR(null, Authentication.ROLE_WHEN_CROSS_ACCOUNT, null);

    /** How ECR authenticates to the upstream. */
    public enum Authentication {
        /** Anonymous pulls. */
        NONE,
        /** A Secrets Manager secret whose name starts with {@code ecr-pullthroughcache/}. */
        SECRET,
        /** An IAM role ({@code customRoleArn}) when the upstream registry is in another account. */
        ROLE_WHEN_CROSS_ACCOUNT
    }

    private final String url;
    private final Authentication authentication;
    private final String defaultPrefix;

    PullThroughCacheUpstream(String url, Authentication authentication, String defaultPrefix) {
        this.url = url;
        this.authentication = authentication;
        this.defaultPrefix = defaultPrefix;
    }

    /**
     * The upstream registry URL; null for ECR and Azure, whose URLs name the upstream account and region or registry.
     *
     * @return the upstream registry URL
     */
    public String url() {
        return url;
    }

    /**
     * How ECR authenticates to this upstream.
     *
     * @return the authentication
     */
    public Authentication authentication() {
        return authentication;
    }

    /**
     * The namespace the ECR console proposes; null for ECR (no default).
     *
     * @return the namespace the ECR console proposes
     */
    public String defaultPrefix() {
        return defaultPrefix;
    }
}
