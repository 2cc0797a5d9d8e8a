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

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param alertTopic see the record components
     * @param repositoryNamePrefix see the record components
     * @param ruleNamePrefix see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public RegistryAuditAlertsProps(AlertTopic alertTopic, String repositoryNamePrefix, String ruleNamePrefix) {
        this(alertTopic, repositoryNamePrefix, ruleNamePrefix, List.of());
    }

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
        private List<IKey> watchedKeys = List.of();

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
         * Repository keys whose scheduled deletion or disabling alerts. Default: none, key deletion and disabling are
         * not watched.
         *
         * @param watchedKeys the value
         * @return this builder
         */
        public Builder watchedKeys(List<IKey> watchedKeys) {
            this.watchedKeys = watchedKeys;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryAuditAlertsProps build() {
            return new RegistryAuditAlertsProps(alertTopic, repositoryNamePrefix, ruleNamePrefix, watchedKeys);
        }
    }
}
