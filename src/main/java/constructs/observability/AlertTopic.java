package constructs.observability;

import limits.AwsFormats;
import constructs.internal.Tokens;
import constructs.repository.RepositoryKey;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscription;
import software.constructs.Construct;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SNS topic that ECR alerts (EventBridge rules, CloudWatch alarms) are delivered to.
 *
 * <p>Enforced: a customer-managed KMS key with rotation, whose policy lets EventBridge and CloudWatch
 * encrypt messages (with the AWS-managed SNS key they cannot, and alerts silently never arrive) and
 * denies grants not made by AWS services (CT.KMS.PR.3); a topic policy that denies publishing without
 * TLS and admits the two services only for this account's rules and alarms.
 * Source: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
public class AlertTopic extends Construct {

    /**
     * What a service publishing to an encrypted topic needs on the key.
     * Source: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
     */
    static final List<String> PUBLISHER_KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey*");

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern EMAIL = Pattern.compile(AwsFormats.EMAIL);

    private final Key key;
    private final Topic topic;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public AlertTopic(Construct scope, String id, AlertTopicProps props) {
        super(scope, id);
        validate(props);
        Stack stack = Stack.of(this);

        key = Key.Builder.create(this, "Key")
                .description("ecr-blueprint: encrypts the ECR alert topic " + stack.getStackName())
                .enableKeyRotation(true)
                .removalPolicy(props.keyRemovalPolicy())
                .build();
        // EventBridge calls KMS without aws:SourceAccount/aws:SourceArn context, so a condition on them
        // here would drop every alert; the source is checked by the topic policy instead. CloudWatch sends
        // both, so its statement is limited to this account's alarms (confused deputy).
        // Source: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowEventBridgeToEncryptAlerts")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(PUBLISHER_KEY_ACTIONS)
                .resources(List.of("*"))
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchToEncryptAlerts")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(PUBLISHER_KEY_ACTIONS)
                .resources(List.of("*"))
                .conditions(thisAccountsAlarms(stack))
                .build());
        key.addToResourcePolicy(RepositoryKey.denyGrantsNotForAwsServices());

        topic = Topic.Builder.create(this, "Resource")
                .topicName(props.topicName())
                .displayName(props.displayName())
                .masterKey(key)
                .enforceSsl(true)
                .signatureVersion("2")
                .build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(thisAccountsAlarms(stack))
                .build());

        for (String email : props.emailSubscriptions()) {
            topic.addSubscription(new EmailSubscription(email));
        }
        for (String url : props.httpsSubscriptions()) {
            topic.addSubscription(new UrlSubscription(url));
        }
        CfnOutput.Builder.create(this, "TopicArn")
                .description("SNS topic that receives ECR scan-finding, audit and alarm notifications")
                .value(topic.getTopicArn())
                .build();
    }

    /**
     * Lets the given EventBridge rules, and only them, publish to the topic.
     *
     * @param sid      statement id, unique within the topic policy
     * @param ruleArns ARNs of rules in this stack
     */
    public void allowEventRules(String sid, List<String> ruleArns) {
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                // Sorted: Map.of's order changes between JVMs, and the template must not.
                .conditions(new TreeMap<>(Map.of(
                        "ArnEquals", Map.of("aws:SourceArn", List.copyOf(ruleArns)),
                        "StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount()))))
                .build());
    }

    /** CloudWatch alarms of this stack's account and region (sorted: Map.of's order changes between JVMs). */
    private static Map<String, Object> thisAccountsAlarms(Stack stack) {
        return new TreeMap<>(Map.of(
                "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":cloudwatch:"
                        + stack.getRegion() + ":" + stack.getAccount() + ":alarm:*"),
                "StringEquals", Map.of("aws:SourceAccount", stack.getAccount())));
    }

    /**
     * The SNS topic.
     *
     * @return the topic
     */
    public ITopic topic() {
        return topic;
    }

    /**
     * The customer-managed KMS key that encrypts the topic.
     *
     * @return the key
     */
    public IKey key() {
        return key;
    }

    /**
     * The topic's ARN.
     *
     * @return the topic ARN
     */
    public String topicArn() {
        return topic.getTopicArn();
    }

    private static void validate(AlertTopicProps props) {
        List<String> problems = new ArrayList<>();
        String name = props.topicName();
        if (name != null && !Tokens.isUnresolved(name) && !TOPIC_NAME.matcher(name).matches()) {
            problems.add("topicName \"" + name + "\" is invalid: must be 1 to 256 letters, digits, '-' or '_'."
                    + " Hint: e.g. \"shop-prod-ecr-alerts\"");
        }
        Set<String> seen = new HashSet<>();
        for (String email : props.emailSubscriptions()) {
            if (email == null || !Tokens.isUnresolved(email) && !EMAIL.matcher(email).matches()) {
                problems.add("emailSubscriptions entry \"" + email + "\" is invalid: must be an e-mail address."
                        + " Hint: e.g. \"platform-team@example.com\"");
            } else if (!seen.add(email)) {
                problems.add("emailSubscriptions entry \"" + email + "\" is listed twice: list each address once");
            }
        }
        for (String url : props.httpsSubscriptions()) {
            if (url != null && Tokens.isUnresolved(url)) {
                continue;
            }
            if (!isHttpsUrl(url)) {
                problems.add("httpsSubscriptions entry \"" + url + "\" is invalid: must be an https:// URL with a host"
                        + " (SNS would deliver plain http unencrypted). Hint: e.g. \"https://hooks.example.com/ecr\"");
            } else if (!seen.add(url)) {
                problems.add("httpsSubscriptions entry \"" + url + "\" is listed twice: list each URL once");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("AlertTopic: " + problems.size() + " problem(s):\n- "
                    + String.join("\n- ", problems));
        }
    }

    private static boolean isHttpsUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
