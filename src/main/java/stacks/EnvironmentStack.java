package stacks;

import constructs.AlertTopic;
import constructs.AlertTopicProps;
import constructs.PrivateRepository;
import constructs.PrivateRepositoryProps;
import constructs.RepositoryKey;
import constructs.RepositoryKeyProps;
import constructs.RepositoryPolicy;
import constructs.RepositoryPrincipal;
import constructs.RegistryAuditAlerts;
import constructs.RegistryAuditAlertsProps;
import constructs.RegistryDashboard;
import constructs.RegistryDashboardProps;
import constructs.RegistryEndpoints;
import constructs.RegistryEndpointsProps;
import constructs.ScanFindingAlerts;
import constructs.ScanFindingAlertsProps;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.LifecycleRetention;
import platform.Environment;
import platform.EnvironmentProfile;
import platform.Platform;
import platform.Puller;
import platform.PullerType;
import platform.Service;
import platform.Vpc;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one environment owns: its repository key, one repository per service, and (added by
 * {@link PlatformStacks}) roles, alerts and endpoints.
 *
 * <p>Construct ids are API: the key is {@value #KEY_ID}, each repository is the service name.
 * Renaming either replaces the resource and loses its images.
 */
public class EnvironmentStack extends Stack {

    public static final String KEY_ID = "RepositoryKey";

    private final Map<String, PrivateRepository> repositories = new LinkedHashMap<>();
    private final RepositoryKey key;

    public EnvironmentStack(Construct scope, String id, Platform platform, Environment environment, List<Service> services,
                            boolean ownsVpcEndpoints) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(software.amazon.awscdk.Environment.builder()
                        .account(environment.account()).region(environment.region()).build())
                .description("ecr-blueprint: repositories of " + platform.name() + " in " + environment.name())
                .terminationProtection(platform.profile(environment).terminationProtection())
                .build());
        EnvironmentProfile profile = platform.profile(environment);
        this.key = new RepositoryKey(this, KEY_ID, RepositoryKeyProps.builder()
                .removalPolicy(removalPolicy(profile))
                .alias(id + "-ecr")
                .description("Encrypts the Amazon ECR repositories of " + platform.name() + " " + environment.name() + " at rest")
                .build());
        for (Service service : services) {
            repositories.put(service.name(), repository(platform, environment, service));
        }
        observability(platform, environment, id, profile);
        if (environment.vpc() != null && ownsVpcEndpoints) {
            endpoints(environment);
        }
    }

    /**
     * A dashboard for every environment; alerts where the profile asks for them or the file names
     * subscribers. Construct ids are fixed: the topic's key is stateful.
     */
    private void observability(Platform platform, Environment environment, String id, EnvironmentProfile profile) {
        String repositoryPrefix = platform.repositoryPrefix(environment);
        List<String> findingRules = List.of();
        List<String> auditRules = List.of();
        AlertTopic topic = null;
        boolean subscribers = environment.alerts() != null
                && !(environment.alerts().email().isEmpty() && environment.alerts().https().isEmpty());
        if (profile.alerts() || subscribers) {
            topic = new AlertTopic(this, "Alerts", AlertTopicProps.builder()
                    .topicName(id + "-ecr-alerts")
                    .displayName("ECR alerts of " + platform.name() + " " + environment.name())
                    .emailSubscriptions(subscribers ? environment.alerts().email() : List.of())
                    .httpsSubscriptions(subscribers ? environment.alerts().https() : List.of())
                    .keyRemovalPolicy(removalPolicy(profile))
                    .build());
            var findings = new ScanFindingAlerts(this, "ScanFindingAlerts", ScanFindingAlertsProps.builder()
                    .alertTopic(topic)
                    .severityThreshold(ScanFindingAlerts.Severity.valueOf(profile.alertSeverity().name()))
                    .repositoryNamePrefix(repositoryPrefix)
                    .ruleNamePrefix(id)
                    .build());
            var audit = new RegistryAuditAlerts(this, "RegistryAuditAlerts", RegistryAuditAlertsProps.builder()
                    .alertTopic(topic).repositoryNamePrefix(repositoryPrefix).ruleNamePrefix(id).build());
            findingRules = findings.ruleNames();
            auditRules = List.of(audit.ruleName());
        }
        new RegistryDashboard(this, "Dashboard", RegistryDashboardProps.builder()
                .dashboardName(id + "-ecr")
                .repositoryNames(repositories.values().stream().map(PrivateRepository::repositoryName).toList())
                .findingRuleNames(findingRules)
                .auditRuleNames(auditRules)
                .findingsAlarm(profile.alerts())
                .alarmTopic(topic)
                .build());
    }

    /** Interface endpoints for ecr.api and ecr.dkr, the S3 gateway and CloudWatch Logs, on the given VPC. */
    private void endpoints(Environment environment) {
        Vpc vpc = environment.vpc();
        new RegistryEndpoints(this, "RegistryEndpoints", RegistryEndpointsProps.builder()
                .vpcId(vpc.id())
                .vpcCidrBlock(vpc.cidr())
                .subnets(vpc.subnets().stream()
                        .map(s -> new RegistryEndpointsProps.EndpointSubnet(s.id(), s.availabilityZone())).toList())
                .routeTableIds(vpc.routeTables())
                .includeCloudWatchLogs(true)
                .s3OnlyForEcr(vpc.s3OnlyForEcr())
                .adoptExistingEndpoints(vpc.adoptExistingEndpoints()
                        ? EnumSet.allOf(RegistryEndpoints.Endpoint.class) : Set.of())
                .build());
    }

    /** The repositories of this stack by service name, in platform-file order. */
    public Map<String, PrivateRepository> repositories() {
        return Map.copyOf(repositories);
    }

    public RepositoryKey key() {
        return key;
    }

    private PrivateRepository repository(Platform platform, Environment environment, Service service) {
        EnvironmentProfile profile = platform.profile(environment, service);
        var builder = PrivateRepositoryProps.builder()
                .repositoryName(platform.repositoryName(environment, service))
                .lifecyclePolicy(lifecyclePolicy(platform, profile))
                .removalPolicy(removalPolicy(profile))
                .encryptionKey(key.key())
                .requireImmutableTags(profile.requireImmutableTags())
                .repositoryPolicy(repositoryPolicy(platform, environment, service))
                .tags(Map.of("service", service.name(), "team", service.team() == null ? "unassigned" : service.team()));
        if (!service.tagMutabilityExclusions().isEmpty()) {
            builder.tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(service.tagMutabilityExclusions())
                    .mutableTagOverrideReason(service.overrideReason());
        }
        return new PrivateRepository(this, service.name(), builder.build());
    }

    static LifecyclePolicy lifecyclePolicy(Platform platform, EnvironmentProfile profile) {
        return LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                .untaggedExpiryDays(profile.untaggedExpiryDays())
                .keepLastImages(profile.keepLastImages())
                .releaseRetentionDays(profile.releaseTagRetentionDays())
                .buildRetentionDays(profile.buildTagRetentionDays())
                .releaseTagPrefixes(List.of(platform.tagging().releasePrefix()))
                .buildTagPrefixes(platform.tagging().buildPrefixes())
                .build());
    }

    /** Cross-account consumers and Lambda functions pull through the repository policy, not through roles. */
    private static RepositoryPolicy repositoryPolicy(Platform platform, Environment environment, Service service) {
        var policy = RepositoryPolicy.builder();
        List<Puller> pullers = new ArrayList<>(platform.pullers(environment));
        for (Puller puller : pullers) {
            if (!puller.services().isEmpty() && !puller.services().contains(service.name())) {
                continue;
            }
            if (puller.type() == PullerType.ACCOUNT) {
                policy.pull(puller.roleArn() != null
                        ? RepositoryPrincipal.role(puller.roleArn())
                        : RepositoryPrincipal.account(puller.account()));
            } else if (puller.type() == PullerType.LAMBDA) {
                String account = puller.account() != null ? puller.account() : environment.account();
                String region = puller.region() != null ? puller.region() : environment.region();
                policy.pull(RepositoryPrincipal.lambdaFunctions(account, region));
            }
        }
        return policy.build();
    }

    static RemovalPolicy removalPolicy(EnvironmentProfile profile) {
        return profile.removalPolicy() == platform.RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    }
}
