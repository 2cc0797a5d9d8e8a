package constructs.access;

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
 * @param githubRepositories        {@code <organisation>/<repository>} of the workflows that promote; at least one,
 *                                  no wildcards
 * @param githubEnvironment         the GitHub environment the promotion job runs in (its required reviewers gate
 *                                  the promotion): the trust's only subject context; required
 * @param oidcProviderArn           default: the account's GitHub provider by its deterministic ARN
 * @param signingProfileArn         default: no signing permission; set it when the target registry has ECR managed
 *                                  signing
 */
public record PromoterRoleProps(String roleName, List<String> sourceRepositoryArns, String sourceRepositoryPrefixArn,
                                List<String> targetRepositoryArns, String targetRepositoryPrefixArn,
                                List<String> githubRepositories, String githubEnvironment, String oidcProviderArn,
                                String signingProfileArn) {

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
     */
    public PromoterRoleProps {
        sourceRepositoryArns = sourceRepositoryArns == null ? List.of() : List.copyOf(sourceRepositoryArns);
        targetRepositoryArns = targetRepositoryArns == null ? List.of() : List.copyOf(targetRepositoryArns);
        githubRepositories = githubRepositories == null ? List.of() : List.copyOf(githubRepositories);
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

        /**
         * Required, at most 64 characters; {@link PromoterRole#defaultRoleName} gives {@code <platform>-<target env>-<service>-promoter}
         *
         * @param roleName the value of {@code roleName}
         * @return this builder
         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * The source environment's repositories, pulled from; at least one. Cross-account, the source repository's policy must also grant this role (account root plus {@code aws:PrincipalArn})
         *
         * @param sourceRepositoryArns the value of {@code sourceRepositoryArns}
         * @return this builder
         */
        public Builder sourceRepositoryArns(List<String> sourceRepositoryArns) {
            this.sourceRepositoryArns = sourceRepositoryArns;
            return this;
        }

        /**
         * Fallback when listing the source ARNs would not fit; default: none
         *
         * @param sourceRepositoryPrefixArn the value of {@code sourceRepositoryPrefixArn}
         * @return this builder
         */
        public Builder sourceRepositoryPrefixArn(String sourceRepositoryPrefixArn) {
            this.sourceRepositoryPrefixArn = sourceRepositoryPrefixArn;
            return this;
        }

        /**
         * The role's own environment's repositories, pushed to; at least one
         *
         * @param targetRepositoryArns the value of {@code targetRepositoryArns}
         * @return this builder
         */
        public Builder targetRepositoryArns(List<String> targetRepositoryArns) {
            this.targetRepositoryArns = targetRepositoryArns;
            return this;
        }

        /**
         * Fallback when listing the target ARNs would not fit; default: none
         *
         * @param targetRepositoryPrefixArn the value of {@code targetRepositoryPrefixArn}
         * @return this builder
         */
        public Builder targetRepositoryPrefixArn(String targetRepositoryPrefixArn) {
            this.targetRepositoryPrefixArn = targetRepositoryPrefixArn;
            return this;
        }

        /**
         * {@code <organisation>/<repository>} of the workflows that promote; at least one, no wildcards
         *
         * @param githubRepositories the value of {@code githubRepositories}
         * @return this builder
         */
        public Builder githubRepositories(List<String> githubRepositories) {
            this.githubRepositories = githubRepositories;
            return this;
        }

        /**
         * The GitHub environment the promotion job runs in (its required reviewers gate the promotion): the trust's only subject context; required
         *
         * @param githubEnvironment the value of {@code githubEnvironment}
         * @return this builder
         */
        public Builder githubEnvironment(String githubEnvironment) {
            this.githubEnvironment = githubEnvironment;
            return this;
        }

        /**
         * Default: the account's GitHub provider by its deterministic ARN
         *
         * @param oidcProviderArn the value of {@code oidcProviderArn}
         * @return this builder
         */
        public Builder oidcProviderArn(String oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        /**
         * Default: no signing permission; set it when the target registry has ECR managed signing
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
                    oidcProviderArn, signingProfileArn);
        }
    }
}
