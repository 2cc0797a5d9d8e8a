package platform;

import limits.AwsLimits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names synthesis derives from the platform, environment and service names (stack names, IAM role names,
 * EventBridge rule names) and the limits AWS puts on them. Each name is short enough on its own; these rules catch the
 * combinations, where the file names the parts. The formulas are those of {@code stacks.StackNames} and
 * {@code stacks.RoleNames}; the corpus test (platform.ValidateMirrorsSynthesisTest) synthesizes the broken files and
 * fails when the two disagree.
 */
final class GeneratedNameRules {

    /** The role-name suffix of each puller type that gets a role ({@code constructs.PullerRoleKind}). */
    private static final Map<PullerType, String> PULLER_ROLE_SUFFIX = Map.of(
            PullerType.ECS, "ecs-task-execution",
            PullerType.EKS_NODE, "eks-node",
            PullerType.EKS_FARGATE, "eks-fargate-pod-execution",
            PullerType.APP_RUNNER, "apprunner-access",
            PullerType.EC2, "ec2-instance");

    /** The longest suffix of an environment's EventBridge rules ({@code constructs.ScanFindingAlerts}). */
    static final String LONGEST_RULE_SUFFIX = "-basic-scan-findings";
    /** Longer than the others, and only where the environment reports its registry's cache failures. */
    static final String CACHE_FAILURES_RULE_SUFFIX = "-pull-through-cache-failures";

    private final Platform platform;
    private final Problems problems;

    private GeneratedNameRules(Platform platform, Problems problems) {
        this.platform = platform;
        this.problems = problems;
    }

    static void check(Platform platform, Problems problems) {
        if (platform.name() == null || !problems.isUsable("platform") || !problems.isUsable("environments")
                || platform.environments().stream().anyMatch(e -> e.name() == null || e.account() == null || e.region() == null)
                || platform.services().stream().anyMatch(s -> s.name() == null)) {
            return;
        }
        GeneratedNameRules rules = new GeneratedNameRules(platform, problems);
        rules.stackNames();
        rules.roleNames();
        rules.ruleNames();
    }

    /** An environment's stack {@code <platform>-<env>} must not be the name of a shared stack. */
    private void stackNames() {
        String p = platform.name();
        Map<String, String> shared = new LinkedHashMap<>();
        boolean github = anyGitHubPublisher() || platform.gitlabUrl().isPresent();
        for (RegistryLocation location : platform.registryLocations()) {
            shared.putIfAbsent(p + "-registry-" + location.account() + "-" + location.region(),
                    "the registry stack of account " + location.account() + ", region " + location.region());
            if (github) {
                shared.putIfAbsent(p + "-account-" + location.account(), "the account stack of account " + location.account());
            }
            if (platform.services().stream().anyMatch(Service::publicRepository)) {
                shared.putIfAbsent(p + "-public-" + location.account(), "the public-repository stack of account " + location.account());
            }
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            String stack = p + "-" + env.name();
            if (shared.containsKey(stack)) {
                problems.add("environments[" + i + "].name", "environment \"" + env.name() + "\" has the stack name \"" + stack
                                + "\", which is also " + shared.get(stack),
                        "rename the environment; names of the form registry-<account>-<region>, account-<account> and"
                                + " public-<account> are taken by shared stacks");
            }
        }
    }

    private void roleNames() {
        String p = platform.name();
        List<String> order = platform.promotionOrder();
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            int position = order.indexOf(env.name());
            if (position == 0) {
                for (int k = 0; k < platform.services().size(); k++) {
                    Service service = platform.services().get(k);
                    for (Publisher publisher : service.publishers()) {
                        String suffix = publisher.type() == null ? "-publisher" : switch (publisher.type()) {
                            case CODEBUILD, CODEPIPELINE -> "-codebuild-publisher";
                            case JENKINS -> "-jenkins-publisher";
                            case GITLAB -> "-gitlab-publisher";
                            case GITHUB -> "-publisher";
                        };
                        roleName("services[" + k + "].name", p + "-" + env.name() + "-" + service.name() + suffix,
                                "the publisher role of service \"" + service.name() + "\" in environment \"" + env.name() + "\"");
                    }
                }
            } else if (position > 0) {
                // One promoter per service and target environment, for the services a GitHub workflow or an image
                // pipeline promotes (stacks.EnvironmentStack#promoter): <platform>-<env>-<service>-promoter.
                int longest = -1;
                for (int k = 0; k < platform.services().size(); k++) {
                    Service service = platform.services().get(k);
                    if (service.name() != null && service.publishers().stream().anyMatch(pub -> pub.type() == PublisherType.GITHUB
                            || pub.type() == PublisherType.CODEPIPELINE)
                            && (longest < 0 || service.name().length() > platform.services().get(longest).name().length())) {
                        longest = k;
                    }
                }
                if (longest >= 0) {
                    Service service = platform.services().get(longest);
                    String path = env.name().length() >= service.name().length() ? "environments[" + i + "].name"
                            : "services[" + longest + "].name";
                    roleName(path, p + "-" + env.name() + "-" + service.name() + "-promoter", "the promoter role of service \""
                            + service.name() + "\" in environment \"" + env.name() + "\"");
                }
            }
        }
        for (int j = 0; j < platform.pullers().size(); j++) {
            Puller puller = platform.pullers().get(j);
            String suffix = puller.type() == null ? null : PULLER_ROLE_SUFFIX.get(puller.type());
            if (suffix == null) {
                continue;
            }
            for (EnvironmentSpec env : platform.environments(puller)) {
                if (roleName("pullers[" + j + "].type", p + "-" + env.name() + "-" + suffix,
                        "the " + puller.type().fileValue() + " puller role of environment \"" + env.name() + "\"")) {
                    break;
                }
            }
        }
        for (int k = 0; k < platform.services().size(); k++) {
            Service service = platform.services().get(k);
            if (service.publicRepository()) {
                roleName("services[" + k + "].name", p + "-public-" + service.name() + "-publisher",
                        "the ECR Public publisher role of service \"" + service.name() + "\"");
            }
        }
    }

    private boolean roleName(String path, String name, String what) {
        if (name.length() <= AwsLimits.IAM_ROLE_NAME) {
            return false;
        }
        problems.add(path, what + " would be named \"" + name + "\", " + name.length() + " characters; IAM allows "
                        + AwsLimits.IAM_ROLE_NAME,
                "shorten the platform, environment or service name by " + (name.length() - AwsLimits.IAM_ROLE_NAME) + " characters");
        return true;
    }

    /** The scan-finding and audit rules of an environment with alerts are named {@code <platform>-<env>-<suffix>}. */
    private void ruleNames() {
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.profile() == null) {
                continue;
            }
            Alerts alerts = env.alerts();
            boolean subscribers = alerts != null && !(alerts.email().isEmpty() && alerts.https().isEmpty());
            String name = platform.name() + "-" + env.name() + LONGEST_RULE_SUFFIX;
            if ((platform.profile(env).alerts() || subscribers) && name.length() > AwsLimits.EVENTBRIDGE_RULE_NAME) {
                problems.add("environments[" + i + "].name", "the scan-finding alert rule of environment \"" + env.name()
                                + "\" would be named \"" + name + "\", " + name.length() + " characters; EventBridge allows "
                                + AwsLimits.EVENTBRIDGE_RULE_NAME,
                        "shorten the platform or environment name by " + (name.length() - AwsLimits.EVENTBRIDGE_RULE_NAME)
                                + " characters");
            } else if (platform.pullThroughCacheFailureAlerts(env)) {
                String cacheRule = platform.name() + "-" + env.name() + CACHE_FAILURES_RULE_SUFFIX;
                if (cacheRule.length() > AwsLimits.EVENTBRIDGE_RULE_NAME) {
                    problems.add("environments[" + i + "].name", "the pull-through-cache failure rule of environment \""
                                    + env.name() + "\" would be named \"" + cacheRule + "\", " + cacheRule.length()
                                    + " characters; EventBridge allows " + AwsLimits.EVENTBRIDGE_RULE_NAME,
                            "shorten the platform or environment name by "
                                    + (cacheRule.length() - AwsLimits.EVENTBRIDGE_RULE_NAME)
                                    + " characters, or set alerts.pullThroughCacheFailures: false");
                }
            }
        }
    }

    private boolean anyGitHubPublisher() {
        return platform.services().stream().flatMap(s -> s.publishers().stream()).anyMatch(p -> p.type() == PublisherType.GITHUB);
    }
}
