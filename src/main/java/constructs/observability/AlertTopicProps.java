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

    public AlertTopicProps {
        displayName = displayName == null ? "ECR alerts" : displayName;
        emailSubscriptions = emailSubscriptions == null ? List.of() : List.copyOf(emailSubscriptions);
        httpsSubscriptions = httpsSubscriptions == null ? List.of() : List.copyOf(httpsSubscriptions);
        keyRemovalPolicy = keyRemovalPolicy == null ? RemovalPolicy.RETAIN : keyRemovalPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String topicName;
        private String displayName;
        private List<String> emailSubscriptions = List.of();
        private List<String> httpsSubscriptions = List.of();
        private RemovalPolicy keyRemovalPolicy;

        private Builder() {
        }

        public Builder topicName(String value) {
            this.topicName = value;
            return this;
        }

        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        public Builder emailSubscriptions(List<String> value) {
            this.emailSubscriptions = value;
            return this;
        }

        public Builder httpsSubscriptions(List<String> value) {
            this.httpsSubscriptions = value;
            return this;
        }

        public Builder keyRemovalPolicy(RemovalPolicy value) {
            this.keyRemovalPolicy = value;
            return this;
        }

        public AlertTopicProps build() {
            return new AlertTopicProps(topicName, displayName, emailSubscriptions, httpsSubscriptions,
                    keyRemovalPolicy);
        }
    }
}
