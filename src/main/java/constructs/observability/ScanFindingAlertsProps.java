package constructs.observability;

/**
 * Props of {@link ScanFindingAlerts}.
 *
 * @param alertTopic           where the alerts go. Required.
 * @param severityThreshold    the lowest severity that alerts. Default: HIGH (CRITICAL and HIGH alert).
 * @param repositoryNamePrefix only repositories whose name starts with this, e.g. {@code shop/prod/}.
 *                             Default: every repository of the registry.
 * @param ruleNamePrefix       rule names become {@code <prefix>-basic-scan-findings} and
 *                             {@code <prefix>-inspector-findings}, stable for dashboards and runbooks.
 *                             Default: names CloudFormation generates.
 */
public record ScanFindingAlertsProps(
        AlertTopic alertTopic,
        ScanFindingAlerts.Severity severityThreshold,
        String repositoryNamePrefix,
        String ruleNamePrefix) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param alertTopic where the alerts go. Required.
     * @param severityThreshold the lowest severity that alerts. Default: HIGH (CRITICAL and HIGH alert).
     * @param repositoryNamePrefix only repositories whose name starts with this, e.g. {@code shop/prod/}. Default: every repository of the registry.
     * @param ruleNamePrefix rule names become {@code <prefix>-basic-scan-findings} and {@code <prefix>-inspector-findings}, stable for dashboards and runbooks. Default: names CloudFormation generates.
     */
    public ScanFindingAlertsProps {
        severityThreshold = severityThreshold == null ? ScanFindingAlerts.Severity.HIGH : severityThreshold;
    }

    /**
     * A builder of {@link ScanFindingAlertsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ScanFindingAlertsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private AlertTopic alertTopic;
        private ScanFindingAlerts.Severity severityThreshold;
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
         * The lowest severity that alerts. Default: HIGH (CRITICAL and HIGH alert).
         *
         * @param value the value of {@code severityThreshold}
         * @return this builder
         */
        public Builder severityThreshold(ScanFindingAlerts.Severity value) {
            this.severityThreshold = value;
            return this;
        }

        /**
         * Only repositories whose name starts with this, e.g. {@code shop/prod/}. Default: every repository of the registry.
         *
         * @param value the value of {@code repositoryNamePrefix}
         * @return this builder
         */
        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        /**
         * Rule names become {@code <prefix>-basic-scan-findings} and {@code <prefix>-inspector-findings}, stable for dashboards and runbooks. Default: names CloudFormation generates.
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
        public ScanFindingAlertsProps build() {
            return new ScanFindingAlertsProps(alertTopic, severityThreshold, repositoryNamePrefix, ruleNamePrefix);
        }
    }
}
