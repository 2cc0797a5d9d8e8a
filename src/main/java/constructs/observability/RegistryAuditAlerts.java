package constructs.observability;

import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge rules that report changes that can wipe or weaken the registry to an {@link AlertTopic}: on the
 * repositories of a prefix (policy set or removed, repository deleted, tag mutability changed, lifecycle policy
 * replaced or removed, images deleted), on the registry ({@code "RegistrySettings"}: scanning, replication and
 * registry policy replaced), and on the repository keys ({@code "KeyChanges"}: deletion scheduled, key disabled).
 *
 * <p>EventBridge only receives "AWS API Call via CloudTrail" events when the account has a CloudTrail
 * trail that records management events in this region; without one, this rule never fires.
 * Source: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
 */
public class RegistryAuditAlerts extends Construct {

    /**
     * ECR API calls that change who can read or overwrite images, or how long they live.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html
     */
    public static final List<String> AUDITED_EVENT_NAMES = List.of(
            "SetRepositoryPolicy",
            "DeleteRepository",
            "PutImageTagMutability",
            "PutLifecyclePolicy",
            "DeleteLifecyclePolicy",
            "DeleteRepositoryPolicy",
            "BatchDeleteImage");

    /**
     * Registry-wide ECR settings whose replacement can stop scanning or replication or open the registry to other
     * accounts; their requests name no repository. Source: the API reference above.
     */
    public static final List<String> AUDITED_REGISTRY_EVENT_NAMES = List.of(
            "PutRegistryScanningConfiguration",
            "PutReplicationConfiguration",
            "PutRegistryPolicy",
            "DeleteRegistryPolicy");

    /**
     * KMS calls that make a repository key, and every image encrypted with it, unusable.
     * Source: https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html ,
     * https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html
     */
    public static final List<String> AUDITED_KEY_EVENT_NAMES = List.of("ScheduleKeyDeletion", "DisableKey");

    private final CfnRule rule;
    private final CfnRule registryRule;
    private final CfnRule keyRule;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryAuditAlerts(Construct scope, String id, RegistryAuditAlertsProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.alertTopic() == null) {
            problems.add("alertTopic is missing: give the AlertTopic the audit events are sent to");
        }
        ScanFindingAlerts.validateRepositoryNamePrefix(props.repositoryNamePrefix(), problems);
        ScanFindingAlerts.validateRuleNamePrefix(props.ruleNamePrefix(), "-registry-changes", problems);
        ScanFindingAlerts.throwIfAny("RegistryAuditAlerts", problems);

        rule = ScanFindingAlerts.rule(this, "Resource", props.ruleNamePrefix(), "-registry-changes",
                "ECR repository policy, tag mutability, lifecycle policy or repository removed (via CloudTrail)",
                auditPattern(props.repositoryNamePrefix()), props.alertTopic());
        registryRule = ScanFindingAlerts.rule(this, "RegistrySettings", props.ruleNamePrefix(), "-registry-settings",
                "ECR registry scanning, replication or registry policy replaced (via CloudTrail)",
                ScanFindingAlerts.pattern("aws.ecr", "AWS API Call via CloudTrail", Map.of(
                        "eventSource", List.of("ecr.amazonaws.com"), "eventName", AUDITED_REGISTRY_EVENT_NAMES)),
                props.alertTopic());
        List<String> ruleArns = new ArrayList<>(List.of(rule.getAttrArn(), registryRule.getAttrArn()));
        if (props.watchedKeys().isEmpty()) {
            keyRule = null;
        } else {
            keyRule = ScanFindingAlerts.rule(this, "KeyChanges", props.ruleNamePrefix(), KEY_CHANGES_SUFFIX,
                    KEY_CHANGES_DESCRIPTION, keyChangesPattern(props.watchedKeys()), props.alertTopic());
            ruleArns.add(keyRule.getAttrArn());
        }
        props.alertTopic().allowEventRules("AllowRegistryAuditRule", ruleArns);
    }

    /** The name suffix of the key-changes rule: {@code <ruleNamePrefix>-key-changes}. */
    public static final String KEY_CHANGES_SUFFIX = "-key-changes";
    private static final String KEY_CHANGES_DESCRIPTION = "Repository key scheduled for deletion or disabled (via CloudTrail)";

    /** CloudTrail records the key as the caller named it: by id or by ARN. */
    private static Map<String, Object> keyChangesPattern(List<IKey> keys) {
        List<String> keyIds = new ArrayList<>();
        keys.forEach(k -> {
            keyIds.add(k.getKeyId());
            keyIds.add(k.getKeyArn());
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", List.of("kms.amazonaws.com"));
        detail.put("eventName", AUDITED_KEY_EVENT_NAMES);
        detail.put("requestParameters", Map.of("keyId", keyIds));
        return ScanFindingAlerts.pattern("aws.kms", "AWS API Call via CloudTrail", detail);
    }

    /**
     * The key-changes rule for keys of another stack than the alert topic's (an environment's further shards): it
     * reports {@code ScheduleKeyDeletion} and {@code DisableKey} on {@code keys} to the topic named by ARN, whose
     * stack lets the rule publish ({@link AlertTopic#allowEventRules}, with the rule's ARN from its name).
     *
     * @param scope         the parent construct
     * @param id            the construct id
     * @param ruleName      the rule name, {@code <prefix>}{@value #KEY_CHANGES_SUFFIX}
     * @param keys          the repository keys to watch, at least one
     * @param alertTopicArn the ARN of the alert topic
     * @return the rule
     */
    public static CfnRule keyChangesRule(Construct scope, String id, String ruleName, List<IKey> keys, String alertTopicArn) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("RegistryAuditAlerts.keyChangesRule: keys is empty. Hint: give the repository keys to watch");
        }
        return CfnRule.Builder.create(scope, id)
                .name(ruleName)
                .description(KEY_CHANGES_DESCRIPTION)
                .state("ENABLED")
                .eventPattern(keyChangesPattern(keys))
                .targets(List.of(CfnRule.TargetProperty.builder().id("AlertTopic").arn(alertTopicArn).build()))
                .build();
    }

    /**
     * Names of every rule: repository changes, registry settings, and key changes where keys are watched.
     *
     * @return the rule names (tokens where CloudFormation generates them)
     */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>(List.of(ScanFindingAlerts.ruleName(rule), ScanFindingAlerts.ruleName(registryRule)));
        if (keyRule != null) {
            names.add(ScanFindingAlerts.ruleName(keyRule));
        }
        return names;
    }

    /**
     * The EventBridge pattern of the audited ECR API calls (CloudTrail) on repositories under a prefix.
     *
     * @param repositoryNamePrefix the prefix of the repositories covered, e.g. {@code shop/prod/}
     * @return the event pattern
     */
    public static Map<String, Object> auditPattern(String repositoryNamePrefix) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", List.of("ecr.amazonaws.com"));
        detail.put("eventName", AUDITED_EVENT_NAMES);
        if (repositoryNamePrefix != null) {
            detail.put("requestParameters", Map.of("repositoryName", List.of(Map.of("prefix", repositoryNamePrefix))));
        }
        return ScanFindingAlerts.pattern("aws.ecr", "AWS API Call via CloudTrail", detail);
    }

    /**
     * Name of the rule (a token when CloudFormation generates it).
     *
     * @return the rule name
     */
    public String ruleName() {
        return ScanFindingAlerts.ruleName(rule);
    }
}
