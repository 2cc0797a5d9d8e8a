package constructs.access;

import software.amazon.awscdk.services.ecr.IRepository;

import java.util.List;

/**
 * Props of {@link CodeBuildPublisherRole}.
 *
 * @param roleName            required, at most 64 characters; {@link CodeBuildPublisherRole#defaultRoleName}
 *                            gives {@code <platform>-<env>-<service>-codebuild-publisher}
 * @param repositoryArns      the repositories it pushes to; at least one
 * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
 * @param projectArns         the CodeBuild projects that may use the role ({@code aws:SourceArn}); at least one,
 *                            in the role's account
 * @param signingProfileArn   default: no signing permission; set it with ECR managed signing
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through, {@code arn:<partition>:ecr:<region>:<account>:repository/<cache prefix>/*}
 *  ({@link RepositoryScope#prefixArn}); the role gets {@link Persona#CACHE_PULLER}'s actions there (import the upstream
 *  image, create the cached repository on first pull). Default: none, the role cannot pull through a cache
 * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings ({@code inspector2:ListFindings} on {@code *}: the action
 *  has no resource-level permissions); set it where the registry pushed to scans ENHANCED. Default: false, the gate
 *  reads basic scan findings through ECR only
 */
public record CodeBuildPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                          List<String> projectArns, String signingProfileArn, List<String> pullThroughCachePrefixArns, boolean readInspectorFindings) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName required, at most 64 characters; {@link CodeBuildPublisherRole#defaultRoleName} gives {@code <platform>-<env>-<service>-codebuild-publisher}
     * @param repositoryArns the repositories it pushes to; at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
     * @param projectArns the CodeBuild projects that may use the role ({@code aws:SourceArn}); at least one, in the role's account
     * @param signingProfileArn default: no signing permission; set it with ECR managed signing
     * @param pullThroughCachePrefixArns the cache namespaces it may pull through ({@code repository/<prefix>/*}); default: none
     * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false
     */
    public CodeBuildPublisherRoleProps {
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        projectArns = projectArns == null ? List.of() : List.copyOf(projectArns);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param roleName see the record components
     * @param repositoryArns see the record components
     * @param repositoryPrefixArn see the record components
     * @param projectArns see the record components
     * @param signingProfileArn see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public CodeBuildPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                       List<String> projectArns, String signingProfileArn) {
        this(roleName, repositoryArns, repositoryPrefixArn, projectArns, signingProfileArn, List.of(), false);
    }

    /**
     * A builder of {@link CodeBuildPublisherRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link CodeBuildPublisherRoleProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String roleName;
        private List<String> repositoryArns = List.of();
        private String repositoryPrefixArn;
        private List<String> projectArns = List.of();
        private String signingProfileArn;
        private List<String> pullThroughCachePrefixArns = List.of();
        private boolean readInspectorFindings;

        /**
         * The role's name, at most 64 characters; {@link CodeBuildPublisherRole#defaultRoleName} gives {@code
         * <platform>-<env>-<service>-codebuild-publisher}. Required.
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The repositories it pushes to, by ARN. Required: at least one, here or through {@link #repositories} (or a
         * {@link #repositoryPrefixArn}).
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
         * Fallback when listing the ARNs would not fit IAM's managed-policy size ({@link RepositoryScope#prefixArn}).
         * Default: no prefix; a policy that does not fit fails synthesis.
         *
         * @param repositoryPrefixArn the value of {@code repositoryPrefixArn}
         * @return this builder
         */
        public Builder repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return this;
        }

        /**
         * The CodeBuild projects that may use the role ({@code aws:SourceArn}), in the role's account. Required: at
         * least one.
         *
         * @param projectArns the value of {@code projectArns}
         * @return this builder
         */
        public Builder projectArns(List<String> projectArns) {
            this.projectArns = projectArns;
            return this;
        }

        /**
         * The AWS Signer profile of ECR managed signing, which signs as the pushing identity ({@code
         * signer:SignPayload}). Default: no signing permission.
         *
         * @param signingProfileArn the value of {@code signingProfileArn}
         * @return this builder
         */
        public Builder signingProfileArn(String signingProfileArn) {
            this.signingProfileArn = signingProfileArn;
            return this;
        }

        /**
         * Pull-through cache namespaces the builds pull base images through. Default: none, the role cannot pull
         * through a cache.
         *
         * @param pullThroughCachePrefixArns the value
         * @return this builder
         */
        public Builder pullThroughCachePrefixArns(List<String> pullThroughCachePrefixArns) {
            this.pullThroughCachePrefixArns = pullThroughCachePrefixArns;
            return this;
        }

        /**
         * Let the scan gate read Amazon Inspector findings (enhanced scanning). Default: false, the scan gate reads
         * basic findings through ECR.
         *
         * @param readInspectorFindings the value
         * @return this builder
         */
        public Builder readInspectorFindings(boolean readInspectorFindings) {
            this.readInspectorFindings = readInspectorFindings;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public CodeBuildPublisherRoleProps build() {
            return new CodeBuildPublisherRoleProps(roleName, repositoryArns, repositoryPrefixArn, projectArns,
                    signingProfileArn, pullThroughCachePrefixArns, readInspectorFindings);
        }
    }
}
