package constructs.access;

import software.amazon.awscdk.services.ecr.IRepository;

import java.util.List;

/**
 * The props every publisher role shares, whatever the CI system that assumes it: its name, the repositories it pushes
 * to, and what the push may need besides (signing, base images through a cache, the scan gate's findings). The props
 * of each publisher ({@link GitHubPublisherRoleProps}, {@link GitLabPublisherRoleProps},
 * {@link CodeBuildPublisherRoleProps}, {@link JenkinsPublisherRoleProps}) implement it and add only whom the role
 * trusts; their builders extend {@link Builder}, so a new publisher type declares these props once, here (as
 * aws-cdk-lib's {@code *Props} extend its {@code *Options}).
 */
public interface PublisherRoleOptions {

    /**
     * The role's name, at most 64 characters; other accounts refer to it through {@code aws:PrincipalArn}. Each
     * role's {@code defaultRoleName} gives {@code <platform>-<env>-<service>-<kind>publisher}.
     *
     * @return the role's name
     */
    String roleName();

    /**
     * The repositories it pushes to, by ARN; at least one (or a {@link #repositoryPrefixArn}).
     *
     * @return the repository ARNs, never null
     */
    List<String> repositoryArns();

    /**
     * Fallback when listing the ARNs would not fit IAM's managed-policy size ({@link RepositoryScope#prefixArn}).
     *
     * @return the prefix ARN, or null for none (a policy that does not fit fails synthesis)
     */
    String repositoryPrefixArn();

    /**
     * The AWS Signer profile of ECR managed signing, which signs as the pushing identity ({@code signer:SignPayload}).
     *
     * @return the profile ARN, or null for no signing permission
     */
    String signingProfileArn();

    /**
     * The pull-through cache namespaces it may pull base images through,
     * {@code arn:<partition>:ecr:<region>:<account>:repository/<cache prefix>/*} ({@link RepositoryScope#prefixArn}),
     * with {@link Persona#CACHE_PULLER}'s actions (import the upstream image, create the cached repository on first
     * pull).
     *
     * @return the cache prefix ARNs, never null; empty when the role cannot pull through a cache
     */
    List<String> pullThroughCachePrefixArns();

    /**
     * Whether the scan gate reads Amazon Inspector findings ({@code inspector2:ListFindings} on {@code *}: the action
     * has no resource-level permissions); set it where the registry pushed to scans ENHANCED.
     *
     * @return true to allow it; false, the gate reads basic scan findings through ECR only
     */
    boolean readInspectorFindings();

    /**
     * The builder methods of the shared props, for the builder of each publisher's props.
     *
     * @param <B> the builder of the publisher's props, which each method returns
     */
    abstract class Builder<B extends Builder<B>> {
        private String roleName;
        private List<String> repositoryArns = List.of();
        private String repositoryPrefixArn;
        private String signingProfileArn;
        private List<String> pullThroughCachePrefixArns = List.of();
        private boolean readInspectorFindings;

        /** Only the publishers' builders extend it. */
        Builder() {
        }

        private B self() {
            @SuppressWarnings("unchecked")
            B self = (B) this;
            return self;
        }

        /**
         * The role's name, at most 64 characters; other accounts refer to it through {@code aws:PrincipalArn}. Each
         * role's {@code defaultRoleName} gives {@code <platform>-<env>-<service>-<kind>publisher}. Required.
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public B roleName(String roleName) {
            this.roleName = roleName;
            return self();
        }

        /**
         * The repositories it pushes to, by ARN (a repository construct's {@code getRepositoryArn()}). Required: at
         * least one, here or through {@link #repositories} (or a {@link #repositoryPrefixArn}).
         *
         * @param repositoryArns the value of {@code repositoryArns}
         * @return this builder
         */
        public B repositoryArns(List<String> repositoryArns) {
            this.repositoryArns = repositoryArns;
            return self();
        }

        /**
         * As {@link #repositoryArns}, from repositories: ours ({@code PrivateRepository}), aws-cdk-lib's, or imported
         * ones ({@code Repository.fromRepositoryArn}). Default: none, the ARNs of {@link #repositoryArns} only.
         *
         * @param repositories the repositories
         * @return this builder
         */
        public B repositories(List<? extends IRepository> repositories) {
            this.repositoryArns = RepositoryScope.arnsOf(repositories);
            return self();
        }

        /**
         * Fallback when listing the ARNs would not fit IAM's managed-policy size ({@link RepositoryScope#prefixArn}).
         * Default: no prefix; a policy that does not fit fails synthesis.
         *
         * @param repositoryPrefixArn the value of {@code repositoryPrefixArn}
         * @return this builder
         */
        public B repositoryPrefixArn(String repositoryPrefixArn) {
            this.repositoryPrefixArn = repositoryPrefixArn;
            return self();
        }

        /**
         * The AWS Signer profile of ECR managed signing, which signs as the pushing identity ({@code
         * signer:SignPayload}). Default: no signing permission.
         *
         * @param signingProfileArn the value of {@code signingProfileArn}
         * @return this builder
         */
        public B signingProfileArn(String signingProfileArn) {
            this.signingProfileArn = signingProfileArn;
            return self();
        }

        /**
         * Pull-through cache namespaces the builds pull base images through ({@link RepositoryScope#prefixArn}).
         * Default: none, the role cannot pull through a cache.
         *
         * @param pullThroughCachePrefixArns the value of {@code pullThroughCachePrefixArns}
         * @return this builder
         */
        public B pullThroughCachePrefixArns(List<String> pullThroughCachePrefixArns) {
            this.pullThroughCachePrefixArns = pullThroughCachePrefixArns;
            return self();
        }

        /**
         * Let the scan gate read Amazon Inspector findings (enhanced scanning). Default: false, the scan gate reads
         * basic findings through ECR.
         *
         * @param readInspectorFindings the value of {@code readInspectorFindings}
         * @return this builder
         */
        public B readInspectorFindings(boolean readInspectorFindings) {
            this.readInspectorFindings = readInspectorFindings;
            return self();
        }

        String roleName() {
            return roleName;
        }

        List<String> repositoryArns() {
            return repositoryArns;
        }

        String repositoryPrefixArn() {
            return repositoryPrefixArn;
        }

        String signingProfileArn() {
            return signingProfileArn;
        }

        List<String> pullThroughCachePrefixArns() {
            return pullThroughCachePrefixArns;
        }

        boolean readInspectorFindings() {
            return readInspectorFindings;
        }
    }
}
