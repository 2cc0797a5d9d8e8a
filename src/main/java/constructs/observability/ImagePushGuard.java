package constructs.observability;

import constructs.internal.Tokens;

import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An EventBridge rule that reports to an {@link AlertTopic} every image push ({@code PutImage}, seen through CloudTrail)
 * to repositories of a prefix by any principal other than the allowed roles: in an environment that receives images
 * only by promotion, a push by anyone but the promoter is a finding. aws-cdk-lib's
 * {@code Repository.onCloudTrailImagePushed} reports every push; this is that event turned into a guard.
 *
 * <p>The pattern has two branches. A call made with a role's session names the role in
 * {@code userIdentity.sessionContext.sessionIssuer.arn}: it alerts unless that ARN is an allowed role. A call made
 * with any other identity (an IAM user, the root user, a service) has no session issuer, and an {@code anything-but}
 * on a field the event lacks matches nothing; hence the second branch, {@code userIdentity.type} other than
 * {@code AssumedRole}.
 * Source: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 *
 * <p>ECR's own writes are not pushes: replication writes replicas with the internal {@code ReplicateImage} API
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-replication.html) in the destination region, and a
 * pull-through cache imports with {@code BatchImportUpstreamImage} into the cache's own prefix
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html); neither matches.
 *
 * <p>Needs a CloudTrail trail that logs management events in the region: without one EventBridge receives no
 * "AWS API Call via CloudTrail" events and the guard never fires.
 * Source: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-aws-service-specific-topics.html
 */
public class ImagePushGuard extends Construct {

    /** The API call that writes an image manifest: the last call of every push. */
    public static final String PUSH_EVENT_NAME = "PutImage";

    /** The rule name is {@code <ruleNamePrefix>}{@value}. */
    public static final String RULE_NAME_SUFFIX = "-image-push-guard";

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+");

    private final CfnRule rule;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public ImagePushGuard(Construct scope, String id, ImagePushGuardProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.alertTopic() == null) {
            problems.add("alertTopic is missing: give the AlertTopic the unexpected pushes are reported to");
        }
        if (props.repositoryNamePrefix() == null) {
            problems.add("repositoryNamePrefix is missing: give the prefix of the guarded repositories, e.g. \"shop/prod/\"");
        }
        ScanFindingAlerts.validateRepositoryNamePrefix(props.repositoryNamePrefix(), problems);
        ScanFindingAlerts.validateRuleNamePrefix(props.ruleNamePrefix(), RULE_NAME_SUFFIX, problems);
        if (props.allowedRoleArns().isEmpty()) {
            problems.add("allowedRoleArns is empty: give the role that may push (the promoter); without one every push alerts");
        }
        for (String arn : props.allowedRoleArns()) {
            if (arn == null || !Tokens.isUnresolved(arn) && !ROLE_ARN.matcher(arn).matches()) {
                problems.add("allowedRoleArns entry \"" + arn + "\" is not an IAM role ARN: CloudTrail names the role of a"
                        + " session as arn:<partition>:iam::<account>:role/<path><name>. Hint: e.g."
                        + " \"arn:aws:iam::222222222222:role/shop-prod-user-service-promoter\"");
            }
        }
        ScanFindingAlerts.throwIfAny("ImagePushGuard", problems);

        rule = ScanFindingAlerts.rule(this, "Resource", props.ruleNamePrefix(), RULE_NAME_SUFFIX,
                "Image pushed to " + props.repositoryNamePrefix() + "* by a principal other than the promoter (via CloudTrail)",
                pushGuardPattern(props.repositoryNamePrefix(), props.allowedRoleArns()), props.alertTopic());
        props.alertTopic().allowEventRules("AllowImagePushGuardRule", List.of(rule.getAttrArn()));
    }

    /**
     * The EventBridge pattern of a push to repositories under {@code repositoryNamePrefix} by any principal but the
     * given roles.
     *
     * @param repositoryNamePrefix the prefix of the guarded repositories, e.g. {@code shop/prod/}
     * @param allowedRoleArns the roles whose sessions may push
     * @return the event pattern
     */
    public static Map<String, Object> pushGuardPattern(String repositoryNamePrefix, List<String> allowedRoleArns) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", List.of("ecr.amazonaws.com"));
        detail.put("eventName", List.of(PUSH_EVENT_NAME));
        detail.put("requestParameters", Map.of("repositoryName", List.of(Map.of("prefix", repositoryNamePrefix))));
        detail.put("$or", List.of(
                Map.of("userIdentity", Map.of("type", List.of(Map.of("anything-but", List.of("AssumedRole"))))),
                Map.of("userIdentity", Map.of("sessionContext", Map.of("sessionIssuer", Map.of("arn",
                        List.of(Map.of("anything-but", List.copyOf(allowedRoleArns)))))))));
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
