package constructs.observability;

import constructs.internal.Tokens;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * In a replication destination region: an EventBridge rule that sends the failed replications whose source is
 * {@code sourceRegion} to the default event bus of that region (same account), where a {@link RegistryFailureAlerts}
 * rule reports them. ECR sends "ECR Replication Action" in the destination region only, so without this rule the
 * source region never learns of a failure.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
 *
 * <p>An event bus in another region is an EventBridge target that needs a role with {@code events:PutEvents} on it;
 * the role here is trusted by {@code events.amazonaws.com} for this account only and may put events on that one bus.
 * Source: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html
 */
public class ReplicationFailureForwarder extends Construct {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

    private final CfnRule rule;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct, in the replication destination region
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public ReplicationFailureForwarder(Construct scope, String id, ReplicationFailureForwarderProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        List<String> problems = new ArrayList<>();
        String source = props.sourceRegion();
        if (source == null) {
            problems.add("sourceRegion is missing: give the region the images are replicated from, e.g. \"eu-west-1\"");
        } else if (!Tokens.isUnresolved(source) && !REGION.matcher(source).matches()) {
            problems.add("sourceRegion \"" + source + "\" is not a region name. Hint: e.g. \"eu-west-1\"");
        } else if (!Tokens.isUnresolved(source) && source.equals(stack.getRegion())) {
            problems.add("sourceRegion \"" + source + "\" is this stack's own region: ECR never replicates within a region,"
                    + " and a rule in the source region needs no forwarding. Hint: create the forwarder in a destination region");
        }
        ScanFindingAlerts.validateRuleNamePrefix(props.ruleName(), "", problems);
        ScanFindingAlerts.throwIfAny("ReplicationFailureForwarder", problems);

        String busArn = "arn:" + stack.getPartition() + ":events:" + source + ":" + stack.getAccount() + ":event-bus/default";
        Role role = Role.Builder.create(this, "Role")
                // Only for this account's rules (confused deputy).
                .assumedBy(new ServicePrincipal("events.amazonaws.com").withConditions(
                        Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount()))))
                .description("ecr-blueprint: forwards failed ECR replications from " + stack.getRegion() + " to " + source)
                .build();
        // A customer-managed policy, not an inline one: the NIST 800-53 pack refuses inline policies.
        ManagedPolicy.Builder.create(this, "Policy")
                .description("ecr-blueprint: puts failed ECR replications on " + source + "'s default event bus")
                .statements(List.of(PolicyStatement.Builder.create().sid("PutOnTheSourceRegionsDefaultBus")
                        .actions(List.of("events:PutEvents")).resources(List.of(busArn)).build()))
                .roles(List.of(role))
                .build();
        rule = CfnRule.Builder.create(this, "Resource")
                .name(props.ruleName())
                .description("Failed ECR replications from " + source + ", sent to " + source + "'s default event bus")
                .state("ENABLED")
                .eventPattern(forwardedPattern(source))
                .targets(List.of(CfnRule.TargetProperty.builder()
                        .id("SourceRegionDefaultBus").arn(busArn).roleArn(role.getRoleArn()).build()))
                .build();
    }

    /**
     * The failed replications from {@code sourceRegion}, whatever the repository (the rule in the source region filters).
     *
     * @param sourceRegion the region the images are replicated from
     * @return the event pattern
     */
    public static Map<String, Object> forwardedPattern(String sourceRegion) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("result", List.of(RegistryFailureAlerts.REPLICATION_FAILED));
        detail.put("source-region", List.of(sourceRegion));
        return ScanFindingAlerts.pattern("aws.ecr", RegistryFailureAlerts.REPLICATION_DETAIL_TYPE, detail);
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
