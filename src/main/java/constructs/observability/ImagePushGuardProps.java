package constructs.observability;

import java.util.List;

/**
 * Props of {@link ImagePushGuard}.
 *
 * @param alertTopic           where the alerts go. Required.
 * @param repositoryNamePrefix the guarded repositories: those whose name starts with this, e.g. {@code shop/prod/}. Required.
 * @param allowedRoleArns      the roles whose sessions may push (the environment's promoters, a break-glass role), by
 *                             IAM role ARN as CloudTrail names them. Required, at least one.
 * @param ruleNamePrefix       the rule name becomes {@code <prefix>-image-push-guard}. Default: a name CloudFormation generates.
 */
public record ImagePushGuardProps(AlertTopic alertTopic, String repositoryNamePrefix, List<String> allowedRoleArns,
                                  String ruleNamePrefix) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param alertTopic where the alerts go. Required.
     * @param repositoryNamePrefix the guarded repositories' name prefix. Required.
     * @param allowedRoleArns the roles whose sessions may push. Required, at least one.
     * @param ruleNamePrefix the rule name becomes {@code <prefix>-image-push-guard}. Default: a name CloudFormation generates.
     */
    public ImagePushGuardProps {
        allowedRoleArns = allowedRoleArns == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(allowedRoleArns));
    }

    /**
     * A builder of {@link ImagePushGuardProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ImagePushGuardProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private AlertTopic alertTopic;
        private String repositoryNamePrefix;
        private List<String> allowedRoleArns = List.of();
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
         * The guarded repositories: those whose name starts with this, e.g. {@code shop/prod/}. Required.
         *
         * @param value the value of {@code repositoryNamePrefix}
         * @return this builder
         */
        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        /**
         * The roles whose sessions may push, by IAM role ARN. Required, at least one.
         *
         * @param value the value of {@code allowedRoleArns}
         * @return this builder
         */
        public Builder allowedRoleArns(List<String> value) {
            this.allowedRoleArns = value;
            return this;
        }

        /**
         * The rule name becomes {@code <prefix>-image-push-guard}. Default: a name CloudFormation generates.
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
        public ImagePushGuardProps build() {
            return new ImagePushGuardProps(alertTopic, repositoryNamePrefix, allowedRoleArns, ruleNamePrefix);
        }
    }
}
