package platform;

/** Upstream registries of ECR pull-through cache rules. */
public enum Upstream implements FileValue {
    /** Amazon ECR Public Gallery, anonymous. */
    ECR_PUBLIC("ecr-public", "ecr-public", "public.ecr.aws", false),
    /** Docker Hub, with a credential. */
    DOCKER_HUB("docker-hub", "docker-hub", "registry-1.docker.io", true),
    /** GitHub Container Registry, with a credential. */
    GITHUB("github", "github-container-registry", "ghcr.io", true),
    /** Quay, anonymous. */
    QUAY("quay", "quay", "quay.io", false),
    /** The Kubernetes registry, anonymous. */
    K8S("k8s", "k8s", "registry.k8s.io", false),
    /** GitLab Container Registry, with a credential. */
    GITLAB("gitlab", "gitlab-container-registry", "registry.gitlab.com", true),
    /** Microsoft Azure Container Registry ({@code <azureRegistry>.azurecr.io}), with a credential. */
    AZURE("azure", "azure-container-registry", null, true),
    /** Another Amazon ECR private registry (cross-account or cross-region). */
    ECR("ecr", "ecr", null, false);

    private final String fileValue;
    private final String upstreamRegistry;
    private final String registryUrl;
    private final boolean needsCredential;

    Upstream(String fileValue, String upstreamRegistry, String registryUrl, boolean needsCredential) {
        this.fileValue = fileValue;
        this.upstreamRegistry = upstreamRegistry;
        this.registryUrl = registryUrl;
        this.needsCredential = needsCredential;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }

    /**
     * The value of {@code AWS::ECR::PullThroughCacheRule.UpstreamRegistry}.
     *
     * @return the value of {@code AWS::ECR::PullThroughCacheRule.UpstreamRegistry}
     */
    public String upstreamRegistry() {
        return upstreamRegistry;
    }

    /**
     * The upstream registry URL ECR expects; for {@link #ECR} it is built from the upstream account and region, for
     * {@link #AZURE} from the registry name.
     *
     * @return the upstream registry URL ECR expects
     */
    public String registryUrl() {
        return registryUrl;
    }

    /**
     * Upstreams ECR only accepts with a Secrets Manager credential.
     *
     * @return whether the upstream needs a credential
     */
    public boolean needsCredential() {
        return needsCredential;
    }
}
