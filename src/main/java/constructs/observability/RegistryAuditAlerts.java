package constructs.observability;

import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge rule that reports registry changes that weaken protection (repository policy set or
 * removed, repository deleted, tag mutability changed, lifecycle policy removed) to an {@link AlertTopic}.
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
            "DeleteLifecyclePolicy",
            "DeleteRepositoryPolicy");

    private final CfnRule rule;

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
        props.alertTopic().allowEventRules("AllowRegistryAuditRule", List.of(rule.getAttrArn()));
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
