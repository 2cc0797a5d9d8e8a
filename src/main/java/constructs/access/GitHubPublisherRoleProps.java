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
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through, {@code arn:<partition>:ecr:<region>:<account>:repository/<cache prefix>/*}
 *  ({@link RepositoryScope#prefixArn}); the role gets {@link Persona#CACHE_PULLER}'s actions there (import the upstream
 *  image, create the cached repository on first pull). Default: none, the role cannot pull through a cache
 * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings ({@code inspector2:ListFindings} on {@code *}: the action
 *  has no resource-level permissions); set it where the registry pushed to scans ENHANCED. Default: false, the gate
 *  reads basic scan findings through ECR only
 */
public record GitHubPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                       List<String> subjects, boolean allowSubjectWildcards, String oidcProviderArn,
                                       String signingProfileArn, List<String> pullThroughCachePrefixArns, boolean readInspectorFindings) {

    public GitHubPublisherRoleProps {
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String roleName;
        private List<String> repositoryArns = List.of();
        private String repositoryPrefixArn;
        private List<String> subjects = List.of();
        private boolean allowSubjectWildcards;
        private String oidcProviderArn;
        private String signingProfileArn;
        private List<String> pullThroughCachePrefixArns = List.of();
        private boolean readInspectorFindings;

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public Builder repositoryArns(List<String> repositoryArns) {
            this.repositoryArns = repositoryArns;
            return this;
        }

        public Builder repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return this;
        }

        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        public Builder allowSubjectWildcards(boolean allowSubjectWildcards) {
            this.allowSubjectWildcards = allowSubjectWildcards;
            return this;
        }

        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        public Builder signingProfileArn(String signingProfileArn) {
            this.signingProfileArn = signingProfileArn;
            return this;
        }

        public Builder pullThroughCachePrefixArns(List<String> pullThroughCachePrefixArns) {
            this.pullThroughCachePrefixArns = pullThroughCachePrefixArns;
            return this;
        }

        public Builder readInspectorFindings(boolean readInspectorFindings) {
            this.readInspectorFindings = readInspectorFindings;
            return this;
        }

        public GitHubPublisherRoleProps build() {
            return new GitHubPublisherRoleProps(roleName, repositoryArns, repositoryPrefixArn, subjects,
                    allowSubjectWildcards, oidcProviderArn, signingProfileArn, pullThroughCachePrefixArns, readInspectorFindings);
        }
    }
}
