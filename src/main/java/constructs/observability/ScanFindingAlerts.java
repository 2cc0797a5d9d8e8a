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
 * EventBridge rules that send vulnerability findings to an {@link AlertTopic}: completed basic scans with
 * findings at or above a threshold, and Amazon Inspector findings under enhanced scanning.
 *
 * <p>Both rules exist whatever the registry's scan type: only the one matching it ever fires.
 */
public class ScanFindingAlerts extends Construct {

    /** Finding severities, most severe first; both scanners use these names. */
    public enum Severity {
        /** Critical. */
        CRITICAL,
        /** High. */
        HIGH,
        /** Medium. */
        MEDIUM,
        /** Low. */
        LOW,
        /** Informational. */
        INFORMATIONAL;

        /**
         * This severity and every more severe one, most severe first.
         *
         * @return this severity and every more severe one, most severe first
         */
        public List<Severity> atOrAbove() {
            return List.of(values()).subList(0, ordinal() + 1);
        }
    }

    /**
     * Sent by ECR when a basic scan completes; severities without findings are absent from
     * finding-severity-counts. Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-eventbridge.html
     */
    static final String BASIC_SCAN_DETAIL_TYPE = "ECR Image Scan";

    /**
     * Sent by Amazon Inspector when a finding is created, updated or closed.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced-events.html
     */
    static final String INSPECTOR_DETAIL_TYPE = "Inspector2 Finding";

    static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    private static final Pattern REPOSITORY_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,255}");
    private static final int RULE_NAME_MAX = 64;

    private final CfnRule basicScanRule;
    private final CfnRule inspectorRule;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public ScanFindingAlerts(Construct scope, String id, ScanFindingAlertsProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.alertTopic() == null) {
            problems.add("alertTopic is missing: give the AlertTopic the findings are sent to");
        }
        validateRepositoryNamePrefix(props.repositoryNamePrefix(), problems);
        validateRuleNamePrefix(props.ruleNamePrefix(), "-basic-scan-findings", problems);
        throwIfAny("ScanFindingAlerts", problems);

        String threshold = props.severityThreshold().name();
        basicScanRule = rule("BasicScanFindings", props.ruleNamePrefix(), "-basic-scan-findings",
                "ECR basic scans completed with findings of severity " + threshold + " or above",
                basicScanPattern(props.severityThreshold(), props.repositoryNamePrefix()), props.alertTopic());
        inspectorRule = rule("InspectorFindings", props.ruleNamePrefix(), "-inspector-findings",
                "Active Amazon Inspector findings of severity " + threshold + " or above on ECR images",
                inspectorPattern(props.severityThreshold(), props.repositoryNamePrefix()), props.alertTopic());
        props.alertTopic().allowEventRules("AllowScanFindingRules",
                List.of(basicScanRule.getAttrArn(), inspectorRule.getAttrArn()));
    }

    /**
     * A completed basic scan with at least one finding at or above the threshold: each severity is its own
     * {@code $or} branch, because a count is only present when it is above zero.
     *
     * @param threshold the lowest severity that alerts
     * @param repositoryNamePrefix the prefix of the repositories covered, e.g. {@code shop/prod/}
     * @return the EventBridge event pattern
     */
    public static Map<String, Object> basicScanPattern(Severity threshold, String repositoryNamePrefix) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scan-status", List.of("COMPLETE"));
        if (repositoryNamePrefix != null) {
            detail.put("repository-name", List.of(Map.of("prefix", repositoryNamePrefix)));
        }
        List<Map<String, Object>> branches = new ArrayList<>();
        for (Severity severity : threshold.atOrAbove()) {
            branches.add(Map.of("finding-severity-counts",
                    Map.of(severity.name(), List.of(Map.of("numeric", List.of(">", 0))))));
        }
        if (branches.size() == 1) {
            detail.putAll(branches.get(0));
        } else {
            detail.put("$or", branches);
        }
        return pattern("aws.ecr", BASIC_SCAN_DETAIL_TYPE, detail);
    }

    /**
     * An active Inspector finding on an ECR image at or above the threshold (closed findings do not alert).
     *
     * @param threshold the lowest severity that alerts
     * @param repositoryNamePrefix the prefix of the repositories covered, e.g. {@code shop/prod/}
     * @return the EventBridge event pattern
     */
    public static Map<String, Object> inspectorPattern(Severity threshold, String repositoryNamePrefix) {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("type", List.of("AWS_ECR_CONTAINER_IMAGE"));
        if (repositoryNamePrefix != null) {
            resources.put("details", Map.of("awsEcrContainerImage",
                    Map.of("repositoryName", List.of(Map.of("prefix", repositoryNamePrefix)))));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("severity", threshold.atOrAbove().stream().map(Severity::name).toList());
        detail.put("status", List.of("ACTIVE"));
        detail.put("resources", resources);
        return pattern("aws.inspector2", INSPECTOR_DETAIL_TYPE, detail);
    }

    /**
     * Name of the basic-scan rule (a token when CloudFormation generates it).
     *
     * @return the rule name
     */
    public String basicScanRuleName() {
        return ruleName(basicScanRule);
    }

    /**
     * Name of the Inspector rule (a token when CloudFormation generates it).
     *
     * @return the rule name
     */
    public String inspectorRuleName() {
        return ruleName(inspectorRule);
    }

    /** The literal name when one was given, so dashboards and alarms do not depend on the rule resource. */
    static String ruleName(CfnRule rule) {
        return rule.getName() != null ? rule.getName() : rule.getRef();
    }

    /**
     * The names of the rules created.
     *
     * @return the rule names (tokens when CloudFormation generates them)
     */
    public List<String> ruleNames() {
        return List.of(basicScanRuleName(), inspectorRuleName());
    }

    static Map<String, Object> pattern(String source, String detailType, Map<String, Object> detail) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of(source));
        pattern.put("detail-type", List.of(detailType));
        pattern.put("detail", detail);
        return pattern;
    }

    /** A rule whose only target is the alert topic; the topic policy admits it by ARN. */
    static CfnRule rule(Construct scope, String id, String namePrefix, String nameSuffix, String description,
                        Map<String, Object> eventPattern, AlertTopic topic) {
        return CfnRule.Builder.create(scope, id)
                .name(namePrefix == null ? null : namePrefix + nameSuffix)
                .description(description)
                .state("ENABLED")
                .eventPattern(eventPattern)
                .targets(List.of(CfnRule.TargetProperty.builder().id("AlertTopic").arn(topic.topicArn()).build()))
                .build();
    }

    private CfnRule rule(String id, String namePrefix, String nameSuffix, String description,
                         Map<String, Object> eventPattern, AlertTopic topic) {
        return rule(this, id, namePrefix, nameSuffix, description, eventPattern, topic);
    }

    static void validateRepositoryNamePrefix(String prefix, List<String> problems) {
        if (prefix != null && !Tokens.isUnresolved(prefix) && !REPOSITORY_PREFIX.matcher(prefix).matches()) {
            problems.add("repositoryNamePrefix \"" + prefix + "\" is invalid: must start with a lowercase letter or"
                    + " digit and hold only lowercase letters, digits, '.', '_', '-' and '/'."
                    + " Hint: e.g. \"shop/prod/\"");
        }
    }

    static void validateRuleNamePrefix(String prefix, String longestSuffix, List<String> problems) {
        if (prefix == null || Tokens.isUnresolved(prefix)) {
            return;
        }
        if (!RULE_NAME.matcher(prefix).matches()) {
            problems.add("ruleNamePrefix \"" + prefix + "\" is invalid: EventBridge rule names hold only letters,"
                    + " digits, '.', '-' and '_'. Hint: e.g. \"shop-prod\"");
        } else if (prefix.length() + longestSuffix.length() > RULE_NAME_MAX) {
            problems.add("ruleNamePrefix \"" + prefix + "\" is too long: \"" + prefix + longestSuffix + "\" has "
                    + (prefix.length() + longestSuffix.length()) + " characters, EventBridge allows " + RULE_NAME_MAX
                    + ". Hint: use at most " + (RULE_NAME_MAX - longestSuffix.length()) + " characters");
        }
    }

    static void throwIfAny(String construct, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(construct + ": " + problems.size() + " problem(s):\n- "
                    + String.join("\n- ", problems));
        }
    }
}
