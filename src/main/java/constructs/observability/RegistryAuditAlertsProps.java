package constructs.observability;

/**
 * Props of {@link RegistryAuditAlerts}.
 *
 * @param alertTopic           where the alerts go. Required.
 * @param repositoryNamePrefix only calls on repositories whose name starts with this, e.g. {@code shop/prod/}.
 *                             Default: every repository of the registry.
 * @param ruleNamePrefix       the rule name becomes {@code <prefix>-registry-changes}.
 *                             Default: a name CloudFormation generates.
 */
public record RegistryAuditAlertsProps(AlertTopic alertTopic, String repositoryNamePrefix, String ruleNamePrefix) {

    /**
     * A builder of {@link RegistryAuditAlertsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RegistryAuditAlertsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private AlertTopic alertTopic;
        private String repositoryNamePrefix;
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
         * Only calls on repositories whose name starts with this, e.g. {@code shop/prod/}. Default: every repository of the registry.
         *
         * @param value the value of {@code repositoryNamePrefix}
         * @return this builder
         */
        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        /**
         * The rule name becomes {@code <prefix>-registry-changes}. Default: a name CloudFormation generates.
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
        public RegistryAuditAlertsProps build() {
            return new RegistryAuditAlertsProps(alertTopic, repositoryNamePrefix, ruleNamePrefix);
        }
    }
}
