package constructs.access;

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
                                          List<String> projectArns, String signingProfileArn, List<String> pullThroughCachePrefixArns, boolean readInspectorFindings)
        implements PublisherRoleOptions {

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
    public static final class Builder extends PublisherRoleOptions.Builder<Builder> {
        private List<String> projectArns = List.of();

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
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public CodeBuildPublisherRoleProps build() {
            return new CodeBuildPublisherRoleProps(roleName(), repositoryArns(), repositoryPrefixArn(), projectArns,
                    signingProfileArn(), pullThroughCachePrefixArns(), readInspectorFindings());
        }
    }
}
