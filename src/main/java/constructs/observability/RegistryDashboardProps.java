package constructs.observability;

import java.util.List;

/**
 * Props of {@link RegistryDashboard}.
 *
 * @param dashboardName    the CloudWatch dashboard name, stable so links and runbooks keep working,
 *                         e.g. {@code shop-prod-ecr}. Required.
 * @param repositoryNames  repositories whose pulls are graphed (AWS/ECR RepositoryPullCount). Default: none,
 *                         no pull graph.
 * @param findingRuleNames names of the scan-finding rules ({@link ScanFindingAlerts#ruleNames()}) whose
 *                         matched events are graphed and alarmed on. Default: none.
 * @param auditRuleNames   names of the audit rules ({@link RegistryAuditAlerts#ruleName()}) whose matched
 *                         events are graphed. Default: none.
 * @param findingsAlarm    create an alarm that goes off when a finding rule matched at least one event in
 *                         five minutes, and notify {@code alarmTopic}. Default: false, no alarm.
 * @param alarmTopic       where the alarm notifies. Required when {@code findingsAlarm} is true.
 * @param usageMetricsNamespace the namespace {@link RepositoryUsageMetrics} publishes to: the image count and storage
 *                         of each of {@code repositoryNames} are graphed. Default: none, a text says AWS publishes
 *                         neither.
 */
public record RegistryDashboardProps(
        String dashboardName,
        List<String> repositoryNames,
        List<String> findingRuleNames,
        List<String> auditRuleNames,
        boolean findingsAlarm,
        AlertTopic alarmTopic,
        String usageMetricsNamespace) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param dashboardName the CloudWatch dashboard name, stable so links and runbooks keep working, e.g. {@code shop-prod-ecr}. Required.
     * @param repositoryNames repositories whose pulls are graphed (AWS/ECR RepositoryPullCount). Default: none, no pull graph.
     * @param findingRuleNames names of the scan-finding rules ({@link ScanFindingAlerts#ruleNames()}) whose matched events are graphed and alarmed on. Default: none.
     * @param auditRuleNames names of the audit rules ({@link RegistryAuditAlerts#ruleName()}) whose matched events are graphed. Default: none.
     * @param findingsAlarm create an alarm that goes off when a finding rule matched at least one event in five minutes, and notify {@code alarmTopic}. Default: false, no alarm.
     * @param alarmTopic where the alarm notifies. Required when {@code findingsAlarm} is true.
     * @param usageMetricsNamespace the namespace {@link RepositoryUsageMetrics} publishes to. Default: none, no usage graphs.
     */
    public RegistryDashboardProps {
        repositoryNames = repositoryNames == null ? List.of() : List.copyOf(repositoryNames);
        findingRuleNames = findingRuleNames == null ? List.of() : List.copyOf(findingRuleNames);
        auditRuleNames = auditRuleNames == null ? List.of() : List.copyOf(auditRuleNames);
    }

    /**
     * Props without usage metrics (before {@code usageMetricsNamespace}).
     *
     * @param dashboardName the CloudWatch dashboard name. Required.
     * @param repositoryNames repositories whose pulls are graphed. Default: none.
     * @param findingRuleNames names of the scan-finding rules. Default: none.
     * @param auditRuleNames names of the audit rules. Default: none.
     * @param findingsAlarm create the scan-finding alarm. Default: false.
     * @param alarmTopic where the alarm notifies. Required when {@code findingsAlarm} is true.
     */
    public RegistryDashboardProps(String dashboardName, List<String> repositoryNames, List<String> findingRuleNames,
                                  List<String> auditRuleNames, boolean findingsAlarm, AlertTopic alarmTopic) {
        this(dashboardName, repositoryNames, findingRuleNames, auditRuleNames, findingsAlarm, alarmTopic, null);
    }

    /**
     * A builder of {@link RegistryDashboardProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RegistryDashboardProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String dashboardName;
        private List<String> repositoryNames = List.of();
        private List<String> findingRuleNames = List.of();
        private List<String> auditRuleNames = List.of();
        private boolean findingsAlarm;
        private AlertTopic alarmTopic;
        private String usageMetricsNamespace;

        private Builder() {
        }

        /**
         * The CloudWatch dashboard name, stable so links and runbooks keep working, e.g. {@code shop-prod-ecr}. Required.
         *
         * @param value the value of {@code dashboardName}
         * @return this builder
         */
        public Builder dashboardName(String value) {
            this.dashboardName = value;
            return this;
        }

        /**
         * Repositories whose pulls are graphed (AWS/ECR RepositoryPullCount). Default: none, no pull graph.
         *
         * @param value the value of {@code repositoryNames}
         * @return this builder
         */
        public Builder repositoryNames(List<String> value) {
            this.repositoryNames = value;
            return this;
        }

        /**
         * Names of the scan-finding rules ({@link ScanFindingAlerts#ruleNames()}) whose matched events are graphed
         * and alarmed on. Default: none, no findings graph.
         *
         * @param value the value of {@code findingRuleNames}
         * @return this builder
         */
        public Builder findingRuleNames(List<String> value) {
            this.findingRuleNames = value;
            return this;
        }

        /**
         * Names of the audit rules ({@link RegistryAuditAlerts#ruleName()}) whose matched events are graphed.
         * Default: none, no audit graph.
         *
         * @param value the value of {@code auditRuleNames}
         * @return this builder
         */
        public Builder auditRuleNames(List<String> value) {
            this.auditRuleNames = value;
            return this;
        }

        /**
         * Create an alarm that goes off when a finding rule matched at least one event in five minutes, and notify {@code alarmTopic}. Default: false, no alarm.
         *
         * @param value the value of {@code findingsAlarm}
         * @return this builder
         */
        public Builder findingsAlarm(boolean value) {
            this.findingsAlarm = value;
            return this;
        }

        /**
         * Where the alarm notifies. Default: none; required when {@code findingsAlarm} is true.
         *
         * @param value the value of {@code alarmTopic}
         * @return this builder
         */
        public Builder alarmTopic(AlertTopic value) {
            this.alarmTopic = value;
            return this;
        }

        /**
         * The namespace {@link RepositoryUsageMetrics} publishes to: the image count and storage of each of
         * {@code repositoryNames} are graphed. Default: none, a text says AWS publishes neither.
         *
         * @param value the value of {@code usageMetricsNamespace}
         * @return this builder
         */
        public Builder usageMetricsNamespace(String value) {
            this.usageMetricsNamespace = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryDashboardProps build() {
            return new RegistryDashboardProps(dashboardName, repositoryNames, findingRuleNames, auditRuleNames,
                    findingsAlarm, alarmTopic, usageMetricsNamespace);
        }
    }
}
