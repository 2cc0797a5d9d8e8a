package stacks;

import constructs.observability.AlertTopic;
import constructs.observability.AlertTopicProps;
import constructs.access.CodeBuildPublisherRole;
import constructs.access.CodeBuildPublisherRoleProps;
import constructs.access.GitHubOidcProvider;
import constructs.access.GitHubOidcProviderTrust;
import constructs.access.GitHubPublisherRole;
import constructs.access.GitHubPublisherRoleProps;
import constructs.access.GitLabOidcProvider;
import constructs.access.GitLabPublisherRole;
import constructs.access.GitLabPublisherRoleProps;
import constructs.access.JenkinsPublisherRole;
import constructs.access.JenkinsPublisherRoleProps;
import constructs.repository.PrivateRepository;
import constructs.access.PromoterRole;
import constructs.access.PromoterRoleProps;
import constructs.access.PullerRole;
import constructs.access.PullerRoleKind;
import constructs.access.PullerRoleProps;
import constructs.access.RepositoryScope;
import constructs.pipeline.ImagePipeline;
import constructs.pipeline.ImagePipelinePromotion;
import constructs.pipeline.ImagePipelineProps;
import constructs.pipeline.ImagePipelineSource;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.s3.CfnBucket;
import constructs.repository.PrivateRepositoryProps;
import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import constructs.repository.RepositoryPolicy;
import constructs.repository.RepositoryPrincipal;
import constructs.observability.ImagePushGuard;
import constructs.observability.ImagePushGuardProps;
import constructs.observability.RegistryAuditAlerts;
import constructs.observability.RegistryAuditAlertsProps;
import constructs.observability.RegistryDashboard;
import constructs.observability.RegistryDashboardProps;
import constructs.observability.RegistryFailureAlerts;
import constructs.observability.RegistryFailureAlertsProps;
import constructs.observability.RepositoryUsageMetrics;
import constructs.observability.RepositoryUsageMetricsProps;
import constructs.network.RegistryEndpoints;
import constructs.network.RegistryEndpointsProps;
import constructs.observability.ScanFindingAlerts;
import constructs.observability.ScanFindingAlertsProps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.services.iam.PolicyStatement;
import platform.EncryptionType;
import platform.EnvironmentSpec;
import platform.EnvironmentProfile;
import platform.Platform;
import platform.Publisher;
import platform.PublisherType;
import platform.Puller;
import platform.PullerType;
import platform.ScanType;
import platform.Service;
import platform.Vpc;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.signer.CfnProfilePermission;
import constructs.access.Persona;
import software.constructs.Construct;
import validation.ControlTowerSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one environment owns: its repository key (none where it uses its account and region's shared key,
 * {@code sharedKey}), one repository per service, and (added by {@link PlatformStacks}) roles, alerts and endpoints.
 *
 * <p>Construct ids are API: the key is {@value #KEY_ID}, each repository is the service name.
 * Renaming either replaces the resource and loses its images.
 */
public class EnvironmentStack extends Stack {

    /** The construct id of the environment's KMS key: API, a new id would replace the key. */
    public static final String KEY_ID = "RepositoryKey";

    private final Map<String, PrivateRepository> repositories = new LinkedHashMap<>();
    private final RepositoryKey key;
    private final IKey encryptionKey;
    private final List<Service> services;
    private final int shard;
    private AlertTopic alertTopic;

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
    public EnvironmentStack(Construct scope, String id, Platform platform, EnvironmentSpec environment, List<Service> services,
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
    public EnvironmentStack(Construct scope, String id, Platform platform, EnvironmentSpec environment, List<Service> services,
                            boolean ownsVpcEndpoints, int shard, boolean repositoryOutputs) {
        this(scope, id, platform, environment, services, ownsVpcEndpoints, shard, repositoryOutputs, null);
    }

    /**
     * One shard of an environment whose repositories use the key its account and region's environments share
     * ({@code sharedKey}): the stack creates no key of its own ({@link #key()} is {@code null}) and encrypts with
     * {@code sharedKey}, a reference to {@link RegistryStack#sharedKey()} (the registry stack deploys first).
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param platform the platform, as loaded from the platform file
     * @param environment the environment, from the platform file
     * @param services the services whose repositories this stack holds (one shard's)
     * @param ownsVpcEndpoints whether this environment creates the VPC endpoints
     * @param shard 1-based; 1 is the environment's stack of an unsharded estate
     * @param repositoryOutputs whether each repository exports its name, ARN and URI
     * @param sharedKey the shared key, required when the environment sets {@code sharedKey}; {@code null} otherwise
     */
    public EnvironmentStack(Construct scope, String id, Platform platform, EnvironmentSpec environment, List<Service> services,
                            boolean ownsVpcEndpoints, int shard, boolean repositoryOutputs, IKey sharedKey) {
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
        if (environment.sharedKey() != (sharedKey != null)) {
            throw new IllegalArgumentException("environment \"" + environment.name() + "\" " + (environment.sharedKey()
                    ? "sets sharedKey, but no shared key was given: pass RegistryStack#sharedKey() of its account and region"
                    : "has a key of its own (sharedKey is off), but a shared key was given: pass null"));
        }
        // Without sharedKey the environment's own key, id KEY_ID as ever; with it, no key here at all.
        this.key = sharedKey != null ? null : new RepositoryKey(this, KEY_ID, RepositoryKeyProps.builder()
                .removalPolicy(removalPolicy(profile))
                .alias(id + "-ecr")
                .description("Encrypts the Amazon ECR repositories of " + platform.name() + " " + environment.name() + " at rest")
                .build());
        this.encryptionKey = sharedKey != null ? sharedKey : key.key();
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
    private void access(Platform platform, EnvironmentSpec environment) {
        String signingProfile = platform.registry().signing() == null ? null : platform.registry().signing().profileArn();
        String prefixArn = RepositoryScope.prefixArn(environment.account(), environment.region(), platform.repositoryPrefix(environment));
        boolean firstEnvironment = platform.promotionOrder().get(0).equals(environment.name());
        for (Service service : services) {
            if (firstEnvironment) {
                publishers(platform, environment, service, signingProfile, prefixArn);
            }
            for (List<EnvironmentSpec> step : platform.promotionSteps()) {
                if (step.get(1).equals(environment)) {
                    promoter(platform, step.get(0), environment, service, signingProfile);
                }
            }
        }
        if (shard > 1) {
            return; // the pull roles of shard 1 cover every shard
        }
        if (platform.signingProfileOwner().filter(environment::equals).isPresent()) {
            signingPermissions(platform, environment);
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
        List<String> cachePrefixArns = cachePrefixArns(platform, environment);
        pullersByKind.forEach((kind, arns) -> new PullerRole(this, PULLER_IDS.get(kind), PullerRoleProps.builder()
                .kind(kind)
                .roleName(RoleNames.puller(platform.name(), environment.name(), kind))
                .repositoryArns(arns)
                .repositoryPrefixArn(prefixArn)
                .replicaRepositories(replicaScopes(platform, environment, kind))
                .pullThroughCachePrefixArns(cachePrefixArns)
                .build()));
    }

    /**
     * ECR signs a pushed image as the pushing identity: the other accounts that push (publishers, promoters) get
     * {@code signer:SignPayload} on the profile through a profile permission here, in the profile's account.
     * Source: https://docs.aws.amazon.com/signer/latest/developerguide/signer-cross-account.html
     */
    private void signingPermissions(Platform platform, EnvironmentSpec environment) {
        String profileArn = platform.registry().signing().profileArn();
        String[] path = profileArn.substring(profileArn.indexOf(":/signing-profiles/") + ":/signing-profiles/".length()).split("/");
        for (String account : platform.signingAccounts()) {
            if (account.equals(environment.account())) {
                continue; // the account's own roles are granted by their identity policies
            }
            var permission = CfnProfilePermission.Builder.create(this, "SigningProfilePermission" + account)
                    .profileName(path[0])
                    .action(Persona.SIGN_ACTION)
                    .principal(account)
                    .statementId("ecr-blueprint-sign-" + account);
            if (path.length > 1) {
                permission.profileVersion(path[1]);
            }
            permission.build();
        }
    }

    /**
     * The replicas in the environment's own account that a pull role of {@code kind} reaches: per replica region, the
     * same services' repositories by deterministic ARN, with that region's prefix fallback. ECR replicates images
     * but not permissions, so a workload in a replica region needs its own grant there.
     */
    private List<RepositoryScope> replicaScopes(Platform platform, EnvironmentSpec environment, PullerRoleKind kind) {
        List<Service> pulled = new ArrayList<>();
        for (Puller puller : platform.pullers(environment)) {
            if (PULLER_ROLES.get(puller.type()) == kind) {
                platform.services(puller).stream().filter(s -> !pulled.contains(s)).forEach(pulled::add);
            }
        }
        List<RepositoryScope> scopes = new ArrayList<>();
        for (String region : platform.regionsHolding(environment)) {
            boolean ownAccountReplica = !region.equals(environment.region()) && (environment.replicaRegions().contains(region)
                    || platform.replicationRules(environment).stream().anyMatch(r -> r.destinations().stream()
                    .anyMatch(d -> d.region().equals(region) && d.account(environment).equals(environment.account()))));
            if (ownAccountReplica) {
                scopes.add(RepositoryScope.of(pulled.stream().map(s -> RepositoryScope.repositoryArn(environment.account(),
                                region, platform.repositoryName(environment, s))).toList(),
                        RepositoryScope.prefixArn(environment.account(), region, platform.repositoryPrefix(environment))));
            }
        }
        // Replicas in another account's registry: only where a puller of this kind declares that region (the
        // replica template there grants the role, crossAccountPullRoles).
        Set<String> declaredRegions = new LinkedHashSet<>();
        platform.pullers(environment).stream().filter(p -> PULLER_ROLES.get(p.type()) == kind)
                .forEach(p -> declaredRegions.add(p.region(environment)));
        Set<String> seen = new LinkedHashSet<>();
        for (var rule : platform.replicationRules(environment)) {
            for (var destination : rule.destinations()) {
                String account = destination.account(environment);
                if (!account.equals(environment.account()) && declaredRegions.contains(destination.region())
                        && seen.add(account + "/" + destination.region())) {
                    scopes.add(RepositoryScope.of(pulled.stream().map(s -> RepositoryScope.repositoryArn(account,
                                    destination.region(), platform.repositoryName(environment, s))).toList(),
                            RepositoryScope.prefixArn(account, destination.region(), platform.repositoryPrefix(environment))));
                }
            }
        }
        return scopes;
    }

    /** The cache namespaces of the environment's registry, {@code repository/<prefix>/*}: builds and workloads pull base images through them. */
    private static List<String> cachePrefixArns(Platform platform, EnvironmentSpec environment) {
        return RegistryPlan.cachePrefixes(platform, environment.account(), environment.region()).stream()
                .map(prefix -> RepositoryScope.prefixArn(environment.account(), environment.region(), prefix + "/")).toList();
    }

    private static final Map<PullerType, PullerRoleKind> PULLER_ROLES = Map.of(
            PullerType.ECS, PullerRoleKind.ECS_TASK_EXECUTION,
            PullerType.EKS_NODE, PullerRoleKind.EKS_NODE,
            PullerType.EKS_FARGATE, PullerRoleKind.EKS_FARGATE_POD_EXECUTION,
            PullerType.APP_RUNNER, PullerRoleKind.APP_RUNNER_ACCESS,
            PullerType.EC2, PullerRoleKind.EC2_INSTANCE);

    /**
     * The role kind of a puller type that gets a role in the environment's account.
     *
     * @param type the puller type
     * @return the role kind; null for account and lambda pullers
     */
    public static PullerRoleKind pullerRoleKind(PullerType type) {
        return PULLER_ROLES.get(type);
    }

    private static final Map<PullerRoleKind, String> PULLER_IDS = Map.of(
            PullerRoleKind.ECS_TASK_EXECUTION, "EcsTaskExecutionRole",
            PullerRoleKind.EKS_NODE, "EksNodeRole",
            PullerRoleKind.EKS_FARGATE_POD_EXECUTION, "EksFargatePodExecutionRole",
            PullerRoleKind.APP_RUNNER_ACCESS, "AppRunnerAccessRole",
            PullerRoleKind.EC2_INSTANCE, "Ec2InstanceRole");

    private void publishers(Platform platform, EnvironmentSpec environment, Service service, String signingProfile, String prefixArn) {
        String repositoryArn = repositories.get(service.name()).getRepositoryArn();
        List<String> cachePrefixArns = cachePrefixArns(platform, environment);
        // The generated scan gate lists Amazon Inspector findings where this registry scans ENHANCED.
        boolean inspectorGate = platform.scanType(environment) == ScanType.ENHANCED;
        List<String> subjects = new ArrayList<>();
        List<String> projectArns = new ArrayList<>();
        List<String> jenkinsPrincipals = new ArrayList<>();
        String externalId = null;
        List<String> gitlabSubjects = new ArrayList<>();
        boolean gitlabWildcards = false;
        boolean wildcards = false;
        for (Publisher publisher : service.publishers()) {
            if (publisher.type() == PublisherType.GITHUB) {
                publisher.branches().forEach(b -> subjects.add(GitHubOidcProviderTrust.branchSubject(publisher.repository(), b)));
                publisher.environments().forEach(e -> subjects.add(GitHubOidcProviderTrust.environmentSubject(publisher.repository(), e)));
                // Release tags are trusted only through the protected GitHub environment the file names: a tag
                // pattern would hand publisher credentials to whoever can push a tag.
                if (publisher.releaseEnvironment() != null) {
                    subjects.add(GitHubOidcProviderTrust.environmentSubject(publisher.repository(), publisher.releaseEnvironment()));
                }
                wildcards |= publisher.allowWildcard();
            } else if (publisher.type() == PublisherType.JENKINS) {
                jenkinsPrincipals.add(publisher.principalArn());
                externalId = externalId != null ? externalId : publisher.externalId();
            } else if (publisher.type() == PublisherType.GITLAB) {
                publisher.branches().forEach(b -> gitlabSubjects.add(GitLabPublisherRole.branchSubject(publisher.gitlabProject(), b)));
                gitlabWildcards |= publisher.allowWildcard();
            } else if (publisher.type() == PublisherType.CODEPIPELINE) {
                projectArns.add("arn:aws:codebuild:" + environment.region() + ":" + environment.account() + ":project/"
                        + RoleNames.imagePipeline(platform.name(), service.name()));
            } else {
                projectArns.add("arn:aws:codebuild:" + environment.region() + ":" + environment.account() + ":project/" + publisher.project());
            }
        }
        if (!subjects.isEmpty()) {
            new GitHubPublisherRole(this, service.name() + "-publisher", GitHubPublisherRoleProps.builder()
                    .roleName(RoleNames.githubPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .subjects(subjects.stream().distinct().toList())
                    // wildcards only where the platform file allows them (the validator refuses others)
                    .allowSubjectWildcards(wildcards)
                    .oidcProviderArn(GitHubOidcProvider.arnInAccount(environment.account()))
                    .signingProfileArn(signingProfile)
                    .pullThroughCachePrefixArns(cachePrefixArns)
                    .readInspectorFindings(inspectorGate)
                    .build());
        }
        if (!jenkinsPrincipals.isEmpty()) {
            new JenkinsPublisherRole(this, service.name() + "-jenkins-publisher", JenkinsPublisherRoleProps.builder()
                    .roleName(RoleNames.jenkinsPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .principalArns(jenkinsPrincipals.stream().distinct().toList())
                    .externalId(externalId)
                    .signingProfileArn(signingProfile)
                    .pullThroughCachePrefixArns(cachePrefixArns)
                    .readInspectorFindings(inspectorGate)
                    .build());
        }
        if (!gitlabSubjects.isEmpty()) {
            String gitlabUrl = platform.gitlabUrl().orElseThrow();
            new GitLabPublisherRole(this, service.name() + "-gitlab-publisher", GitLabPublisherRoleProps.builder()
                    .roleName(RoleNames.gitlabPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .gitlabUrl(gitlabUrl)
                    .subjects(gitlabSubjects.stream().distinct().toList())
                    // wildcards only where the platform file allows them (the validator refuses others)
                    .allowSubjectWildcards(gitlabWildcards)
                    .oidcProviderArn(GitLabOidcProvider.arnInAccount(environment.account(), gitlabUrl))
                    .signingProfileArn(signingProfile)
                    .pullThroughCachePrefixArns(cachePrefixArns)
                    .readInspectorFindings(inspectorGate)
                    .build());
        }
        if (!projectArns.isEmpty()) {
            var codeBuildRole = new CodeBuildPublisherRole(this, service.name() + "-codebuild-publisher", CodeBuildPublisherRoleProps.builder()
                    .roleName(RoleNames.codeBuildPublisher(platform.name(), environment.name(), service.name()))
                    .repositoryArns(List.of(repositoryArn))
                    .repositoryPrefixArn(prefixArn)
                    .projectArns(projectArns)
                    .signingProfileArn(signingProfile)
                    .pullThroughCachePrefixArns(cachePrefixArns)
                    .readInspectorFindings(inspectorGate)
                    .build());
            service.publishers().stream().filter(p -> p.type() == PublisherType.CODEPIPELINE).findFirst()
                    .ifPresent(p -> imagePipeline(platform, environment, service, p, codeBuildRole));
        }
    }

    /**
     * The service's image pipeline, in the first environment: CodePipeline builds with the CodeBuild publisher role and
     * promotes through the later environments' promoters, each behind a manual approval.
     */
    private void imagePipeline(Platform platform, EnvironmentSpec environment, Service service, Publisher publisher,
                               CodeBuildPublisherRole role) {
        List<ImagePipelinePromotion> promotions = new ArrayList<>();
        for (List<EnvironmentSpec> step : platform.promotionSteps()) {
            EnvironmentSpec target = step.get(1);
            promotions.add(new ImagePipelinePromotion(target.name(),
                    RoleNames.arn(target.account(), RoleNames.promoter(platform.name(), target.name(), service.name())),
                    promotionBuildSpecPath(target.name())));
        }
        IVpc vpc = null;
        if (publisher.vpc()) {
            Vpc spec = environment.vpc();
            vpc = software.amazon.awscdk.services.ec2.Vpc.fromVpcAttributes(this, service.name() + "-image-vpc",
                    VpcAttributes.builder()
                            .vpcId(spec.id())
                            .availabilityZones(spec.subnets().stream().map(s -> s.availabilityZone()).toList())
                            .privateSubnetIds(spec.subnets().stream().map(s -> s.id()).toList())
                            .build());
            // The image pipeline reads only the subnets' ids (its projects' VPC settings), never their route tables.
            vpc.getPrivateSubnets().forEach(subnet -> software.amazon.awscdk.Annotations.of(subnet).acknowledgeWarning(
                    "@aws-cdk/aws-ec2:noSubnetRouteTableId", "the image pipeline uses only the subnet ids"));
        }
        var pipeline = new ImagePipeline(this, service.name() + "-image-pipeline", ImagePipelineProps.builder()
                .pipelineName(RoleNames.imagePipeline(platform.name(), service.name()))
                .buildProjectName(RoleNames.imagePipeline(platform.name(), service.name()))
                // By its Ref (the role's name): the pipeline's policy attaches to it by name, and the project waits for it.
                .buildRole(software.amazon.awscdk.services.iam.Role.fromRoleName(this, service.name() + "-image-build-role",
                        role.getResource().getRef(),
                        software.amazon.awscdk.services.iam.FromRoleNameOptions.builder().mutable(false).build()))
                .promotionRoleName(promotions.isEmpty() ? null
                        : RoleNames.pipelinePromotion(platform.name(), environment.name(), service.name()))
                .source(publisher.connectionArn() != null
                        ? ImagePipelineSource.connection(publisher.connectionArn(), publisher.sourceRepository())
                        : ImagePipelineSource.codeCommit(publisher.codeCommitRepository()))
                .branches(publisher.branches())
                .buildImage(publisher.codeBuildImage())
                .computeType(ConstructEnums.computeType(publisher.codeBuildComputeType()))
                .vpc(vpc)
                .promotions(promotions)
                .removalPolicy(removalPolicy(platform.profile(environment)))
                .build());
        ControlTowerSettings.exceptResource(pipeline.getBuildProjectResource(), "CT.CODEBUILD.PR.4", "The build runs"
                + " docker buildx to build and push the service's image, which needs the Docker daemon of privileged mode;"
                + " it runs only the service's generated buildspec, from the listed branches, with the push-only publisher role.");
        AccessLogBucketControls.except((CfnBucket) pipeline.getAccessLogBucket().getNode().getDefaultChild());
        ControlTowerSettings.exceptResource((CfnBucket) pipeline.getArtifactBucket().getNode().getDefaultChild(),
                "CT.S3.PR.9", "Object Lock can never be turned off on a bucket and would keep the lifecycle rule from"
                        + " removing old artifact versions; CodePipeline writes every artifact under a new key and rebuilds"
                        + " them from the source commit on every run, so nothing here needs WORM retention.");
    }

    /**
     * Where an image pipeline's promotion build into {@code target} reads its buildspec in the service's repository:
     * {@code promote-<target>.buildspec.yml}, generated beside {@code buildspec.yml} ({@code bin/ecr-blueprint workflows}).
     *
     * @param target the target environment's name
     * @return the path in the repository
     */
    public static String promotionBuildSpecPath(String target) {
        return "promote-" + target + ".buildspec.yml";
    }

    /**
     * The promoter of one service into this environment: pulls that service's image from the previous environment's
     * repository (by deterministic ARN, never a cross-stack reference), pushes it to this environment's, and is
     * assumed only from that service's GitHub repositories in this environment's GitHub environment.
     */
    private void promoter(Platform platform, EnvironmentSpec source, EnvironmentSpec target, Service service, String signingProfile) {
        List<String> githubRepositories = service.publishers().stream()
                .filter(p -> p.type() == PublisherType.GITHUB)
                .map(Publisher::repository).distinct().toList();
        EnvironmentSpec first = platform.environment(platform.promotionOrder().get(0)).orElseThrow();
        List<String> pipelines = service.publishers().stream().anyMatch(p -> p.type() == PublisherType.CODEPIPELINE)
                ? List.of(RoleNames.arn(first.account(), RoleNames.pipelinePromotion(platform.name(), first.name(), service.name())))
                : List.of();
        if (githubRepositories.isEmpty() && pipelines.isEmpty()) {
            return; // promotion runs from the GitHub workflow or the image pipeline: others promote with their own tooling
        }
        new PromoterRole(this, service.name() + "-promoter", PromoterRoleProps.builder()
                .roleName(RoleNames.promoter(platform.name(), target.name(), service.name()))
                .sourceRepositoryArns(List.of(RepositoryScope.repositoryArn(
                        source.account(), source.region(), platform.repositoryName(source, service))))
                .targetRepositoryArns(List.of(repositoryArn(platform, target, service)))
                .githubRepositories(githubRepositories)
                .githubEnvironment(githubRepositories.isEmpty() ? null : target.name())
                .pipelinePrincipalArns(pipelines)
                .oidcProviderArn(GitHubOidcProvider.arnInAccount(target.account()))
                .signingProfileArn(signingProfile)
                .build());
    }

    /**
     * A dashboard for every environment; alerts where the profile asks for them or the file names
     * subscribers. Construct ids are fixed: the topic's key is stateful.
     */
    private void observability(Platform platform, EnvironmentSpec environment, String id, EnvironmentProfile profile) {
        String repositoryPrefix = platform.repositoryPrefix(environment);
        List<String> findingRules = List.of();
        List<String> auditRules = new ArrayList<>();
        AlertTopic topic = null;
        boolean subscribers = environment.alerts() != null
                && !(environment.alerts().email().isEmpty() && environment.alerts().https().isEmpty());
        if ((profile.alerts() || subscribers) && shard > 1 && key != null) {
            // This shard's key is watched here and reported to the environment's topic in shard 1, which cannot name
            // the key (no cross-stack references): shard 1 lets this rule publish (allowKeyChangeAlertsOfShards).
            String first = ShardMap.stackName(platform.name(), environment.name(), 1);
            RegistryAuditAlerts.keyChangesRule(this, "KeyChanges", id + RegistryAuditAlerts.KEY_CHANGES_SUFFIX,
                    List.of(encryptionKey), "arn:" + getPartition() + ":sns:" + getRegion() + ":" + getAccount() + ":"
                            + first + ALERT_TOPIC_SUFFIX);
        }
        if ((profile.alerts() || subscribers) && shard == 1) {
            topic = new AlertTopic(this, "Alerts", AlertTopicProps.builder()
                    .topicName(id + ALERT_TOPIC_SUFFIX)
                    .displayName("ECR alerts of " + platform.name() + " " + environment.name())
                    .emailSubscriptions(subscribers ? environment.alerts().email() : List.of())
                    .httpsSubscriptions(subscribers ? environment.alerts().https() : List.of())
                    .keyRemovalPolicy(removalPolicy(profile))
                    .build());
            var findings = new ScanFindingAlerts(this, "ScanFindingAlerts", ScanFindingAlertsProps.builder()
                    .alertTopic(topic)
                    .severityThreshold(ConstructEnums.severity(profile.alertSeverity()))
                    .repositoryNamePrefix(repositoryPrefix)
                    .ruleNamePrefix(id)
                    .build());
            var audit = new RegistryAuditAlerts(this, "RegistryAuditAlerts", RegistryAuditAlertsProps.builder()
                    .alertTopic(topic).repositoryNamePrefix(repositoryPrefix).ruleNamePrefix(id)
                    .watchedKeys(List.of(encryptionKey))
                    .build());
            alertTopic = topic;
            findingRules = findings.ruleNames();
            auditRules = new ArrayList<>(audit.ruleNames());
            auditRules.addAll(guards(platform, environment, id, topic, repositoryPrefix));
        }
        if (environment.usageMetrics() != null && shard == 1) {
            usageMetrics(platform, environment, id, profile, topic);
        }
        new RegistryDashboard(this, "Dashboard", RegistryDashboardProps.builder()
                .dashboardName(id + "-ecr")
                .repositoryNames(repositories.values().stream().map(PrivateRepository::getRepositoryName).toList())
                .findingRuleNames(findingRules)
                .auditRuleNames(auditRules)
                .findingsAlarm(profile.alerts() && shard == 1)
                .alarmTopic(topic)
                .usageMetricsNamespace(environment.usageMetrics() == null ? null : RepositoryUsageMetrics.DEFAULT_NAMESPACE)
                .build());
    }

    /**
     * The failure alerts and the push guard the platform model turns on for this environment; the names of their rules.
     * Failed replications reach this region through the forwarders of the replica regions' registry stacks.
     */
    private List<String> guards(Platform platform, EnvironmentSpec environment, String id, AlertTopic topic,
                                       String repositoryPrefix) {
        List<String> rules = new ArrayList<>();
        boolean replication = platform.replicationFailureAlerts(environment);
        boolean cache = platform.pullThroughCacheFailureAlerts(environment);
        if (replication || cache) {
            rules.addAll(new RegistryFailureAlerts(this, "RegistryFailureAlerts", RegistryFailureAlertsProps.builder()
                    .alertTopic(topic).ruleNamePrefix(id)
                    .replicationFailures(replication).repositoryNamePrefix(repositoryPrefix)
                    .pullThroughCacheFailures(cache)
                    .pullThroughCachePrefixes(RegistryPlan.cachePrefixes(platform, environment.account(), environment.region()))
                    .build()).ruleNames());
        }
        if (platform.pushGuard(environment)) {
            List<String> allowed = new ArrayList<>();
            platform.promotedServices(environment).forEach(s -> allowed.add(
                    RoleNames.arn(environment.account(), RoleNames.promoter(platform.name(), environment.name(), s.name()))));
            allowed.addAll(environment.alerts() == null ? List.of() : environment.alerts().pushGuardAllowedRoles());
            List<String> withoutPromoter = platform.services().stream()
                    .filter(s -> !platform.promotedServices(environment).contains(s)).map(Service::name).toList();
            if (!withoutPromoter.isEmpty() && (environment.alerts() == null || environment.alerts().pushGuardAllowedRoles().isEmpty())) {
                software.amazon.awscdk.Annotations.of(this).addWarningV2(WARNING_PUSH_GUARD_WITHOUT_PROMOTER, "the push guard"
                        + " accepts only promoter roles, and " + withoutPromoter + " have none (no GitHub publisher): every"
                        + " push of their images into " + environment.name() + " alerts. Hint: list the roles that release"
                        + " them in alerts.pushGuardAllowedRoles, or set alerts.pushGuard: false");
            }
            rules.add(new ImagePushGuard(this, "ImagePushGuard", ImagePushGuardProps.builder()
                    .alertTopic(topic).ruleNamePrefix(id).repositoryNamePrefix(repositoryPrefix)
                    .allowedRoleArns(allowed.stream().distinct().toList())
                    .build()).ruleName());
        }
        return rules;
    }

    /**
     * One usage-metrics function per environment, in shard 1, measuring the repositories of every shard (each shard's
     * dashboard graphs its own); its alarms notify the environment's topic where there is one.
     */
    private void usageMetrics(Platform platform, EnvironmentSpec environment, String id, EnvironmentProfile profile,
                              AlertTopic topic) {
        String functionName = id + USAGE_METRICS_SUFFIX;
        var usage = new RepositoryUsageMetrics(this, "UsageMetrics", RepositoryUsageMetricsProps.builder()
                .repositoryNames(platform.services().stream().map(s -> platform.repositoryName(environment, s)).toList())
                .repositoryNamePrefix(platform.repositoryPrefix(environment))
                .scope(id)
                .functionName(functionName.length() <= 64 ? functionName : null)
                .imagesPerRepositoryQuota(environment.usageMetrics().imagesPerRepositoryQuota())
                .alarmPercent(environment.usageMetrics().alarmPercent())
                .alarmTopic(topic)
                .removalPolicy(removalPolicy(profile))
                .build());
        ControlTowerSettings.exceptResource((software.amazon.awscdk.CfnResource) usage.function().getNode().getDefaultChild(),
                "CT.LAMBDA.PR.3", "The usage-metrics function calls only the ECR and CloudWatch APIs on a schedule; it"
                        + " reaches no resource inside a VPC, and a VPC would need interface endpoints for both.");
    }

    /** The usage-metrics function is {@code <shard 1 stack name>-ecr-usage}. */
    static final String USAGE_METRICS_SUFFIX = "-ecr-usage";

    /** Interface endpoints for ecr.api and ecr.dkr, the S3 gateway and CloudWatch Logs, on the given VPC. */
    private void endpoints(EnvironmentSpec environment) {
        Vpc vpc = environment.vpc();
        new RegistryEndpoints(this, "RegistryEndpoints", RegistryEndpointsProps.builder()
                .vpcId(vpc.id())
                .vpcCidrBlock(vpc.cidr())
                .subnets(vpc.subnets().stream()
                        .map(s -> new RegistryEndpointsProps.EndpointSubnet(s.id(), s.availabilityZone())).toList())
                .routeTableIds(vpc.routeTables())
                .includeCloudWatchLogs(vpc.logsEndpoint())
                .organizationId(vpc.organizationId())
                .s3GatewayPolicy(ConstructEnums.s3GatewayPolicy(vpc.s3EndpointPolicy()))
                .adoptExistingEndpoints(vpc.existingEndpoints().stream()
                        .map(ConstructEnums::endpoint).collect(Collectors.toSet()))
                .build());
    }

    /** Warning id: the push guard is on, but some services have no promoter role and no allowed role releases them. */
    public static final String WARNING_PUSH_GUARD_WITHOUT_PROMOTER = "ecr-blueprint:pushGuardWithoutPromoter";

    /** The environment's alert topic is {@code <shard 1 stack name>-ecr-alerts}. */
    static final String ALERT_TOPIC_SUFFIX = "-ecr-alerts";

    /**
     * Shard 1 of an environment with alerts: lets the key-changes rules of the further shards ({@code <stack>-key-changes},
     * each watching its own shard's key) publish to the environment's topic.
     *
     * @param shardStackNames the stack names of shards 2 and up
     */
    void allowKeyChangeAlertsOfShards(List<String> shardStackNames) {
        if (alertTopic == null || shardStackNames.isEmpty()) {
            return;
        }
        alertTopic.allowEventRules("AllowKeyChangeRulesOfOtherShards", shardStackNames.stream()
                .map(name -> "arn:" + getPartition() + ":events:" + getRegion() + ":" + getAccount() + ":rule/" + name
                        + RegistryAuditAlerts.KEY_CHANGES_SUFFIX).toList());
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
     * The environment's (or shard's) own KMS key.
     *
     * @return the key, or {@code null} when the environment uses the shared key of its account and region
     *         ({@link #encryptionKey()})
     */
    public RepositoryKey key() {
        return key;
    }

    /**
     * The key the repositories of this stack are encrypted with: its own, or the shared one.
     *
     * @return the key
     */
    public IKey encryptionKey() {
        return encryptionKey;
    }

    /** This stack's repository's ARN (a reference), or the deterministic ARN of a repository in another shard. */
    private String repositoryArn(Platform platform, EnvironmentSpec environment, Service service) {
        PrivateRepository own = repositories.get(service.name());
        return own != null ? own.getRepositoryArn()
                : RepositoryScope.repositoryArn(environment.account(), environment.region(), platform.repositoryName(environment, service));
    }

    private PrivateRepository repository(Platform platform, EnvironmentSpec environment, Service service, boolean exportOutputs) {
        EnvironmentProfile profile = platform.profile(environment, service);
        var builder = PrivateRepositoryProps.builder()
                .repositoryName(platform.repositoryName(environment, service))
                .lifecyclePolicy(platform.lifecyclePolicy(environment, service))
                .removalPolicy(removalPolicy(profile))
                .encryptionKey(encryptionKey)
                .encryption(environment.encryption() == EncryptionType.KMS_DSSE ? RepositoryEncryption.KMS_DSSE : RepositoryEncryption.KMS)
                .requireImmutableTags(profile.requireImmutableTags())
                .repositoryPolicy(repositoryPolicy(platform, environment, service))
                .tags(Map.of("service", service.name(), "team", service.team() == null ? "unassigned" : service.team()))
                .exportOutputs(exportOutputs);
        if (!service.tagMutabilityExclusions().isEmpty()) {
            builder.tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(service.tagMutabilityExclusions())
                    .mutableTagOverrideReason(service.overrideReason());
        }
        PrivateRepository repository = new PrivateRepository(this, service.name(), builder.build());
        if (!service.tagMutabilityExclusions().isEmpty()) {
            // The platform file chose mutable tags for these prefixes: CT.ECR.PR.3 cannot hold, and says so per repository.
            ControlTowerSettings.exceptResource(repository.getResource(), "CT.ECR.PR.3", "services[" + service.name()
                    + "].tagMutabilityExclusions " + service.tagMutabilityExclusions() + " keep those tags mutable"
                    + (service.overrideReason() == null || service.overrideReason().isBlank() ? ""
                    : ": " + service.overrideReason()));
        }
        // The platform file's escape hatch, validated there (platform.EscapeHatchRules).
        escapeHatchStatements(service).forEach(repository::addToResourcePolicy);
        return repository;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service's {@code repositoryPolicyStatements}, as the repository adds them to its policy; none when not set. */
    static List<PolicyStatement> escapeHatchStatements(Service service) {
        if (service.repositoryPolicyStatements() == null) {
            return List.of();
        }
        List<PolicyStatement> statements = new ArrayList<>();
        try {
            for (JsonNode statement : JSON.readTree(service.repositoryPolicyStatements())) {
                statements.add(PolicyStatement.fromJson(JSON.convertValue(statement, Map.class)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // platform.EscapeHatchRules rejects such a file before synthesis.
            throw new IllegalStateException("services[" + service.name() + "].repositoryPolicyStatements is not JSON", e);
        }
        return statements;
    }


    /** Cross-account consumers and Lambda functions pull through the repository policy, not through roles. */
    static RepositoryPolicy repositoryPolicy(Platform platform, EnvironmentSpec environment, Service service) {
        var policy = RepositoryPolicy.builder();
        consumers(policy, platform, environment, environment.region(), service);
        // The next environment's promoter pulls from here; in another account it needs the repository
        // policy too, naming the role through its account root (it may not exist yet).
        for (List<EnvironmentSpec> step : platform.promotionSteps()) {
            EnvironmentSpec target = step.get(1);
            if (step.get(0).equals(environment) && !target.account().equals(environment.account())) {
                policy.pull(RepositoryPrincipal.role(RoleNames.arn(target.account(),
                        RoleNames.promoter(platform.name(), target.name(), service.name()))));
            }
        }
        return policy.build();
    }

    /**
     * The repository policy of the environment's replicas in {@code region} (of its own account), for the REPLICATION
     * creation template there: ECR replicates images but not repository policies, so consumers in a replica region
     * are granted here. Empty when no consumer pulls in that region.
     *
     * @param platform    the platform
     * @param environment the replicated environment
     * @param region      the replica region (of the environment's account)
     * @return the policy of the replicas there
     */
    public static RepositoryPolicy replicaPolicy(Platform platform, EnvironmentSpec environment, String region) {
        return replicaPolicy(platform, environment, environment.account(), region);
    }

    /**
     * The repository policy of the environment's replicas in the registry of {@code account} and {@code region}, for
     * the REPLICATION creation template there: ECR replicates images but not repository policies, so the consumers
     * that pull in that region are granted here. In another account's registry that includes the environment's pull
     * roles whose puller declares that region (their own account's policy cannot reach another account's replicas).
     * Empty when no consumer pulls in that region.
     *
     * @param platform    the platform
     * @param environment the replicated environment
     * @param account     the replica registry's account (the environment's, or a cross-account destination's)
     * @param region      the replica region
     * @return the policy of the replicas there
     */
    public static RepositoryPolicy replicaPolicy(Platform platform, EnvironmentSpec environment, String account, String region) {
        var policy = RepositoryPolicy.builder();
        consumers(policy, platform, environment, region, null);
        if (!account.equals(environment.account())) {
            crossAccountPullRoles(platform, environment, region).forEach(role -> policy.pull(RepositoryPrincipal.role(role)));
        }
        return policy.build();
    }

    /** The ARNs of the environment's pull roles whose puller declares {@code region}, each once, in file order. */
    static List<String> crossAccountPullRoles(Platform platform, EnvironmentSpec environment, String region) {
        List<String> roles = new ArrayList<>();
        for (Puller puller : platform.pullers(environment)) {
            PullerRoleKind kind = PULLER_ROLES.get(puller.type());
            String arn = kind == null ? null : RoleNames.arn(environment.account(), RoleNames.puller(platform.name(), environment.name(), kind));
            if (arn != null && puller.region(environment).equals(region) && !roles.contains(arn)) {
                roles.add(arn);
            }
        }
        return roles;
    }

    /**
     * Grants the consumers that pull through repository policies (other accounts, Lambda) in {@code region}: of
     * {@code service}, or of every service where null (a replica template's policy covers the whole environment).
     */
    private static void consumers(RepositoryPolicy.Builder policy, Platform platform, EnvironmentSpec environment, String region,
                                  Service service) {
        for (Puller puller : platform.pullers(environment)) {
            if (service != null && !puller.services().isEmpty() && !puller.services().contains(service.name())) {
                continue;
            }
            if (!puller.region(environment).equals(region)) {
                continue; // granted in its own region's repositories or replicas
            }
            if (puller.type() == PullerType.ACCOUNT) {
                policy.pull(puller.roleArn() != null
                        ? RepositoryPrincipal.role(puller.roleArn())
                        : RepositoryPrincipal.account(puller.account()));
            } else if (puller.type() == PullerType.LAMBDA) {
                policy.pull(RepositoryPrincipal.lambdaFunctions(puller.account(environment), region));
            }
        }
    }

    /**
     * RETAIN in the platform file is RETAIN_ON_UPDATE_OR_DELETE in the template (DeletionPolicy RetainExceptOnCreate,
     * UpdateReplacePolicy Retain): kept on every update and deletion, but a first create that rolls back removes what it
     * created, so the retry does not fail on a repository or alias that already exists (docs/delivery.md, recovery).
     */
    static RemovalPolicy removalPolicy(EnvironmentProfile profile) {
        return profile.removalPolicy() == platform.RepositoryRemoval.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;
    }
}
