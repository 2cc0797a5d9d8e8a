package constructs.observability;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Props of {@link RegistryAuditAlerts}.
 *
 * @param alertTopic           where the alerts go. Required.
 * @param repositoryNamePrefix only calls on repositories whose name starts with this, e.g. {@code shop/prod/}.
 *                             Default: every repository of the registry.
 * @param ruleNamePrefix       the rule name becomes {@code <prefix>-registry-changes}.
 *                             Default: a name CloudFormation generates.
 * @param watchedKeys repository keys whose scheduled deletion or disabling is reported ({@code ScheduleKeyDeletion},
 *  {@code DisableKey} on the key by id or ARN): either makes every image encrypted with it unreadable. Default: none
 */
public record RegistryAuditAlertsProps(AlertTopic alertTopic, String repositoryNamePrefix, String ruleNamePrefix, List<IKey> watchedKeys) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private AlertTopic alertTopic;
        private String repositoryNamePrefix;
        private String ruleNamePrefix;
        private List<IKey> watchedKeys = List.of();

        private Builder() {
        }

        public Builder alertTopic(AlertTopic value) {
            this.alertTopic = value;
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

        public Builder watchedKeys(List<IKey> watchedKeys) {
            this.watchedKeys = watchedKeys;
            return this;
        }

        public RegistryAuditAlertsProps build() {
            return new RegistryAuditAlertsProps(alertTopic, repositoryNamePrefix, ruleNamePrefix, watchedKeys);
        }
    }
}
