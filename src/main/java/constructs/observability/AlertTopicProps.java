package constructs.observability;

import software.amazon.awscdk.RemovalPolicy;

import java.util.List;

/**
 * Props of {@link AlertTopic}.
 *
 * @param topicName          the SNS topic name. Default: a name CloudFormation generates.
 * @param displayName        the sender name shown in e-mail notifications. Default: "ECR alerts".
 * @param emailSubscriptions e-mail addresses to subscribe; each must confirm the subscription.
 *                           Default: none.
 * @param httpsSubscriptions HTTPS endpoints (chat webhooks, incident tools) to subscribe.
 *                           Default: none.
 * @param keyRemovalPolicy   what happens to the topic's KMS key when it leaves the stack.
 *                           Default: RETAIN, the key outlives the stack (messages in flight stay readable).
 */
public record AlertTopicProps(
        String topicName,
        String displayName,
        List<String> emailSubscriptions,
        List<String> httpsSubscriptions,
        RemovalPolicy keyRemovalPolicy) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param topicName the SNS topic name. Default: a name CloudFormation generates.
     * @param displayName the sender name shown in e-mail notifications. Default: "ECR alerts".
     * @param emailSubscriptions e-mail addresses to subscribe; each must confirm the subscription. Default: none.
     * @param httpsSubscriptions HTTPS endpoints (chat webhooks, incident tools) to subscribe. Default: none.
     * @param keyRemovalPolicy what happens to the topic's KMS key when it leaves the stack. Default: RETAIN, the key outlives the stack (messages in flight stay readable).
     */
    public AlertTopicProps {
        displayName = displayName == null ? "ECR alerts" : displayName;
        emailSubscriptions = emailSubscriptions == null ? List.of() : List.copyOf(emailSubscriptions);
        httpsSubscriptions = httpsSubscriptions == null ? List.of() : List.copyOf(httpsSubscriptions);
        keyRemovalPolicy = keyRemovalPolicy == null ? RemovalPolicy.RETAIN : keyRemovalPolicy;
    }

    /**
     * A builder of {@link AlertTopicProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link AlertTopicProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String topicName;
        private String displayName;
        private List<String> emailSubscriptions = List.of();
        private List<String> httpsSubscriptions = List.of();
        private RemovalPolicy keyRemovalPolicy;

        private Builder() {
        }

        /**
         * The SNS topic name. Default: a name CloudFormation generates.
         *
         * @param value the value of {@code topicName}
         * @return this builder
         */
        public Builder topicName(String value) {
            this.topicName = value;
            return this;
        }

        /**
         * The sender name shown in e-mail notifications. Default: "ECR alerts".
         *
         * @param value the value of {@code displayName}
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /**
         * E-mail addresses to subscribe; each must confirm the subscription. Default: none.
         *
         * @param value the value of {@code emailSubscriptions}
         * @return this builder
         */
        public Builder emailSubscriptions(List<String> value) {
            this.emailSubscriptions = value;
            return this;
        }

        /**
         * HTTPS endpoints (chat webhooks, incident tools) to subscribe. Default: none.
         *
         * @param value the value of {@code httpsSubscriptions}
         * @return this builder
         */
        public Builder httpsSubscriptions(List<String> value) {
            this.httpsSubscriptions = value;
            return this;
        }

        /**
         * What happens to the topic's KMS key when it leaves the stack. Default: RETAIN, the key outlives the stack (messages in flight stay readable).
         *
         * @param value the value of {@code keyRemovalPolicy}
         * @return this builder
         */
        public Builder keyRemovalPolicy(RemovalPolicy value) {
            this.keyRemovalPolicy = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public AlertTopicProps build() {
            return new AlertTopicProps(topicName, displayName, emailSubscriptions, httpsSubscriptions,
                    keyRemovalPolicy);
        }
    }
}
