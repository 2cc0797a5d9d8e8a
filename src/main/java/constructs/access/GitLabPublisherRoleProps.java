package constructs.access;

import java.util.List;

/**
 * Props of {@link GitLabPublisherRole}.
 *
 * @param roleName            required, at most 64 characters; {@link GitLabPublisherRole#defaultRoleName} gives
 *                            {@code <platform>-<env>-<service>-jenkins-publisher}
 * @param repositoryArns      the repositories it pushes to; at least one
 * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
 * @param gitlabUrl           the GitLab instance, its OIDC issuer and the audience of its ID tokens; default:
 *                            {@code https://gitlab.com}
 * @param subjects            the {@code sub} claims trusted, {@code project_path:<group>/<project>:ref_type:branch:ref:<branch>}
 *                            ({@link GitLabPublisherRole#branchSubject}); at least one
 * @param allowSubjectWildcards default false: every subject is matched exactly ({@code StringEquals}); true allows
 *                            {@code *}/{@code ?} outside the group ({@code StringLike})
 * @param oidcProviderArn     default: the account's provider of {@code gitlabUrl} by its deterministic ARN
 *                            ({@link GitLabOidcProvider#arnInAccount}), created once by the account stack
 * @param signingProfileArn   default: no signing permission; set it with ECR managed signing
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through ({@code repository/<prefix>/*}); default: none
 * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false, the gate reads
 *                            basic scan findings through ECR only
 */
public record GitLabPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                        String gitlabUrl, List<String> subjects, boolean allowSubjectWildcards,
                                        String oidcProviderArn, String signingProfileArn,
                                        List<String> pullThroughCachePrefixArns, boolean readInspectorFindings)
        implements PublisherRoleOptions {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName required, at most 64 characters
     * @param repositoryArns the repositories it pushes to; at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
     * @param gitlabUrl the GitLab instance URL; default: https://gitlab.com
     * @param subjects the {@code sub} claims trusted; at least one
     * @param allowSubjectWildcards default false: every subject is matched exactly
     * @param oidcProviderArn default: the account's provider of {@code gitlabUrl} by its deterministic ARN
     * @param signingProfileArn default: no signing permission
     * @param pullThroughCachePrefixArns the cache namespaces it may pull through; default: none
     * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false
     */
    public GitLabPublisherRoleProps {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        gitlabUrl = gitlabUrl == null ? GitLabOidcProvider.GITLAB_COM : gitlabUrl;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
    }

    /**
     * A builder of {@link GitLabPublisherRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GitLabPublisherRoleProps}; every prop left unset takes its documented default. */
    public static final class Builder extends PublisherRoleOptions.Builder<Builder> {
        private String gitlabUrl;
        private List<String> subjects = List.of();
        private boolean allowSubjectWildcards;
        private String oidcProviderArn;

        private Builder() {
        }

        /**
         * Default: {@code https://gitlab.com}.
         *
         * @param gitlabUrl the GitLab instance URL, without a trailing slash
         * @return this builder
         */
        public Builder gitlabUrl(String gitlabUrl) {
            this.gitlabUrl = gitlabUrl;
            return this;
        }

        /**
         * Required: the {@code sub} claims trusted; at least one.
         *
         * @param subjects the subjects ({@link GitLabPublisherRole#branchSubject})
         * @return this builder
         */
        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        /**
         * Default: false, every subject is matched exactly.
         *
         * @param allowSubjectWildcards whether subjects may hold * or ? outside the group
         * @return this builder
         */
        public Builder allowSubjectWildcards(boolean allowSubjectWildcards) {
            this.allowSubjectWildcards = allowSubjectWildcards;
            return this;
        }

        /**
         * Default: the account's provider of the GitLab URL by its deterministic ARN.
         *
         * @param oidcProviderArn the provider's ARN
         * @return this builder
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public GitLabPublisherRoleProps build() {
            return new GitLabPublisherRoleProps(roleName(), repositoryArns(), repositoryPrefixArn(), gitlabUrl, subjects,
                    allowSubjectWildcards, oidcProviderArn, signingProfileArn(), pullThroughCachePrefixArns(), readInspectorFindings());
        }
    }
}
