package constructs.observability;

import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EventBridge rules that report ECR's failed background work to an {@link AlertTopic}: image replications that
 * failed ({@code "Replications"}) and pull-through-cache actions that did not succeed ({@code "PullThroughCache"}).
 * Both events come from ECR itself (no CloudTrail trail needed), on a best-effort basis.
 * Source: https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ecr.html
 *
 * <p>ECR sends "ECR Replication Action" in the <em>destination</em> region (the event's {@code region};
 * {@code detail.source-region} names the source), with {@code detail.result} {@code FAILED} when a replication
 * failed. A rule in the source region therefore only sees the failures that a {@link ReplicationFailureForwarder}
 * in each destination region sends to this region's default event bus.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
 *
 * <p>ECR sends "ECR Pull Through Cache Action" when it attempts a cache action, with {@code detail.sync-status}
 * {@code SUCCESS} when it worked. The page shows no failed sample and names no failure value, so every status but
 * {@code SUCCESS} alerts ({@code anything-but}); the event schema also carries {@code failure-code} and
 * {@code failure-reason} for the alert's reader. Sources: the page above;
 * https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_mixins-preview.aws_ecr.events.ECRPullThroughCacheAction.html
 */
public class RegistryFailureAlerts extends Construct {

    /**
     * Sent by ECR in the destination region for each replicated image. Source:
     * https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
     */
    public static final String REPLICATION_DETAIL_TYPE = "ECR Replication Action";
    /** {@code detail.result} of a failed replication (same source). */
    public static final String REPLICATION_FAILED = "FAILED";
    /** Sent by ECR for each attempted pull-through-cache action (same source). */
    public static final String PULL_THROUGH_CACHE_DETAIL_TYPE = "ECR Pull Through Cache Action";
    /** {@code detail.sync-status} of a cache action that worked, the only value the page documents. */
    public static final String PULL_THROUGH_CACHE_SUCCESS = "SUCCESS";

    /** Rule name suffixes: {@code <ruleNamePrefix>-replication-failures}, {@code <ruleNamePrefix>-pull-through-cache-failures}. */
    static final String REPLICATION_SUFFIX = "-replication-failures";
    static final String PULL_THROUGH_CACHE_SUFFIX = "-pull-through-cache-failures";

    private final List<CfnRule> rules = new ArrayList<>();

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryFailureAlerts(Construct scope, String id, RegistryFailureAlertsProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.alertTopic() == null) {
            problems.add("alertTopic is missing: give the AlertTopic the failures are reported to");
        }
        if (!props.replicationFailures() && !props.pullThroughCacheFailures()) {
            problems.add("replicationFailures and pullThroughCacheFailures are both false: this construct would create"
                    + " nothing. Hint: turn one on, or do not create the construct");
        }
        ScanFindingAlerts.validateRepositoryNamePrefix(props.repositoryNamePrefix(), problems);
        ScanFindingAlerts.validateRuleNamePrefix(props.ruleNamePrefix(),
                props.pullThroughCacheFailures() ? PULL_THROUGH_CACHE_SUFFIX : REPLICATION_SUFFIX, problems);
        ScanFindingAlerts.throwIfAny("RegistryFailureAlerts", problems);

        if (props.replicationFailures()) {
            rules.add(ScanFindingAlerts.rule(this, "Replications", props.ruleNamePrefix(), REPLICATION_SUFFIX,
                    "ECR image replications that failed (forwarded from the destination regions)",
                    replicationFailurePattern(props.repositoryNamePrefix()), props.alertTopic()));
        }
        if (props.pullThroughCacheFailures()) {
            rules.add(ScanFindingAlerts.rule(this, "PullThroughCache", props.ruleNamePrefix(), PULL_THROUGH_CACHE_SUFFIX,
                    "ECR pull-through-cache actions that did not succeed",
                    pullThroughCacheFailurePattern(props.pullThroughCachePrefixes()), props.alertTopic()));
        }
        props.alertTopic().allowEventRules("AllowRegistryFailureRules", rules.stream().map(CfnRule::getAttrArn).toList());
    }

    /**
     * A failed replication of a repository under the prefix, wherever it was replicated to.
     *
     * @param repositoryNamePrefix the prefix of the replicated repositories, e.g. {@code shop/prod/}; null for every repository
     * @return the event pattern
     */
    public static Map<String, Object> replicationFailurePattern(String repositoryNamePrefix) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("result", List.of(REPLICATION_FAILED));
        if (repositoryNamePrefix != null) {
            detail.put("repository-name", List.of(Map.of("prefix", repositoryNamePrefix)));
        }
        return ScanFindingAlerts.pattern("aws.ecr", REPLICATION_DETAIL_TYPE, detail);
    }

    /**
     * A pull-through-cache action of the given cache rules whose status is anything but {@code SUCCESS}.
     *
     * @param cachePrefixes the cache rules' ECR repository prefixes (e.g. {@code docker-hub}); empty for every cache rule
     * @return the event pattern
     */
    public static Map<String, Object> pullThroughCacheFailurePattern(List<String> cachePrefixes) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sync-status", List.of(Map.of("anything-but", List.of(PULL_THROUGH_CACHE_SUCCESS))));
        if (!cachePrefixes.isEmpty()) {
            detail.put("ecr-repository-prefix", List.copyOf(cachePrefixes));
        }
        return ScanFindingAlerts.pattern("aws.ecr", PULL_THROUGH_CACHE_DETAIL_TYPE, detail);
    }

    /**
     * The names of the rules created.
     *
     * @return the rule names (tokens when CloudFormation generates them)
     */
    public List<String> ruleNames() {
        return rules.stream().map(ScanFindingAlerts::ruleName).toList();
    }
}
