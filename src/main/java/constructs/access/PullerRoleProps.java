package constructs.access;

import software.amazon.awscdk.services.ecr.IRepository;

import java.util.List;

/**
 * Props of {@link PullerRole}.
 *
 * @param kind                which agent pulls; required
 * @param roleName            required, at most 64 characters; {@link PullerRole#defaultRoleName} gives
 *                            {@code <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}
 * @param repositoryArns      the repositories it may pull from; at least one
 * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
 * @param fargateClusterNames {@link PullerRoleKind#EKS_FARGATE_POD_EXECUTION} only: the clusters whose Fargate
 *                            profiles may use the role; default: every Fargate profile of the account in the
 *                            stack's region
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through, {@code arn:<partition>:ecr:<region>:<account>:repository/<cache prefix>/*}
 *  ({@link RepositoryScope#prefixArn}); the role gets {@link Persona#CACHE_PULLER}'s actions there (import the upstream
 *  image, create the cached repository on first pull). Default: none, the role cannot pull through a cache
 * @param replicaRepositories the same repositories' replicas in other regions of the account, one scope per region (their deterministic
 *  ARNs, {@link RepositoryScope#repositoryArn}, with that region's prefix fallback): workloads in a replica region pull
 *  from the replica there. Default: none, the role pulls in the repositories' own region only
 */
public record PullerRoleProps(PullerRoleKind kind, String roleName, List<String> repositoryArns,
                              String repositoryPrefixArn, List<String> fargateClusterNames, List<String> pullThroughCachePrefixArns, List<RepositoryScope> replicaRepositories) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param kind which agent pulls; required
     * @param roleName required, at most 64 characters; {@link PullerRole#defaultRoleName} gives {@code <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}
     * @param repositoryArns the repositories it may pull from; at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
     * @param fargateClusterNames {@link PullerRoleKind#EKS_FARGATE_POD_EXECUTION} only: the clusters whose Fargate profiles may use the role; default: every Fargate profile of the account in the stack's region
     * @param pullThroughCachePrefixArns the cache namespaces it may pull through ({@code repository/<prefix>/*}); default: none
     * @param replicaRepositories the replicas it pulls, one scope per replica region; default: none
     */
    public PullerRoleProps {
        replicaRepositories = replicaRepositories == null ? List.of() : List.copyOf(replicaRepositories);
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        fargateClusterNames = fargateClusterNames == null ? List.of() : List.copyOf(fargateClusterNames);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param kind see the record components
     * @param roleName see the record components
     * @param repositoryArns see the record components
     * @param repositoryPrefixArn see the record components
     * @param fargateClusterNames see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public PullerRoleProps(PullerRoleKind kind, String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                           List<String> fargateClusterNames) {
        this(kind, roleName, repositoryArns, repositoryPrefixArn, fargateClusterNames, List.of(), List.of());
    }

    /**
     * A builder of {@link PullerRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link PullerRoleProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private PullerRoleKind kind;
        private String roleName;
        private List<String> repositoryArns = List.of();
        private String repositoryPrefixArn;
        private List<String> fargateClusterNames = List.of();
        private List<String> pullThroughCachePrefixArns = List.of();
        private List<RepositoryScope> replicaRepositories = List.of();

        /**
         * Which agent pulls (ECS task execution, EKS node, EKS Fargate pod execution, App Runner access); it decides
         * the trust.
         * Required.
         *
         * @param kind the value of {@code kind}
         * @return this builder
         */
        public Builder kind(PullerRoleKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * The role's name, at most 64 characters; {@link PullerRole#defaultRoleName} gives {@code
         * <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}. Required.
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The repositories it may pull from, by ARN. Required: at least one, here or through {@link #repositories}
         * (or a {@link #repositoryPrefixArn}).
         *
         * @param repositoryArns the value of {@code repositoryArns}
         * @return this builder
         */
        public Builder repositoryArns(List<String> repositoryArns) {
            this.repositoryArns = repositoryArns;
            return this;
        }

        /**
         * As {@link #repositoryArns}, from repositories: ours ({@code PrivateRepository}), aws-cdk-lib's, or imported
         * ones ({@code Repository.fromRepositoryArn}). Default: none, the ARNs of {@link #repositoryArns} only.
         *
         * @param repositories the repositories
         * @return this builder
         */
        public Builder repositories(List<? extends IRepository> repositories) {
            this.repositoryArns = RepositoryScope.arnsOf(repositories);
            return this;
        }

        /**
         * Fallback when listing the ARNs would not fit IAM's managed-policy size. Default: no prefix; a policy that
         * does not fit fails synthesis.
         *
         * @param repositoryPrefixArn the value of {@code repositoryPrefixArn}
         * @return this builder
         */
        public Builder repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return this;
        }

        /**
         * {@link PullerRoleKind#EKS_FARGATE_POD_EXECUTION} only: the clusters whose Fargate profiles may use the
         * role. Default: every Fargate profile of the account in the stack's region.
         *
         * @param fargateClusterNames the value of {@code fargateClusterNames}
         * @return this builder
         */
        public Builder fargateClusterNames(List<String> fargateClusterNames) {
            this.fargateClusterNames = fargateClusterNames;
            return this;
        }

        /**
         * Pull-through cache namespaces the workloads pull through. Default: none, the role cannot pull through a
         * cache.
         *
         * @param pullThroughCachePrefixArns the value
         * @return this builder
         */
        public Builder pullThroughCachePrefixArns(List<String> pullThroughCachePrefixArns) {
            this.pullThroughCachePrefixArns = pullThroughCachePrefixArns;
            return this;
        }

        /**
         * The replicas of the repositories in other regions, pulled there. Default: none, the role pulls in the
         * repositories' own region only.
         *
         * @param replicaRepositories the value
         * @return this builder
         */
        public Builder replicaRepositories(List<RepositoryScope> replicaRepositories) {
            this.replicaRepositories = replicaRepositories;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public PullerRoleProps build() {
            return new PullerRoleProps(kind, roleName, repositoryArns, repositoryPrefixArn, fargateClusterNames, pullThroughCachePrefixArns, replicaRepositories);
        }
    }
}
