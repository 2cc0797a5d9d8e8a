package constructs.access;

import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;

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
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through, {@code arn:<partition>:ecr:<region>:<account>:repository/<cache prefix>/*}
 *  ({@link RepositoryScope#prefixArn}); the role gets {@link Persona#CACHE_PULLER}'s actions there (import the upstream
 *  image, create the cached repository on first pull). Default: none, the role cannot pull through a cache
 * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings ({@code inspector2:ListFindings} on {@code *}: the action
 *  has no resource-level permissions); set it where the registry pushed to scans ENHANCED. Default: false, the gate
 *  reads basic scan findings through ECR only
 */
public record GitHubPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                       List<String> subjects, boolean allowSubjectWildcards, String oidcProviderArn,
                                       String signingProfileArn, List<String> pullThroughCachePrefixArns, boolean readInspectorFindings)
        implements PublisherRoleOptions {

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
     * @param pullThroughCachePrefixArns the cache namespaces it may pull through ({@code repository/<prefix>/*}); default: none
     * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false
     */
    public GitHubPublisherRoleProps {
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param roleName see the record components
     * @param repositoryArns see the record components
     * @param repositoryPrefixArn see the record components
     * @param subjects see the record components
     * @param allowSubjectWildcards see the record components
     * @param oidcProviderArn see the record components
     * @param signingProfileArn see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public GitHubPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                    List<String> subjects, boolean allowSubjectWildcards, String oidcProviderArn,
                                    String signingProfileArn) {
        this(roleName, repositoryArns, repositoryPrefixArn, subjects, allowSubjectWildcards, oidcProviderArn,
                signingProfileArn, List.of(), false);
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
    public static final class Builder extends PublisherRoleOptions.Builder<Builder> {
        private List<String> subjects = List.of();
        private boolean allowSubjectWildcards;
        private String oidcProviderArn;

        /**
         * The GitHub {@code sub} claims trusted: {@code repo:<org>/<repo>:ref:refs/heads/<branch>}, {@code
         * repo:<org>/<repo>:ref:refs/tags/<tag>} or {@code repo:<org>/<repo>:environment:<env>}. Required: at least
         * one.
         *
         * @param subjects the value of {@code subjects}
         * @return this builder
         */
        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        /**
         * Allow {@code *}/{@code ?} in the subjects outside the organisation part ({@code StringLike}). Default:
         * false, every subject is matched exactly ({@code StringEquals}).
         *
         * @param allowSubjectWildcards the value of {@code allowSubjectWildcards}
         * @return this builder
         */
        public Builder allowSubjectWildcards(boolean allowSubjectWildcards) {
            this.allowSubjectWildcards = allowSubjectWildcards;
            return this;
        }

        /**
         * The account's GitHub OIDC provider, by ARN. Default: the account's GitHub provider by its deterministic ARN
         * ({@link GitHubOidcProvider#arnInAccount}), created once by the account stack.
         *
         * @param oidcProviderArn the value of {@code oidcProviderArn}
         * @return this builder
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        /**
         * As {@link #oidcProviderArn}, from a provider construct: our {@link GitHubOidcProvider}, aws-cdk-lib's
         * {@code OpenIdConnectProvider}, or {@code OpenIdConnectProvider.fromOpenIdConnectProviderArn} for one that
         * exists already. Default: the provider of {@link #oidcProviderArn}.
         *
         * @param oidcProvider the GitHub OIDC provider
         * @return this builder
         */
        public Builder oidcProvider(IOpenIdConnectProvider oidcProvider) {
            this.oidcProviderArn = oidcProvider.getOpenIdConnectProviderArn();
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public GitHubPublisherRoleProps build() {
            return new GitHubPublisherRoleProps(roleName(), repositoryArns(), repositoryPrefixArn(), subjects,
                    allowSubjectWildcards, oidcProviderArn, signingProfileArn(), pullThroughCachePrefixArns(), readInspectorFindings());
        }
    }
}
