package constructs.access;

import java.util.List;

/**
 * Props of {@link JenkinsPublisherRole}.
 *
 * @param roleName            required, at most 64 characters; {@link JenkinsPublisherRole#defaultRoleName} gives
 *                            {@code <platform>-<env>-<service>-jenkins-publisher}
 * @param repositoryArns      the repositories it pushes to; at least one
 * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
 * @param principalArns       the IAM roles or users the Jenkins agents run as, in any account; at least one, literal ARNs
 * @param externalId          the {@code sts:ExternalId} the agents must pass; default: none, no external id is required
 * @param signingProfileArn   default: no signing permission; set it with ECR managed signing
 * @param pullThroughCachePrefixArns the cache namespaces it may pull through ({@code repository/<prefix>/*}); default: none
 * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false, the gate reads
 *                            basic scan findings through ECR only
 */
public record JenkinsPublisherRoleProps(String roleName, List<String> repositoryArns, String repositoryPrefixArn,
                                        List<String> principalArns, String externalId, String signingProfileArn,
                                        List<String> pullThroughCachePrefixArns, boolean readInspectorFindings)
        implements PublisherRoleOptions {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName required, at most 64 characters
     * @param repositoryArns the repositories it pushes to; at least one
     * @param repositoryPrefixArn fallback when listing the ARNs would not fit; default: none
     * @param principalArns the IAM roles or users the Jenkins agents run as; at least one
     * @param externalId the {@code sts:ExternalId} the agents must pass; default: none
     * @param signingProfileArn default: no signing permission
     * @param pullThroughCachePrefixArns the cache namespaces it may pull through; default: none
     * @param readInspectorFindings whether the scan gate reads Amazon Inspector findings; default: false
     */
    public JenkinsPublisherRoleProps {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        principalArns = principalArns == null ? List.of() : List.copyOf(principalArns);
        pullThroughCachePrefixArns = pullThroughCachePrefixArns == null ? List.of() : List.copyOf(pullThroughCachePrefixArns);
    }

    /**
     * A builder of {@link JenkinsPublisherRoleProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link JenkinsPublisherRoleProps}; every prop left unset takes its documented default. */
    public static final class Builder extends PublisherRoleOptions.Builder<Builder> {
        private List<String> principalArns = List.of();
        private String externalId;

        private Builder() {
        }

        /**
         * Required: the IAM roles or users the Jenkins agents run as, in any account; literal ARNs without wildcards.
         *
         * @param principalArns the principal ARNs
         * @return this builder
         */
        public Builder principalArns(List<String> principalArns) {
            this.principalArns = principalArns;
            return this;
        }

        /**
         * Default: none, no external id is required.
         *
         * @param externalId the external id the agents pass to {@code sts:AssumeRole}
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public JenkinsPublisherRoleProps build() {
            return new JenkinsPublisherRoleProps(roleName(), repositoryArns(), repositoryPrefixArn(), principalArns, externalId,
                    signingProfileArn(), pullThroughCachePrefixArns(), readInspectorFindings());
        }
    }
}
