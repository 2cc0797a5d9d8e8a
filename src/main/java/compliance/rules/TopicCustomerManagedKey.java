package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.kms.CfnKey;
import software.amazon.awscdk.services.sns.CfnTopic;
import software.amazon.awscdk.services.sns.CfnTopicPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alert topics are encrypted with a customer managed key that their publishers can use: the
 * AWS managed key alias/aws/sns cannot be used by EventBridge or CloudWatch alarms, and a customer
 * managed key whose policy does not let them encrypt drops their messages just the same.
 *
 * <p>Publishers are found in the topic's stack: service principals allowed {@code sns:Publish} by a
 * topic policy, CloudWatch alarms whose actions name the topic, EventBridge rules that target it.
 * The key is checked when it is a key of the same stack.
 */
public final class TopicCustomerManagedKey implements EcrRule {

    static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
    static final String EVENTBRIDGE = "events.amazonaws.com";

    @Override
    public String suffix() {
        return "SNS1";
    }

    @Override
    public String info() {
        return "The SNS topic is not encrypted with a customer managed KMS key its publishers can use.";
    }

    @Override
    public String explanation() {
        return "An unencrypted topic stores messages in clear; a key its publishers cannot use (the AWS managed "
                + "alias/aws/sns for EventBridge and CloudWatch) makes every alert fail silently. Fix: set masterKey to a "
                + "customer managed key whose policy allows each publishing service principal kms:GenerateDataKey* and kms:Decrypt.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnTopic;
    }

    @Override
    public Outcome evaluate(CheckedResource topic) {
        Object key = topic.property("kmsMasterKeyId");
        if (key == null || key instanceof String k && k.endsWith("alias/aws/sns")) {
            return Outcome.nonCompliant();
        }
        if (!(key instanceof Map<?, ?> reference)) {
            // A literal key id or ARN of another stack or account: its policy is not in this template.
            return Outcome.compliant();
        }
        List<CheckedResource> resources = topic.stack().resources();
        JsonNode keyPolicy = keyPolicy(resources, referencedLogicalId(reference));
        if (keyPolicy == null) {
            return Outcome.compliant();
        }
        List<String> findings = new ArrayList<>();
        for (String publisher : publishers(resources, topic.ref())) {
            if (!allowsEncryption(keyPolicy, publisher)) {
                findings.add("Publisher::" + publisher);
            }
        }
        return Outcome.of(findings);
    }

    /** The logical id in {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, "Arn"]}}. */
    private static String referencedLogicalId(Map<?, ?> reference) {
        if (reference.get("Ref") instanceof String id) {
            return id;
        }
        if (reference.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty() && getAtt.get(0) instanceof String id) {
            return id;
        }
        return null;
    }

    private static JsonNode keyPolicy(List<CheckedResource> resources, String logicalId) {
        if (logicalId == null) {
            return null;
        }
        for (CheckedResource resource : resources) {
            if (resource.node() instanceof CfnKey && logicalId.equals(resource.logicalId())) {
                return PolicyDocuments.tree(resource.property("keyPolicy"));
            }
        }
        return null;
    }

    private static Set<String> publishers(List<CheckedResource> resources, Object topicRef) {
        Set<String> publishers = new TreeSet<>();
        for (CheckedResource resource : resources) {
            if (resource.node() instanceof CfnTopicPolicy && resource.list("topics").contains(topicRef)) {
                for (JsonNode statement : PolicyDocuments.statements(PolicyDocuments.tree(resource.property("policyDocument")))) {
                    if (PolicyDocuments.isAllow(statement)
                            && PolicyDocuments.strings(statement.path("Action")).contains("sns:Publish")) {
                        publishers.addAll(PolicyDocuments.strings(statement.path("Principal").path("Service")));
                    }
                }
            } else if (resource.node() instanceof CfnAlarm && resource.list("alarmActions").contains(topicRef)) {
                publishers.add(CLOUDWATCH);
            } else if (resource.node() instanceof CfnRule) {
                for (Object target : resource.list("targets")) {
                    if (target instanceof Map<?, ?> t && topicRef.equals(t.get("arn"))) {
                        publishers.add(EVENTBRIDGE);
                    }
                }
            }
        }
        return publishers;
    }

    /** An Allow statement for the service principal with kms:Decrypt and kms:GenerateDataKey* (or kms:*). */
    static boolean allowsEncryption(JsonNode keyPolicy, String servicePrincipal) {
        for (JsonNode statement : PolicyDocuments.statements(keyPolicy)) {
            if (!PolicyDocuments.isAllow(statement)
                    || !PolicyDocuments.strings(statement.path("Principal").path("Service")).contains(servicePrincipal)) {
                continue;
            }
            List<String> actions = PolicyDocuments.strings(statement.path("Action"));
            boolean all = actions.contains("kms:*");
            boolean decrypt = all || actions.contains("kms:Decrypt");
            boolean generate = all || actions.contains("kms:GenerateDataKey*") || actions.contains("kms:GenerateDataKey");
            if (decrypt && generate) {
                return true;
            }
        }
        return false;
    }
}
