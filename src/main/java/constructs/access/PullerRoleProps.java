package constructs.access;

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
 */
public record PullerRoleProps(PullerRoleKind kind, String roleName, List<String> repositoryArns,
                              String repositoryPrefixArn, List<String> fargateClusterNames) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param kind which agent pulls; required
     * @param roleName required, at most 64 characters; {@link PullerRole#defaultRoleName} gives {@code <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}
     * @param repositoryArns the repositories it may pull from; at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
     * @param fargateClusterNames {@link PullerRoleKind#EKS_FARGATE_POD_EXECUTION} only: the clusters whose Fargate profiles may use the role; default: every Fargate profile of the account in the stack's region
     */
    public PullerRoleProps {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        fargateClusterNames = fargateClusterNames == null ? List.of() : List.copyOf(fargateClusterNames);
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

        /**
         * Which agent pulls; required
         *
         * @param kind the value of {@code kind}
         * @return this builder
         */
        public Builder kind(PullerRoleKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Required, at most 64 characters; {@link PullerRole#defaultRoleName} gives {@code <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The repositories it may pull from; at least one
         *
         * @param repositoryArns the value of {@code repositoryArns}
         * @return this builder
         */
        public Builder repositoryArns(List<String> repositoryArns) {
            this.repositoryArns = repositoryArns;
            return this;
        }

        /**
         * Fallback when listing the ARNs would not fit; default: none
         *
         * @param repositoryPrefixArn the value of {@code repositoryPrefixArn}
         * @return this builder
         */
        public Builder repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return this;
        }

        /**
         * {@link PullerRoleKind#EKS_FARGATE_POD_EXECUTION} only: the clusters whose Fargate profiles may use the role; default: every Fargate profile of the account in the stack's region
         *
         * @param fargateClusterNames the value of {@code fargateClusterNames}
         * @return this builder
         */
        public Builder fargateClusterNames(List<String> fargateClusterNames) {
            this.fargateClusterNames = fargateClusterNames;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public PullerRoleProps build() {
            return new PullerRoleProps(kind, roleName, repositoryArns, repositoryPrefixArn, fargateClusterNames);
        }
    }
}
