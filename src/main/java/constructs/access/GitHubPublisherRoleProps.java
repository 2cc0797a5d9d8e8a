package constructs.access;

import java.util.List;

/**
 * Props of {@link GitHubPublisherRole}.
 *
 * @param roleName              the role's name, required and at most 64 characters; other accounts refer to it
 *                              through {@code aws:PrincipalArn}. {@link GitHubPublisherRole#defaultRoleName}
 *                              gives {@code <platform>-<env>-<service>-publisher}
 * @param repositoryArns        the repositories it pushes to (a repository construct's
 *                              {@code getRepositoryArn()}); at least one
 * @param repositoryPrefixArn   fallback when listing the ARNs would not fit IAM's managed-policy size
 *                              ({@link RepositoryScope#prefixArn}); default: none, and a policy that does not
 *                              fit fails synthesis
 * @param subjects              the GitHub {@code sub} claims trusted: {@code repo:<org>/<repo>:ref:refs/heads/<branch>},
 *                              {@code repo:<org>/<repo>:ref:refs/tags/<tag>} or {@code repo:<org>/<repo>:environment:<env>};
 *                              at least one
 * @param allowSubjectWildcards default false: every subject is matched exactly ({@code StringEquals}); true
 *                              allows {@code *}/{@code ?} outside the organisation part ({@code StringLike})
 * @param oidcProviderArn       default: the account's GitHub provider by its deterministic ARN
 *                              ({@link GitHubOidcProvider#arnInAccount}), created once by the account stack
 * @param signingProfileArn     default: no signing permission; set it when the registry has ECR managed
 *                              signing, which signs as the pushing identity ({@code signer:SignPayload})
 */
public record GitHubPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                       List<String> subjects, boolean allowSubjectWildcards, String oidcProviderArn,
                                       String signingProfileArn) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName the role's name, required and at most 64 characters; other accounts refer to it through {@code aws:PrincipalArn}. {@link GitHubPublisherRole#defaultRoleName} gives {@code <platform>-<env>-<service>-publisher}
     * @param repositoryArns the repositories it pushes to (a repository construct's {@code getRepositoryArn()}); at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit IAM's managed-policy size ({@link RepositoryScope#prefixArn}); default: none, and a policy that does not fit fails synthesis
     * @param subjects the GitHub {@code sub} claims trusted: {@code repo:<org>/<repo>:ref:refs/heads/<branch>}, {@code repo:<org>/<repo>:ref:refs/tags/<tag>} or {@code repo:<org>/<repo>:environment:<env>}; at least one
     * @param allowSubjectWildcards default false: every subject is matched exactly ({@code StringEquals}); true allows {@code *}/{@code ?} outside the organisation part ({@code StringLike})
     * @param oidcProviderArn default: the account's GitHub provider by its deterministic ARN ({@link GitHubOidcProvider#arnInAccount}), created once by the account stack
     * @param signingProfileArn default: no signing permission; set it when the registry has ECR managed signing, which signs as the pushing identity ({@code signer:SignPayload})
     */
    public GitHubPublisherRoleProps {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /**
     * A builder of {@link GitHubPublisherRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link GitHubPublisherRoleProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String roleName;
        private List<String> repositoryArns = List.of();
        private String repositoryPrefixArn;
        private List<String> subjects = List.of();
        private boolean allowSubjectWildcards;
        private String oidcProviderArn;
        private String signingProfileArn;

        /**
         * The role's name, required and at most 64 characters; other accounts refer to it through {@code aws:PrincipalArn}. {@link GitHubPublisherRole#defaultRoleName} gives {@code <platform>-<env>-<service>-publisher}
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The repositories it pushes to (a repository construct's {@code getRepositoryArn()}); at least one
         *
         * @param repositoryArns the value of {@code repositoryArns}
         * @return this builder
         */
        public Builder repositoryArns(List<String> repositoryArns) {
            this.repositoryArns = repositoryArns;
            return this;
        }

        /**
         * Fallback when listing the ARNs would not fit IAM's managed-policy size ({@link RepositoryScope#prefixArn}); default: none, and a policy that does not fit fails synthesis
         *
         * @param repositoryPrefixArn the value of {@code repositoryPrefixArn}
         * @return this builder
         */
        public Builder repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return this;
        }

        /**
         * The GitHub {@code sub} claims trusted: {@code repo:<org>/<repo>:ref:refs/heads/<branch>}, {@code repo:<org>/<repo>:ref:refs/tags/<tag>} or {@code repo:<org>/<repo>:environment:<env>}; at least one
         *
         * @param subjects the value of {@code subjects}
         * @return this builder
         */
        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        /**
         * Default false: every subject is matched exactly ({@code StringEquals}); true allows {@code *}/{@code ?} outside the organisation part ({@code StringLike})
         *
         * @param allowSubjectWildcards the value of {@code allowSubjectWildcards}
         * @return this builder
         */
        public Builder allowSubjectWildcards(boolean allowSubjectWildcards) {
            this.allowSubjectWildcards = allowSubjectWildcards;
            return this;
        }

        /**
         * Default: the account's GitHub provider by its deterministic ARN ({@link GitHubOidcProvider#arnInAccount}), created once by the account stack
         *
         * @param oidcProviderArn the value of {@code oidcProviderArn}
         * @return this builder
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        /**
         * Default: no signing permission; set it when the registry has ECR managed signing, which signs as the pushing identity ({@code signer:SignPayload})
         *
         * @param signingProfileArn the value of {@code signingProfileArn}
         * @return this builder
         */
        public Builder signingProfileArn(String signingProfileArn) {
            this.signingProfileArn = signingProfileArn;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public GitHubPublisherRoleProps build() {
            return new GitHubPublisherRoleProps(roleName, repositoryArns, repositoryPrefixArn, subjects,
                    allowSubjectWildcards, oidcProviderArn, signingProfileArn);
        }
    }
}
