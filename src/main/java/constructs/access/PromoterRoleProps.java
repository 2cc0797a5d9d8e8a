package constructs.access;

import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;

import java.util.List;

/**
 * Props of {@link PromoterRole}: one promotion step, source environment to target environment.
 *
 * @param roleName                  required, at most 64 characters; {@link PromoterRole#defaultRoleName} gives
 *                                  {@code <platform>-<target env>-<service>-promoter}
 * @param sourceRepositoryArns      the source environment's repositories, pulled from; at least one. Cross-account,
 *                                  the source repository's policy must also grant this role (account root plus
 *                                  {@code aws:PrincipalArn})
 * @param sourceRepositoryPrefixArn fallback when listing the source ARNs would not fit; default: none
 * @param targetRepositoryArns      the role's own environment's repositories, pushed to; at least one
 * @param targetRepositoryPrefixArn fallback when listing the target ARNs would not fit; default: none
 * @param githubRepositories        {@code <organisation>/<repository>} of the workflows that promote, no wildcards;
 *                                  default: none, but the role needs these or pipeline principals
 * @param githubEnvironment         the GitHub environment the promotion job runs in (its required reviewers gate
 *                                  the promotion): the trust's only subject context; required with githubRepositories
 * @param oidcProviderArn           default: the account's GitHub provider by its deterministic ARN
 * @param signingProfileArn         default: no signing permission; set it when the target registry has ECR managed
 *                                  signing
 * @param pipelinePrincipalArns     the roles of image pipelines' promotion builds that may assume the role, trusted
 *                                  through their accounts' roots with {@code aws:PrincipalArn}; default: none
 */
public record PromoterRoleProps(String roleName, List<String> sourceRepositoryArns, String sourceRepositoryPrefixArn,
                                List<String> targetRepositoryArns, String targetRepositoryPrefixArn,
                                List<String> githubRepositories, String githubEnvironment, String oidcProviderArn,
                                String signingProfileArn, List<String> pipelinePrincipalArns) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName required, at most 64 characters; {@link PromoterRole#defaultRoleName} gives {@code <platform>-<target env>-<service>-promoter}
     * @param sourceRepositoryArns the source environment's repositories, pulled from; at least one. Cross-account, the source repository's policy must also grant this role (account root plus {@code aws:PrincipalArn})
     * @param sourceRepositoryPrefixArn fallback when listing the source ARNs would not fit; default: none
     * @param targetRepositoryArns the role's own environment's repositories, pushed to; at least one
     * @param targetRepositoryPrefixArn fallback when listing the target ARNs would not fit; default: none
     * @param githubRepositories {@code <organisation>/<repository>} of the workflows that promote; at least one, no wildcards
     * @param githubEnvironment the GitHub environment the promotion job runs in (its required reviewers gate the promotion): the trust's only subject context; required
     * @param oidcProviderArn default: the account's GitHub provider by its deterministic ARN
     * @param signingProfileArn default: no signing permission; set it when the target registry has ECR managed signing
     * @param pipelinePrincipalArns the roles of image pipelines' promotion builds that may assume the promoter (trusted through their
     *  accounts' roots with {@code aws:PrincipalArn}, since they live in the first environment's account); default: none
     */
    public PromoterRoleProps {
        pipelinePrincipalArns = pipelinePrincipalArns == null ? List.of() : List.copyOf(pipelinePrincipalArns);
        sourceRepositoryArns = sourceRepositoryArns == null ? List.of() : List.copyOf(sourceRepositoryArns);
        targetRepositoryArns = targetRepositoryArns == null ? List.of() : List.copyOf(targetRepositoryArns);
        githubRepositories = githubRepositories == null ? List.of() : List.copyOf(githubRepositories);
    }

    /**
     * The constructor of 0.3.0, without {@code pipelinePrincipalArns}: none.
     *
     * @param roleName see the record components
     * @param sourceRepositoryArns see the record components
     * @param sourceRepositoryPrefixArn see the record components
     * @param targetRepositoryArns see the record components
     * @param targetRepositoryPrefixArn see the record components
     * @param githubRepositories see the record components
     * @param githubEnvironment see the record components
     * @param oidcProviderArn see the record components
     * @param signingProfileArn see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public PromoterRoleProps(String roleName, List<String> sourceRepositoryArns, String sourceRepositoryPrefixArn,
                             List<String> targetRepositoryArns, String targetRepositoryPrefixArn,
                             List<String> githubRepositories, String githubEnvironment, String oidcProviderArn,
                             String signingProfileArn) {
        this(roleName, sourceRepositoryArns, sourceRepositoryPrefixArn, targetRepositoryArns, targetRepositoryPrefixArn,
                githubRepositories, githubEnvironment, oidcProviderArn, signingProfileArn, List.of());
    }

    /**
     * A builder of {@link PromoterRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link PromoterRoleProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String roleName;
        private List<String> sourceRepositoryArns = List.of();
        private String sourceRepositoryPrefixArn;
        private List<String> targetRepositoryArns = List.of();
        private String targetRepositoryPrefixArn;
        private List<String> githubRepositories = List.of();
        private String githubEnvironment;
        private String oidcProviderArn;
        private String signingProfileArn;
        private List<String> pipelinePrincipalArns = List.of();

        /**
         * The roles of image pipelines' promotion builds ({@code constructs.pipeline.ImagePipeline}) that may assume the
         * promoter, each the literal ARN of one role; trusted through their accounts' roots with an {@code
         * aws:PrincipalArn} condition (the role may be in another account, and may not exist yet). Default: none.
         *
         * @param pipelinePrincipalArns the value
         * @return this builder
         */
        public Builder pipelinePrincipalArns(List<String> pipelinePrincipalArns) {
            this.pipelinePrincipalArns = pipelinePrincipalArns;
            return this;
        }

        /**
         * The role's name, at most 64 characters; {@link PromoterRole#defaultRoleName} gives {@code
         * <platform>-<target env>-<service>-promoter}. Required.
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The source environment's repositories, pulled from, by ARN. Cross-account, the source repository's policy
         * must also grant this role (account root plus {@code aws:PrincipalArn}). Required: at least one, here or
         * through {@link #sourceRepositories} (or a {@link #sourceRepositoryPrefixArn}).
         *
         * @param sourceRepositoryArns the value of {@code sourceRepositoryArns}
         * @return this builder
         */
        public Builder sourceRepositoryArns(List<String> sourceRepositoryArns) {
            this.sourceRepositoryArns = sourceRepositoryArns;
            return this;
        }

        /**
         * As {@link #sourceRepositoryArns}, from repositories: ours ({@code PrivateRepository}), aws-cdk-lib's, or
         * imported ones ({@code Repository.fromRepositoryArn}). Default: none, the ARNs of {@link
         * #sourceRepositoryArns} only.
         *
         * @param sourceRepositories the repositories
         * @return this builder
         */
        public Builder sourceRepositories(List<? extends IRepository> sourceRepositories) {
            this.sourceRepositoryArns = RepositoryScope.arnsOf(sourceRepositories);
            return this;
        }

        /**
         * Fallback when listing the source ARNs would not fit IAM's managed-policy size. Default: no prefix; a policy
         * that does not fit fails synthesis.
         *
         * @param sourceRepositoryPrefixArn the value of {@code sourceRepositoryPrefixArn}
         * @return this builder
         */
        public Builder sourceRepositoryPrefixArn(String sourceRepositoryPrefixArn) {
            this.sourceRepositoryPrefixArn = sourceRepositoryPrefixArn;
            return this;
        }

        /**
         * The role's own environment's repositories, pushed to, by ARN. Required: at least one, here or through
         * {@link #targetRepositories} (or a {@link #targetRepositoryPrefixArn}).
         *
         * @param targetRepositoryArns the value of {@code targetRepositoryArns}
         * @return this builder
         */
        public Builder targetRepositoryArns(List<String> targetRepositoryArns) {
            this.targetRepositoryArns = targetRepositoryArns;
            return this;
        }

        /**
         * As {@link #targetRepositoryArns}, from repositories: ours ({@code PrivateRepository}), aws-cdk-lib's, or
         * imported ones ({@code Repository.fromRepositoryArn}). Default: none, the ARNs of {@link
         * #targetRepositoryArns} only.
         *
         * @param targetRepositories the repositories
         * @return this builder
         */
        public Builder targetRepositories(List<? extends IRepository> targetRepositories) {
            this.targetRepositoryArns = RepositoryScope.arnsOf(targetRepositories);
            return this;
        }

        /**
         * Fallback when listing the target ARNs would not fit IAM's managed-policy size. Default: no prefix; a policy
         * that does not fit fails synthesis.
         *
         * @param targetRepositoryPrefixArn the value of {@code targetRepositoryPrefixArn}
         * @return this builder
         */
        public Builder targetRepositoryPrefixArn(String targetRepositoryPrefixArn) {
            this.targetRepositoryPrefixArn = targetRepositoryPrefixArn;
            return this;
        }

        /**
         * {@code <organisation>/<repository>} of the workflows that promote, without wildcards. Required: at least
         * one.
         *
         * @param githubRepositories the value of {@code githubRepositories}
         * @return this builder
         */
        public Builder githubRepositories(List<String> githubRepositories) {
            this.githubRepositories = githubRepositories;
            return this;
        }

        /**
         * The GitHub environment the promotion job runs in (its required reviewers gate the promotion): the trust's
         * only subject context. Required.
         *
         * @param githubEnvironment the value of {@code githubEnvironment}
         * @return this builder
         */
        public Builder githubEnvironment(String githubEnvironment) {
            this.githubEnvironment = githubEnvironment;
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
         * The AWS Signer profile of the target registry's ECR managed signing ({@code signer:SignPayload}). Default:
         * no signing permission.
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
        public PromoterRoleProps build() {
            return new PromoterRoleProps(roleName, sourceRepositoryArns, sourceRepositoryPrefixArn,
                    targetRepositoryArns, targetRepositoryPrefixArn, githubRepositories, githubEnvironment,
                    oidcProviderArn, signingProfileArn, pipelinePrincipalArns);
        }
    }
}
