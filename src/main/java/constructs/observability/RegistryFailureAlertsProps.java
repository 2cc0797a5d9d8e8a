package constructs.observability;

import java.util.List;

/**
 * Props of {@link RegistryFailureAlerts}.
 *
 * @param alertTopic               where the alerts go. Required.
 * @param replicationFailures      whether failed replications alert (rule {@code <prefix>-replication-failures}); they
 *                                 reach this region only through a {@link ReplicationFailureForwarder} in each
 *                                 destination region. Default: true
 * @param repositoryNamePrefix     only replications of repositories whose name starts with this, e.g. {@code shop/prod/}.
 *                                 Default: every repository of the registry
 * @param pullThroughCacheFailures whether pull-through-cache actions that did not succeed alert (rule
 *                                 {@code <prefix>-pull-through-cache-failures}). Default: true
 * @param pullThroughCachePrefixes only the cache rules with these ECR repository prefixes, e.g. {@code docker-hub}.
 *                                 Default: every cache rule of the registry
 * @param ruleNamePrefix           rule names become {@code <prefix>-replication-failures} and
 *                                 {@code <prefix>-pull-through-cache-failures}. Default: names CloudFormation generates
 */
public record RegistryFailureAlertsProps(AlertTopic alertTopic, boolean replicationFailures, String repositoryNamePrefix,
                                         boolean pullThroughCacheFailures, List<String> pullThroughCachePrefixes,
                                         String ruleNamePrefix) {

    /**
     * Copies the collections.
     *
     * @param alertTopic where the alerts go. Required.
     * @param replicationFailures whether failed replications alert. Default: true
     * @param repositoryNamePrefix only replications of repositories under this prefix. Default: every repository
     * @param pullThroughCacheFailures whether failed pull-through-cache actions alert. Default: true
     * @param pullThroughCachePrefixes only these cache rules. Default: every cache rule
     * @param ruleNamePrefix the rule name prefix. Default: names CloudFormation generates
     */
    public RegistryFailureAlertsProps {
        pullThroughCachePrefixes = pullThroughCachePrefixes == null ? List.of() : List.copyOf(pullThroughCachePrefixes);
    }

    /**
     * A builder of {@link RegistryFailureAlertsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RegistryFailureAlertsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private AlertTopic alertTopic;
        private boolean replicationFailures = true;
        private String repositoryNamePrefix;
        private boolean pullThroughCacheFailures = true;
        private List<String> pullThroughCachePrefixes = List.of();
        private String ruleNamePrefix;

        private Builder() {
        }

        /**
         * Where the alerts go. Required.
         *
         * @param value the value of {@code alertTopic}
         * @return this builder
         */
        public Builder alertTopic(AlertTopic value) {
            this.alertTopic = value;
            return this;
        }

        /**
         * Whether failed replications alert; they reach this region only through a {@link ReplicationFailureForwarder}
         * in each destination region. Default: true
         *
         * @param value the value of {@code replicationFailures}
         * @return this builder
         */
        public Builder replicationFailures(boolean value) {
            this.replicationFailures = value;
            return this;
        }

        /**
         * Only replications of repositories whose name starts with this, e.g. {@code shop/prod/}. Default: every repository of the registry
         *
         * @param value the value of {@code repositoryNamePrefix}
         * @return this builder
         */
        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        /**
         * Whether pull-through-cache actions that did not succeed alert. Default: true
         *
         * @param value the value of {@code pullThroughCacheFailures}
         * @return this builder
         */
        public Builder pullThroughCacheFailures(boolean value) {
            this.pullThroughCacheFailures = value;
            return this;
        }

        /**
         * Only the cache rules with these ECR repository prefixes, e.g. {@code docker-hub}. Default: every cache rule of the registry
         *
         * @param value the value of {@code pullThroughCachePrefixes}
         * @return this builder
         */
        public Builder pullThroughCachePrefixes(List<String> value) {
            this.pullThroughCachePrefixes = value;
            return this;
        }

        /**
         * Rule names become {@code <prefix>-replication-failures} and {@code <prefix>-pull-through-cache-failures}.
         * Default: names CloudFormation generates
         *
         * @param value the value of {@code ruleNamePrefix}
         * @return this builder
         */
        public Builder ruleNamePrefix(String value) {
            this.ruleNamePrefix = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryFailureAlertsProps build() {
            return new RegistryFailureAlertsProps(alertTopic, replicationFailures, repositoryNamePrefix,
                    pullThroughCacheFailures, pullThroughCachePrefixes, ruleNamePrefix);
        }
    }
}
