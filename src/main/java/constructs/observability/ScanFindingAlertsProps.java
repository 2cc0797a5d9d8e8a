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

    public ScanFindingAlertsProps {
        severityThreshold = severityThreshold == null ? ScanFindingAlerts.Severity.HIGH : severityThreshold;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private AlertTopic alertTopic;
        private ScanFindingAlerts.Severity severityThreshold;
        private String repositoryNamePrefix;
        private String ruleNamePrefix;

        private Builder() {
        }

        public Builder alertTopic(AlertTopic value) {
            this.alertTopic = value;
            return this;
        }

        public Builder severityThreshold(ScanFindingAlerts.Severity value) {
            this.severityThreshold = value;
            return this;
        }

        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        public Builder ruleNamePrefix(String value) {
            this.ruleNamePrefix = value;
            return this;
        }

        public ScanFindingAlertsProps build() {
            return new ScanFindingAlertsProps(alertTopic, severityThreshold, repositoryNamePrefix, ruleNamePrefix);
        }
    }
}
