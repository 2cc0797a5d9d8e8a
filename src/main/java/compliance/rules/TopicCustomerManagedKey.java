package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
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

    public static final String ID = "EcrBlueprint-TopicCustomerManagedKey";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-SNS1";
    }

    @Override
    public String info() {
        return "The SNS topic is not encrypted with a customer managed KMS key its publishers can use.";
    }

    @Override
    public String explanation() {
        return "An unencrypted topic stores messages in clear; a key its publishers cannot use (the AWS managed "
                + "alias/aws/sns for EventBridge and CloudWatch) makes every alert fail silently.";
    }

    @Override
    public String fix() {
        return "Set masterKey to a "
                + "customer managed key whose policy allows each publishing service principal kms:GenerateDataKey* and kms:Decrypt.";
    }

    @Override
    public String source() {
        return "Security Hub SNS.1 (topics encrypted at rest with KMS); SNS developer guide, key policy for AWS service publishers";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.TOPIC);
    }

    @Override
    public Outcome evaluate(TemplateResource topic) {
        JsonNode key = topic.property("KmsMasterKeyId");
        if (key.isMissingNode() || key.isNull() || key.isTextual() && key.asText().endsWith("alias/aws/sns")) {
            return Outcome.nonCompliant();
        }
        if (!key.isObject()) {
            // A literal key id or ARN of another stack or account: its policy is not in this template.
            return Outcome.compliant();
        }
        List<TemplateResource> resources = topic.template().resources();
        JsonNode keyPolicy = keyPolicy(resources, referencedLogicalId(key));
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
    private static String referencedLogicalId(JsonNode reference) {
        if (reference.path("Ref").isTextual()) {
            return reference.path("Ref").asText();
        }
        JsonNode getAtt = reference.path("Fn::GetAtt");
        return getAtt.isArray() && getAtt.path(0).isTextual() ? getAtt.path(0).asText() : null;
    }

    private static JsonNode keyPolicy(List<TemplateResource> resources, String logicalId) {
        for (TemplateResource resource : resources) {
            if (ResourceTypes.KEY.equals(resource.type()) && resource.logicalId().equals(logicalId)) {
                return resource.policy("KeyPolicy");
            }
        }
        return null;
    }

    private static Set<String> publishers(List<TemplateResource> resources, JsonNode topicRef) {
        Set<String> publishers = new TreeSet<>();
        for (TemplateResource resource : resources) {
            switch (resource.type()) {
                case ResourceTypes.TOPIC_POLICY -> {
                    if (contains(resource.property("Topics"), topicRef)) {
                        for (JsonNode statement : PolicyDocuments.statements(resource.policy("PolicyDocument"))) {
                            if (PolicyDocuments.isAllow(statement)
                                    && PolicyDocuments.strings(statement.path("Action")).contains("sns:Publish")) {
                                publishers.addAll(PolicyDocuments.strings(statement.path("Principal").path("Service")));
                            }
                        }
                    }
                }
                case ResourceTypes.ALARM -> {
                    if (contains(resource.property("AlarmActions"), topicRef)) {
                        publishers.add(CLOUDWATCH);
                    }
                }
                case ResourceTypes.EVENT_RULE -> {
                    for (JsonNode target : resource.property("Targets")) {
                        if (topicRef.equals(target.path("Arn"))) {
                            publishers.add(EVENTBRIDGE);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return publishers;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
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
