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

    public PromoterRoleProps {
        sourceRepositoryArns = sourceRepositoryArns == null ? List.of() : List.copyOf(sourceRepositoryArns);
        targetRepositoryArns = targetRepositoryArns == null ? List.of() : List.copyOf(targetRepositoryArns);
        githubRepositories = githubRepositories == null ? List.of() : List.copyOf(githubRepositories);
    }

    public static Builder builder() {
        return new Builder();
    }

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

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public Builder sourceRepositoryArns(List<String> sourceRepositoryArns) {
            this.sourceRepositoryArns = sourceRepositoryArns;
            return this;
        }

        public Builder sourceRepositoryPrefixArn(String sourceRepositoryPrefixArn) {
            this.sourceRepositoryPrefixArn = sourceRepositoryPrefixArn;
            return this;
        }

        public Builder targetRepositoryArns(List<String> targetRepositoryArns) {
            this.targetRepositoryArns = targetRepositoryArns;
            return this;
        }

        public Builder targetRepositoryPrefixArn(String targetRepositoryPrefixArn) {
            this.targetRepositoryPrefixArn = targetRepositoryPrefixArn;
            return this;
        }

        public Builder githubRepositories(List<String> githubRepositories) {
            this.githubRepositories = githubRepositories;
            return this;
        }

        public Builder githubEnvironment(String githubEnvironment) {
            this.githubEnvironment = githubEnvironment;
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

        public PromoterRoleProps build() {
            return new PromoterRoleProps(roleName, sourceRepositoryArns, sourceRepositoryPrefixArn,
                    targetRepositoryArns, targetRepositoryPrefixArn, githubRepositories, githubEnvironment,
                    oidcProviderArn, signingProfileArn);
        }
    }
}
