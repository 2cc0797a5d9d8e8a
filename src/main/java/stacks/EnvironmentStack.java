package stacks;

import constructs.observability.AlertTopic;
import constructs.observability.AlertTopicProps;
import constructs.access.CodeBuildPublisherRole;
import constructs.access.CodeBuildPublisherRoleProps;
import constructs.access.GitHubOidcProvider;
import constructs.access.GitHubOidcProviderTrust;
import constructs.access.GitHubPublisherRole;
import constructs.access.GitHubPublisherRoleProps;
import constructs.repository.PrivateRepository;
import constructs.access.PromoterRole;
import constructs.access.PromoterRoleProps;
import constructs.access.PullerRole;
import constructs.access.PullerRoleKind;
import constructs.access.PullerRoleProps;
import constructs.access.RepositoryScope;
import constructs.repository.PrivateRepositoryProps;
import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import constructs.repository.RepositoryPolicy;
import constructs.repository.RepositoryPrincipal;
import constructs.observability.RegistryAuditAlerts;
import constructs.observability.RegistryAuditAlertsProps;
import constructs.observability.RegistryDashboard;
import constructs.observability.RegistryDashboardProps;
import constructs.network.RegistryEndpoints;
import constructs.network.RegistryEndpointsProps;
import constructs.network.S3GatewayPolicy;
import constructs.observability.ScanFindingAlerts;
import constructs.observability.ScanFindingAlertsProps;
import constructs.internal.StackValues;
import platform.Environment;
import platform.EnvironmentProfile;
import platform.Platform;
import platform.Publisher;
import platform.PublisherType;
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
import java.util.stream.Collectors;

/**
 * Everything one environment owns: its repository key, one repository per service, and (added by
 * {@link PlatformStacks}) roles, alerts and endpoints.
 *
 * <p>Construct ids are API: the key is {@value #KEY_ID}, each repository is the service name.
 * Renaming either replaces the resource and loses its images.
 */
public class EnvironmentStack extends Stack implements StackValues.Holder {

    /** The construct id of the environment's KMS key: API, a new id would replace the key. */
    public static final String KEY_ID = "RepositoryKey";

    /** Read once for every repository and role of this stack, instead of once each (jsii round trips). */
    private final StackValues stackValues = new StackValues(this);
    private final Map<String, PrivateRepository> repositories = new LinkedHashMap<>();
    private final RepositoryKey key;
    private final List<Service> services;
    private final int shard;

    /**
     * The stack of an environment that is not sharded (shard 1, with repository outputs).
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param platform the platform, as loaded from the platform file
     * @param environment the environment, from the platform file
     * @param services the services whose repositories this stack holds
     * @param ownsVpcEndpoints whether this environment creates the VPC endpoints ({@link platform.Platform#ownsVpcEndpoints})
     */
    public EnvironmentStack(Construct scope, String id, Platform platform, Environment environment, List<Service> services,
                            boolean ownsVpcEndpoints) {
        this(scope, id, platform, environment, services, ownsVpcEndpoints, 1, true);
    }

    /**
     * One shard of an environment ({@link ShardMap}): every shard has its own key and the repositories and
     * publishers of its services; shard 1 also holds what covers the whole environment (promoter, pullers,
     * alerts, endpoints), naming repositories of other shards by their deterministic ARNs.
     *
     * @param shard             1-based; 1 is the environment's stack of an unsharded estate
     * @param repositoryOutputs whether each repository exports its name, ARN and URI
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param platform the platform, as loaded from the platform file
     * @param environment the environment, from the platform file
     * @param services the services whose repositories this stack holds (one shard's)
     * @param ownsVpcEndpoints whether this environment creates the VPC endpoints ({@link platform.Platform#ownsVpcEndpoints}); false when an earlier environment with the same VPC does
     */
    public EnvironmentStack(Construct scope, String id, Platform platform, Environment environment, List<Service> services,
                            boolean ownsVpcEndpoints, int shard, boolean repositoryOutputs) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(software.amazon.awscdk.Environment.builder()
                        .account(environment.account()).region(environment.region()).build())
                .description("ecr-blueprint: repositories of " + platform.name() + " in " + environment.name()
                        + (shard == 1 ? "" : " (shard " + shard + ")"))
                .terminationProtection(platform.profile(environment).terminationProtection())
                .build());
        this.services = List.copyOf(services);
        this.shard = shard;
        EnvironmentProfile profile = platform.profile(environment);
        this.key = new RepositoryKey(this, KEY_ID, RepositoryKeyProps.builder()
                .removalPolicy(removalPolicy(profile))
                .alias(id + "-ecr")
                .description("Encrypts the Amazon ECR repositories of " + platform.name() + " " + environment.name() + " at rest")
                .build());
        for (Service service : services) {
            repositories.put(service.name(), repository(platform, environment, service, repositoryOutputs));
        }
        access(platform, environment);
        observability(platform, environment, id, profile);
        if (environment.vpc() != null && ownsVpcEndpoints) {
            endpoints(environment);
        }
    }

    /**
     * Who may push and pull, as roles of this account: publishers in the first environment of the
     * promotion order only (images are built once), a promoter in every later one, and the workload
     * pull roles the platform file asks for. Other accounts and Lambda are granted in repository policies.
     */
    private void access(Platform platform, Environment environment) {
        String signingProfile = platform.registry().signing() == null ? null : platform.registry().signing().profileArn();
        String prefixArn = RepositoryScope.prefixArn(environment.account(), environment.region(), platform.repositoryPrefix(environment));
        boolean firstEnvironment = platform.promotionOrder().get(0).equals(environment.name());
        if (firstEnvironment) {
            for (Service service : services) {
                publishers(platform, environment, service, signingProfile, prefixArn);
            }
        }
        if (shard > 1) {
            return; // the promoter and the pull roles of shard 1 cover every shard
        }
        for (List<Environment> step : platform.promotionSteps()) {
            if (step.get(1).equals(environment)) {
                promoter(platform, step.get(0), environment, signingProfile, prefixArn);
            }
        }
        Map<PullerRoleKind, List<String>> pullersByKind = new java.util.EnumMap<>(PullerRoleKind.class);
        for (Puller puller : platform.pullers(environment)) {
            PullerRoleKind kind = PULLER_ROLES.get(puller.type());
            if (kind == null) {
                continue; // account and lambda pullers are granted in repository policies
            }
            var arns = pullersByKind.computeIfAbsent(kind, k -> new ArrayList<>());
            platform.services(puller).stream().map(s -> repositoryArn(platform, environment, s))
                    .filter(arn -> !arns.contains(arn)).forEach(arns::add);
        }
        pullersByKind.forEach((kind, arns) -> new PullerRole(this, PULLER_IDS.get(kind), PullerRoleProps.builder()
                .kind(kind)
                .roleName(RoleNames.puller(platform.name(), environment.name(), kind))
                .repositoryArns(arns)
                .repositoryPrefixArn(prefixArn)
                .build()));
    }

    private static final Map<PullerType, PullerRoleKind> PULLER_ROLES = Map.of(
            PullerType.ECS, PullerRoleKind.ECS_TASK_EXECUTION,
            PullerType.EKS_NODE, PullerRoleKind.EKS_NODE,
            PullerType.EKS_FARGATE, PullerRoleKind.EKS_FARGATE_POD_EXECUTION,
            PullerType.APP_RUNNER, PullerRoleKind.APP_RUNNER_ACCESS);

    private static final Map<PullerRoleKind, String> PULLER_IDS = Map.of(
            PullerRoleKind.ECS_TASK_EXECUTION, "EcsTaskExecutionRole",
            PullerRoleKind.EKS_NODE, "EksNodeRole",
            PullerRoleKind.EKS_FARGATE_POD_EXECUTION, "EksFargatePodExecutionRole",
            PullerRoleKind.APP_RUNNER_ACCESS, "AppRunnerAccessRole");

    private void publishers(Platform platform, Environment environment, Service service, String signingProfile, String prefixArn) {
        String repositoryArn = repositories.get(service.name()).repositoryArn();
        List<String> subjects = new ArrayList<>();
        List<String> projectArns = new ArrayList<>();
        for (Publisher publisher : service.publishers()) {
            if (publisher.type() == PublisherType.GITHUB) {
                publisher.branches().forEach(b -> subjects.add(GitHubOidcProviderTrust.branchSubject(publisher.repository(), b)));
                publisher.environments().forEach(e -> subjects.add(GitHubOidcProviderTrust.environmentSubject(publisher.repository(), e)));
                // Releases are built when a release tag is pushed (tagging.releasePrefix): the platform
                // file's tagging strategy is what asks for this one wildcard. Protect those tags with a
                // GitHub tag ruleset: whoever may push one may publish.
                subjects.add("repo:" + publisher.repository() + ":ref:refs/tags/" + platform.tagging().releasePrefix() + "*");
            } else {
                projectArns.add("arn:aws:codebuild:" + environment.region() + ":" + environment.account() + ":project/" + publisher.project());
            }
        }
        if (!subjects.isEmpty()) {
            new GitHubPublisherRole(this, service.name() + "-publisher", GitHubPublisherRoleProps.builder()
                    .roleName(RoleNames.githubPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .subjects(subjects)
                    // the release-tag subject; wildcards in branches and environments are refused by the
                    // platform validator unless the publisher sets allowWildcard
                    .allowSubjectWildcards(true)
                    .oidcProviderArn(GitHubOidcProvider.arnInAccount(environment.account()))
                    .signingProfileArn(signingProfile)
                    .build());
        }
        if (!projectArns.isEmpty()) {
            new CodeBuildPublisherRole(this, service.name() + "-codebuild-publisher", CodeBuildPublisherRoleProps.builder()
                    .roleName(RoleNames.codeBuildPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .projectArns(projectArns)
                    .signingProfileArn(signingProfile)
                    .build());
        }
    }

    /** Pulls the previous environment's repositories (by deterministic ARN, never a cross-stack reference) and pushes ours. */
    private void promoter(Platform platform, Environment source, Environment target, String signingProfile, String prefixArn) {
        List<String> githubRepositories = platform.services().stream()
                .flatMap(s -> s.publishers().stream())
                .filter(p -> p.type() == PublisherType.GITHUB)
                .map(Publisher::repository).distinct().toList();
        if (githubRepositories.isEmpty()) {
            return;
        }
        new PromoterRole(this, "Promoter", PromoterRoleProps.builder()
                .roleName(RoleNames.promoter(platform.name(), target.name()))
                .sourceRepositoryArns(platform.services().stream().map(s -> RepositoryScope.repositoryArn(
                        source.account(), source.region(), platform.repositoryName(source, s))).toList())
                .sourceRepositoryPrefixArn(RepositoryScope.prefixArn(source.account(), source.region(), platform.repositoryPrefix(source)))
                .targetRepositoryArns(platform.services().stream().map(s -> repositoryArn(platform, target, s)).toList())
                .targetRepositoryPrefixArn(prefixArn)
                .githubRepositories(githubRepositories)
                .githubEnvironment(target.name())
                .oidcProviderArn(GitHubOidcProvider.arnInAccount(target.account()))
                .signingProfileArn(signingProfile)
                .build());
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
        if ((profile.alerts() || subscribers) && shard == 1) {
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
                .findingsAlarm(profile.alerts() && shard == 1)
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
                .includeCloudWatchLogs(vpc.logsEndpoint())
                .organizationId(vpc.organizationId())
                .s3GatewayPolicy(S3GatewayPolicy.valueOf(vpc.s3EndpointPolicy().name()))
                .adoptExistingEndpoints(vpc.existingEndpoints().stream()
                        .map(e -> RegistryEndpoints.Endpoint.valueOf(e.name())).collect(Collectors.toSet()))
                .build());
    }

    /**
     * The repositories of this stack by service name, in platform-file order.
     *
     * @return the repositories of this stack by service name, in platform-file order
     */
    public Map<String, PrivateRepository> repositories() {
        return Map.copyOf(repositories);
    }

    /**
     * The environment's (or shard's) KMS key.
     *
     * @return the key
     */
    public RepositoryKey key() {
        return key;
    }

    @Override
    public StackValues stackValues() {
        return stackValues;
    }

    /** This stack's repository's ARN (a reference), or the deterministic ARN of a repository in another shard. */
    private String repositoryArn(Platform platform, Environment environment, Service service) {
        PrivateRepository own = repositories.get(service.name());
        return own != null ? own.repositoryArn()
                : RepositoryScope.repositoryArn(environment.account(), environment.region(), platform.repositoryName(environment, service));
    }

    private PrivateRepository repository(Platform platform, Environment environment, Service service, boolean exportOutputs) {
        EnvironmentProfile profile = platform.profile(environment, service);
        var builder = PrivateRepositoryProps.builder()
                .repositoryName(platform.repositoryName(environment, service))
                .lifecyclePolicy(platform.lifecyclePolicy(profile))
                .removalPolicy(removalPolicy(profile))
                .encryptionKey(key.key())
                .requireImmutableTags(profile.requireImmutableTags())
                .repositoryPolicy(repositoryPolicy(platform, environment, service))
                .tags(Map.of("service", service.name(), "team", service.team() == null ? "unassigned" : service.team()))
                .exportOutputs(exportOutputs);
        if (!service.tagMutabilityExclusions().isEmpty()) {
            builder.tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(service.tagMutabilityExclusions())
                    .mutableTagOverrideReason(service.overrideReason());
        }
        return new PrivateRepository(this, service.name(), builder.build());
    }


    /** Cross-account consumers and Lambda functions pull through the repository policy, not through roles. */
    private static RepositoryPolicy repositoryPolicy(Platform platform, Environment environment, Service service) {
        var policy = RepositoryPolicy.builder();
        List<Puller> pullers = new ArrayList<>(platform.pullers(environment));
        for (Puller puller : pullers) {
            if (!puller.services().isEmpty() && !puller.services().contains(service.name())) {
                continue;
            }
            // ECR copies images to replica regions but not repository policies: a consumer in a replica
            // region is granted there by the REPLICATION creation template, not here.
            if (!puller.region(environment).equals(environment.region())) {
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
        // The next environment's promoter pulls from here; in another account it needs the repository
        // policy too, naming the role through its account root (it may not exist yet).
        for (List<Environment> step : platform.promotionSteps()) {
            Environment target = step.get(1);
            if (step.get(0).equals(environment) && !target.account().equals(environment.account())) {
                policy.pull(RepositoryPrincipal.role(RoleNames.arn(target.account(), RoleNames.promoter(platform.name(), target.name()))));
            }
        }
        return policy.build();
    }

    /**
     * RETAIN in the platform file is RETAIN_ON_UPDATE_OR_DELETE in the template (DeletionPolicy RetainExceptOnCreate,
     * UpdateReplacePolicy Retain): kept on every update and deletion, but a first create that rolls back removes what it
     * created, so the retry does not fail on a repository or alias that already exists (docs/delivery.md, recovery).
     */
    static RemovalPolicy removalPolicy(EnvironmentProfile profile) {
        return profile.removalPolicy() == platform.RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
    }
}
