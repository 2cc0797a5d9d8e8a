package access;

import platform.EnvironmentSpec;
import platform.Platform;
import platform.Publisher;
import platform.PublisherType;
import platform.Puller;
import platform.PullerType;
import platform.Service;
import stacks.RoleNames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The everyday flows of an estate, derived from its platform file, as scenarios for the simulator: each flow that
 * must work, and next to it the nearest thing that must not. The API calls of each flow are written here from the
 * AWS documentation of what the client does (docker, ORAS, Lambda, the pull-through cache), not from the persona
 * table the roles are built from, so that a wrong table fails here.
 */
public final class AccessScenarios {

    /**
     * What {@code docker push} (and {@code buildx --push}) calls.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
     */
    static final List<String> DOCKER_PUSH = List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage");

    /**
     * What {@code docker pull} (and an ECS agent, a kubelet, {@code oras cp} as reader) calls on a repository.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull.html
     */
    static final List<String> DOCKER_PULL = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    /** Lambda pulls a function's image with these. Source: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-permissions */
    static final List<String> LAMBDA_PULL = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    /**
     * A pull through a cache rule: the pull, the import of the upstream image, and the creation of the cached
     * repository on first use. Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html
     */
    static final List<String> CACHE_PULL = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchImportUpstreamImage", "ecr:CreateRepository");

    /** Calls that delete images or weaken a repository or the registry: no role of the estate may make them. */
    static final List<String> REPOSITORY_CHANGES = List.of("ecr:BatchDeleteImage", "ecr:DeleteRepository",
            "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy", "ecr:PutLifecyclePolicy",
            "ecr:DeleteLifecyclePolicy", "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration");
    static final List<String> REGISTRY_CHANGES = List.of("ecr:PutRegistryPolicy", "ecr:DeleteRegistryPolicy",
            "ecr:PutReplicationConfiguration", "ecr:PutRegistryScanningConfiguration");

    /** Direct use of a repository key: ECR decrypts through its own grant, no consumer needs these. */
    static final List<String> KEY_USE = List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:ReEncryptFrom");

    static final String AUTHORIZATION_TOKEN = "ecr:GetAuthorizationToken";
    /** An account no platform file names. */
    static final String STRANGER_ACCOUNT = "999999999999";
    /** A repository-name prefix no platform uses: another platform's repositories in the same registry. */
    static final String OTHER_PLATFORM = "other-platform";

    private final Platform platform;
    private final EstateAccess access;
    private final List<Scenario> scenarios = new ArrayList<>();

    private AccessScenarios(Platform platform, EstateAccess access) {
        this.platform = platform;
        this.access = access;
    }

    public static List<Scenario> of(Platform platform, EstateAccess access) {
        AccessScenarios s = new AccessScenarios(platform, access);
        s.publishers();
        s.githubTrust();
        s.promoters();
        s.pullers();
        s.nothingDestructive();
        s.servicePrincipals();
        return List.copyOf(s.scenarios);
    }

    private void add(String who, String what, String on, boolean allowed, List<SimulationRequest> requests) {
        scenarios.add(new Scenario(who, what, on, allowed, requests));
    }

    private EnvironmentSpec first() {
        return platform.environment(platform.promotionOrder().get(0)).orElseThrow();
    }

    String repositoryArn(EnvironmentSpec environment, Service service, String region) {
        return EstateTemplates.repositoryArn(environment.account(), region, platform.repositoryName(environment, service));
    }

    String otherPlatformArn(EnvironmentSpec environment, Service service) {
        return EstateTemplates.repositoryArn(environment.account(), environment.region(),
                OTHER_PLATFORM + "/" + environment.name() + "/" + service.name());
    }

    private void publishers() {
        EnvironmentSpec first = first();
        for (Service service : platform.services()) {
            for (Publisher publisher : service.publishers()) {
                String role = RoleNames.arn(first.account(), switch (publisher.type()) {
                    case GITHUB -> RoleNames.githubPublisher(platform.name(), first.name(), service.name());
                    case CODEBUILD, CODEPIPELINE -> RoleNames.codeBuildPublisher(platform.name(), first.name(), service.name());
                    case JENKINS -> RoleNames.jenkinsPublisher(platform.name(), first.name(), service.name());
                    case GITLAB -> RoleNames.gitlabPublisher(platform.name(), first.name(), service.name());
                });
                String who = switch (publisher.type()) {
                    case GITHUB -> "GitHub";
                    case CODEBUILD -> "CodeBuild";
                    case CODEPIPELINE -> "CodePipeline build";
                    case JENKINS -> "Jenkins";
                    case GITLAB -> "GitLab CI";
                } + " publisher of " + service.name();
                if (publisher.type() == PublisherType.JENKINS) {
                    jenkinsTrust(who, role, publisher, first);
                }
                String own = repositoryArn(first, service, first.region());
                List<SimulationRequest> push = new ArrayList<>();
                push.add(access.asRole(role, AUTHORIZATION_TOKEN, "*"));
                DOCKER_PUSH.forEach(a -> push.add(access.asRole(role, a, own)));
                add(who, "docker push", name(first, service), true, push);
                for (Service other : platform.services()) {
                    if (!other.equals(service)) {
                        add(who, "docker push", name(first, other), false,
                                DOCKER_PUSH.stream().map(a -> access.asRole(role, a, repositoryArn(first, other, first.region()))).toList());
                        break;
                    }
                }
                add(who, "docker push", OTHER_PLATFORM + " repositories", false,
                        DOCKER_PUSH.stream().map(a -> access.asRole(role, a, otherPlatformArn(first, service))).toList());
                platform.promotionSteps().stream().findFirst().ifPresent(step -> add(who, "docker push",
                        name(step.get(1), service) + " (later environments receive images by promotion only)", false,
                        List.of(access.asRole(role, "ecr:PutImage", repositoryArn(step.get(1), service, step.get(1).region())))));
                cachePulls(who, role, first);
            }
        }
    }

    /**
     * The Jenkins agents' principal assumes the publisher role (with the external id where the file gives one); another
     * principal of the same account, and the agents without the external id, may not. The caller's own account allows
     * it {@code sts:AssumeRole} (as it must across accounts), so the role's trust policy decides.
     * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
     */
    private void jenkinsTrust(String who, String role, Publisher publisher, EnvironmentSpec first) {
        Map<String, Object> withId = publisher.externalId() == null ? Map.of() : Map.of("sts:ExternalId", publisher.externalId());
        String agent = publisher.principalArn();
        String account = agent.split(":")[4];
        add("Jenkins agents (" + agent + ")", "assume the publisher role" + (withId.isEmpty() ? "" : " with the external id"),
                who, true, List.of(access.assume(agent, role, withId)));
        add("another role of account " + account, "assume the publisher role" + (withId.isEmpty() ? "" : " with the external id"),
                who, false, List.of(access.assume("arn:aws:iam::" + account + ":role/another-role", role, withId)));
        if (!withId.isEmpty()) {
            add("Jenkins agents (" + agent + ")", "assume the publisher role without the external id", who, false,
                    List.of(access.assume(agent, role, Map.of())));
            add("Jenkins agents (" + agent + ")", "assume the publisher role with another external id", who, false,
                    List.of(access.assume(agent, role, Map.of("sts:ExternalId", "guessed"))));
        }
    }

    /** The audience GitHub's token carries for AWS (aws-actions/configure-aws-credentials). */
    static final String AUDIENCE = "sts.amazonaws.com";
    /** A release tag, as a tag push names it. */
    static final String RELEASE_TAG = "refs/tags/v1.2.3";

    /**
     * The claims of a GitHub Actions OIDC token: {@code sub} as GitHub builds it from the job's context, the
     * audience, and the repository, ref and environment claims beside it.
     * Source: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
     */
    static Map<String, Object> token(String repository, String ref, String environment, boolean pullRequest, String audience) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", "repo:" + repository + ":" + (environment != null ? "environment:" + environment
                : pullRequest ? "pull_request" : "ref:" + ref));
        claims.put("aud", audience);
        claims.put("repository", repository);
        claims.put("ref", ref);
        if (environment != null) {
            claims.put("environment", environment);
        }
        return claims;
    }

    static Map<String, Object> token(String repository, String ref, String environment) {
        return token(repository, ref, environment, false, AUDIENCE);
    }

    /**
     * Who may assume the GitHub roles, decided by their trust policies on the token claims: a publisher from its
     * branches, environments and release environment, never from another repository, another branch, a pull
     * request, a release tag outside the release environment or with another audience; a promoter only from its
     * service's repositories in the GitHub environment of its target.
     */
    private void githubTrust() {
        EnvironmentSpec first = first();
        List<String> allRepositories = platform.services().stream().flatMap(s -> s.publishers().stream())
                .filter(p -> p.type() == PublisherType.GITHUB).map(Publisher::repository).distinct().toList();
        for (Service service : platform.services()) {
            List<Publisher> github = service.publishers().stream().filter(p -> p.type() == PublisherType.GITHUB).toList();
            if (github.isEmpty()) {
                continue;
            }
            List<String> own = github.stream().map(Publisher::repository).distinct().toList();
            String other = allRepositories.stream().filter(r -> !own.contains(r)).findFirst()
                    .orElse(own.get(0).substring(0, own.get(0).indexOf('/')) + "/another-repository");
            String role = RoleNames.arn(first.account(), RoleNames.githubPublisher(platform.name(), first.name(), service.name()));
            String who = "GitHub job of " + own.get(0);
            for (Publisher p : github) {
                String r = p.repository();
                for (String branch : p.branches()) {
                    add("GitHub job of " + r + " on branch " + branch, "assume the publisher role (OIDC)", service.name(), true,
                            List.of(access.assumeWithGitHubToken(role, token(r, "refs/heads/" + branch, null))));
                }
                for (String environment : p.environments()) {
                    add("GitHub job of " + r + " in environment " + environment, "assume the publisher role (OIDC)",
                            service.name(), true, List.of(access.assumeWithGitHubToken(role, token(r, "refs/heads/main", environment))));
                }
                if (p.releaseEnvironment() != null) {
                    add("GitHub job of " + r + " for tag v1.2.3 in environment " + p.releaseEnvironment(),
                            "assume the publisher role (OIDC)", service.name(), true,
                            List.of(access.assumeWithGitHubToken(role, token(r, RELEASE_TAG, p.releaseEnvironment()))));
                }
            }
            String r = own.get(0);
            String branch = github.stream().flatMap(p -> p.branches().stream()).findFirst().orElse("main");
            add("GitHub job of " + other + " (another repository)", "assume the publisher role (OIDC)", service.name(), false,
                    List.of(access.assumeWithGitHubToken(role, token(other, "refs/heads/" + branch, null))));
            add(who + " on an undeclared branch", "assume the publisher role (OIDC)", service.name(), false,
                    List.of(access.assumeWithGitHubToken(role, token(r, "refs/heads/feature-x", null))));
            add(who + " for a pull request", "assume the publisher role (OIDC)", service.name(), false,
                    List.of(access.assumeWithGitHubToken(role, token(r, "refs/pull/7/merge", null, true, AUDIENCE))));
            add(who + " for tag v1.2.3 outside its release environment", "assume the publisher role (OIDC)", service.name(), false,
                    List.of(access.assumeWithGitHubToken(role, token(r, RELEASE_TAG, null))));
            add(who + " on branch " + branch + " with another audience", "assume the publisher role (OIDC)", service.name(), false,
                    List.of(access.assumeWithGitHubToken(role, token(r, "refs/heads/" + branch, null, false, "https://github.com/" + r))));
            for (List<EnvironmentSpec> step : platform.promotionSteps()) {
                EnvironmentSpec target = step.get(1);
                String promoter = RoleNames.arn(target.account(), RoleNames.promoter(platform.name(), target.name(), service.name()));
                String what = "assume the promoter role into " + target.name() + " (OIDC)";
                add(who + " in environment " + target.name(), what, service.name(), true,
                        List.of(access.assumeWithGitHubToken(promoter, token(r, "refs/heads/main", target.name()))));
                add("GitHub job of " + other + " in environment " + target.name() + " (another repository)", what, service.name(), false,
                        List.of(access.assumeWithGitHubToken(promoter, token(other, "refs/heads/main", target.name()))));
                add(who + " in environment " + step.get(0).name() + " (not the target's)", what, service.name(), false,
                        List.of(access.assumeWithGitHubToken(promoter, token(r, "refs/heads/main", step.get(0).name()))));
                add(who + " on branch " + branch + " (no environment)", what, service.name(), false,
                        List.of(access.assumeWithGitHubToken(promoter, token(r, "refs/heads/" + branch, null))));
            }
        }
    }

    /** A build or a workload pulls a base image through each cache rule of its registry. */
    private void cachePulls(String who, String role, EnvironmentSpec environment) {
        for (String prefix : cachePrefixes(environment.account(), environment.region())) {
            String cached = EstateTemplates.repositoryArn(environment.account(), environment.region(), prefix + "/library/alpine");
            List<SimulationRequest> pull = new ArrayList<>();
            pull.add(access.asRole(role, AUTHORIZATION_TOKEN, "*"));
            CACHE_PULL.forEach(a -> pull.add(access.asRole(role, a, cached)));
            add(who, "pull a base image through the cache", prefix + "/library/alpine in " + environment.region(), true, pull);
        }
    }

    /** The cache namespaces of a registry, from its templates' pull-through cache rules. */
    Set<String> cachePrefixes(String account, String region) {
        Set<String> prefixes = new LinkedHashSet<>();
        access.templates().resources("AWS::ECR::PullThroughCacheRule").stream()
                .filter(r -> r.account().equals(account) && r.region().equals(region))
                .forEach(r -> prefixes.add(r.properties().path("EcrRepositoryPrefix").asText()));
        return prefixes;
    }

    private void promoters() {
        for (List<EnvironmentSpec> step : platform.promotionSteps()) {
            EnvironmentSpec source = step.get(0);
            EnvironmentSpec target = step.get(1);
            List<Service> promoted = platform.services().stream().filter(s -> s.publishers().stream()
                    .anyMatch(p -> p.type() == PublisherType.GITHUB || p.type() == PublisherType.CODEPIPELINE)).toList();
            for (Service service : promoted) {
                String role = RoleNames.arn(target.account(), RoleNames.promoter(platform.name(), target.name(), service.name()));
                String who = "promoter of " + service.name() + " into " + target.name();
                if (service.publishers().stream().anyMatch(p -> p.type() == PublisherType.CODEPIPELINE)) {
                    pipelinePromotion(service, target, role);
                }
                String from = repositoryArn(source, service, source.region());
                String to = repositoryArn(target, service, target.region());
                List<SimulationRequest> copy = new ArrayList<>();
                copy.add(access.asRole(role, AUTHORIZATION_TOKEN, "*"));
                DOCKER_PULL.forEach(a -> copy.add(access.asRole(role, a, from)));
                DOCKER_PUSH.forEach(a -> copy.add(access.asRole(role, a, to)));
                add(who, "copy a digest (oras cp)", name(source, service) + " to " + name(target, service), true, copy);
                add(who, "push", name(source, service) + " (its source)", false,
                        List.of(access.asRole(role, "ecr:PutImage", from)));
                for (Service other : platform.services()) {
                    if (!other.equals(service)) {
                        add(who, "copy a digest (oras cp)", name(source, other) + " to " + name(target, other), false,
                                List.of(access.asRole(role, "ecr:BatchGetImage", repositoryArn(source, other, source.region())),
                                        access.asRole(role, "ecr:PutImage", repositoryArn(target, other, target.region()))));
                        break;
                    }
                }
            }
        }
    }

    /**
     * The image pipeline's promotion builds run as the pipeline's promotion role (first environment's account), which
     * assumes the target's promoter: its own policy must allow it and the promoter's trust must admit it (through the
     * account root and aws:PrincipalArn when the accounts differ). Another role of that account, and the pipeline's
     * build role (the publisher), may not; the promotion role itself may not push.
     * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
     */
    private void pipelinePromotion(Service service, EnvironmentSpec target, String promoter) {
        EnvironmentSpec first = first();
        String promotion = RoleNames.arn(first.account(), RoleNames.pipelinePromotion(platform.name(), first.name(), service.name()));
        String build = RoleNames.arn(first.account(), RoleNames.codeBuildPublisher(platform.name(), first.name(), service.name()));
        String what = "assume the promoter role into " + target.name();
        add("image pipeline promotion of " + service.name(), what, service.name(), true,
                List.of(access.assumeAsRole(promotion, promoter)));
        add("image pipeline build of " + service.name() + " (the publisher)", what, service.name(), false,
                List.of(access.assume(build, promoter, Map.of())));
        add("another role of account " + first.account(), what, service.name(), false,
                List.of(access.assume("arn:aws:iam::" + first.account() + ":role/another-role", promoter, Map.of())));
        add("image pipeline promotion of " + service.name(), "docker push", name(first, service), false,
                DOCKER_PUSH.stream().map(a -> access.asRole(promotion, a, repositoryArn(first, service, first.region()))).toList());
    }

    private void pullers() {
        for (EnvironmentSpec environment : platform.environments()) {
            for (Puller puller : platform.pullers(environment)) {
                List<Service> services = platform.services(puller);
                if (puller.getsRole()) {
                    rolePuller(environment, puller, services);
                } else if (puller.type() == PullerType.ACCOUNT) {
                    accountPuller(environment, puller, services);
                } else if (puller.type() == PullerType.LAMBDA) {
                    lambdaPuller(environment, puller, services);
                }
            }
        }
    }

    /** The regions of the environment's own account that hold its repositories: home and replicas. */
    private List<String> ownAccountRegions(EnvironmentSpec environment) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(environment.region());
        regions.addAll(environment.replicaRegions());
        platform.replicationRules(environment).forEach(r -> r.destinations().stream()
                .filter(d -> d.account(environment).equals(environment.account())).forEach(d -> regions.add(d.region())));
        return List.copyOf(regions);
    }

    /**
     * The accounts whose registry in {@code region} holds the environment's repositories or their replicas: its own
     * (home or replica region) and every replication destination there, same-account or cross-account.
     */
    private List<String> accountsHolding(EnvironmentSpec environment, String region) {
        Set<String> accounts = new LinkedHashSet<>();
        if (ownAccountRegions(environment).contains(region)) {
            accounts.add(environment.account());
        }
        platform.replicationRules(environment).forEach(r -> r.destinations().stream().filter(d -> d.region().equals(region))
                .forEach(d -> accounts.add(d.account(environment))));
        return List.copyOf(accounts);
    }

    String repositoryArn(String account, EnvironmentSpec environment, Service service, String region) {
        return EstateTemplates.repositoryArn(account, region, platform.repositoryName(environment, service));
    }

    private static String where(String account, EnvironmentSpec environment, String region) {
        return " in " + region + (account.equals(environment.account()) ? "" : " (replica in account " + account + ")");
    }

    private void rolePuller(EnvironmentSpec environment, Puller puller, List<Service> services) {
        String role = RoleNames.arn(environment.account(), RoleNames.puller(platform.name(), environment.name(),
                stacks.EnvironmentStack.pullerRoleKind(puller.type())));
        String who = puller.type().fileValue() + " puller of " + environment.name();
        for (String region : ownAccountRegions(environment)) {
            List<SimulationRequest> pull = new ArrayList<>();
            pull.add(access.asRole(role, AUTHORIZATION_TOKEN, "*"));
            services.forEach(s -> DOCKER_PULL.forEach(a -> pull.add(access.asRole(role, a, repositoryArn(environment, s, region)))));
            add(who, "pull", names(environment, services) + " in " + region, true, pull);
        }
        // A region the puller declares where the replicas are in another account's registry (cross-account replication).
        String declared = puller.region(environment);
        for (String account : accountsHolding(environment, declared)) {
            if (account.equals(environment.account())) {
                continue;
            }
            List<SimulationRequest> pull = new ArrayList<>();
            pull.add(access.asRole(role, AUTHORIZATION_TOKEN, "*"));
            services.forEach(s -> DOCKER_PULL.forEach(a -> pull.add(access.asRole(role, a, repositoryArn(account, environment, s, declared)))));
            add(who, "pull", names(environment, services) + where(account, environment, declared), true, pull);
            add(who, "push", names(environment, services) + where(account, environment, declared), false,
                    services.stream().map(s -> access.asRole(role, "ecr:PutImage", repositoryArn(account, environment, s, declared))).toList());
        }
        add(who, "push", names(environment, services), false,
                services.stream().map(s -> access.asRole(role, "ecr:PutImage", repositoryArn(environment, s, environment.region()))).toList());
        add(who, "pull", OTHER_PLATFORM + " repositories", false,
                services.stream().map(s -> access.asRole(role, "ecr:BatchGetImage", otherPlatformArn(environment, s))).toList());
        if (!puller.environments().isEmpty() || platform.environments().size() > 1) {
            // covered per environment: each environment's role reaches only its own repositories
            for (EnvironmentSpec other : platform.environments()) {
                if (!other.equals(environment) && other.account().equals(environment.account())) {
                    add(who, "pull", names(other, services) + " (another environment)", false,
                            services.stream().map(s -> access.asRole(role, "ecr:BatchGetImage",
                                    repositoryArn(other, s, other.region()))).toList());
                    break;
                }
            }
        }
        cachePulls(who, role, environment);
    }

    private void accountPuller(EnvironmentSpec environment, Puller puller, List<Service> services) {
        String account = puller.account(environment);
        String region = puller.region(environment);
        String principal = puller.roleArn() != null ? puller.roleArn() : "arn:aws:iam::" + account + ":role/workload";
        String who = "account " + account + (puller.roleArn() != null ? " role " + puller.roleArn().substring(puller.roleArn().indexOf('/') + 1) : "");
        String stranger = puller.roleArn() != null ? "arn:aws:iam::" + account + ":role/another-role"
                : "arn:aws:iam::" + STRANGER_ACCOUNT + ":role/workload";
        for (String owner : accountsHolding(environment, region)) {
            String on = names(environment, services) + where(owner, environment, region);
            List<SimulationRequest> pull = new ArrayList<>();
            services.forEach(s -> DOCKER_PULL.forEach(a -> pull.add(access.asConsumer(principal, a, repositoryArn(owner, environment, s, region)))));
            add(who, "pull (cross-account)", on, true, pull);
            add(puller.roleArn() != null ? "another role of account " + account : "account " + STRANGER_ACCOUNT,
                    "pull (cross-account)", on, false, services.stream()
                            .map(s -> access.asConsumer(stranger, "ecr:BatchGetImage", repositoryArn(owner, environment, s, region))).toList());
            add(who, "push (cross-account)", on, false,
                    services.stream().map(s -> access.asConsumer(principal, "ecr:PutImage", repositoryArn(owner, environment, s, region))).toList());
        }
        if (puller.pullThroughCache()) {
            // Another account's workloads pull base images through this registry's caches: the registry policy lets
            // them import and create the cached repository, the cache template's repository policy lets them pull.
            for (String prefix : cachePrefixes(environment.account(), environment.region())) {
                String cached = EstateTemplates.repositoryArn(environment.account(), environment.region(), prefix + "/library/alpine");
                String on = prefix + "/library/alpine in " + environment.account() + " " + environment.region();
                add(who, "pull a base image through the cache (cross-account)", on, true,
                        CACHE_PULL.stream().map(a -> access.asConsumer(principal, a, cached)).toList());
                add(puller.roleArn() != null ? "another role of account " + account : "account " + STRANGER_ACCOUNT,
                        "pull a base image through the cache (cross-account)", on, false,
                        CACHE_PULL.stream().map(a -> access.asConsumer(stranger, a, cached)).toList());
            }
        }
    }

    private void lambdaPuller(EnvironmentSpec environment, Puller puller, List<Service> services) {
        String account = puller.account(environment);
        String region = puller.region(environment);
        String who = "Lambda functions of " + account;
        for (String owner : accountsHolding(environment, region)) {
            String on = names(environment, services) + where(owner, environment, region);
            List<SimulationRequest> pull = new ArrayList<>();
            for (Service s : services) {
                LAMBDA_PULL.forEach(a -> pull.add(access.asService("lambda.amazonaws.com", a, repositoryArn(owner, environment, s, region),
                        lambdaContext(account, region))));
            }
            add(who, "pull (Lambda service)", on, true, pull);
            add("Lambda functions of " + STRANGER_ACCOUNT, "pull (Lambda service)", on, false, services.stream()
                    .map(s -> access.asService("lambda.amazonaws.com", "ecr:BatchGetImage", repositoryArn(owner, environment, s, region),
                            lambdaContext(STRANGER_ACCOUNT, region))).toList());
        }
    }

    private static Map<String, Object> lambdaContext(String account, String region) {
        return Map.of("aws:SourceArn", "arn:aws:lambda:" + region + ":" + account + ":function:image-function",
                "aws:SourceAccount", account);
    }

    /** No role of the estate deletes images, changes policies, lifecycle or registry settings, or uses a key directly. */
    private void nothingDestructive() {
        List<SimulationRequest> changes = new ArrayList<>();
        List<SimulationRequest> keys = new ArrayList<>();
        Set<String> artifactKeys = pipelineArtifactKeys();
        for (EstateTemplates.Role role : access.templates().roles().values()) {
            if (role.persona() == null) {
                continue;
            }
            access.templates().repositoryPolicies().keySet().stream().filter(arn -> grants(role, arn))
                    .forEach(arn -> REPOSITORY_CHANGES.forEach(a -> changes.add(access.asRole(role.arn(), a, arn))));
            REGISTRY_CHANGES.forEach(a -> changes.add(access.asRole(role.arn(), a, "*")));
            if (!role.persona().equals("creation-template")) {
                // Not the artifact keys of CodePipelines: an image pipeline's build role decrypts its pipeline's artifacts.
                access.templates().keyPolicies().keySet().stream().filter(arn -> arn.split(":")[4].equals(role.account()))
                        .filter(arn -> !artifactKeys.contains(arn))
                        .forEach(arn -> KEY_USE.forEach(a -> keys.add(access.asRole(role.arn(), a, arn))));
            }
        }
        if (changes.isEmpty()) {
            return; // no role in the estate
        }
        add("every role of the estate", "delete images, change repository policies, lifecycle, tag mutability or "
                + "registry settings", "every repository of its account", false, changes);
        if (!keys.isEmpty()) {
            add("every publisher, promoter and puller", "use a repository key directly (ECR uses its own grant)",
                    "every KMS key of its account", false, keys);
        }
    }

    /** The keys the estate's CodePipelines encrypt their artifact stores with, as the pipelines name them. */
    private Set<String> pipelineArtifactKeys() {
        Set<String> keys = new java.util.HashSet<>();
        for (EstateTemplates.Resource pipeline : access.templates().resources("AWS::CodePipeline::Pipeline")) {
            var properties = pipeline.properties();
            List<com.fasterxml.jackson.databind.JsonNode> stores = new ArrayList<>();
            stores.add(properties.path("ArtifactStore"));
            properties.path("ArtifactStores").forEach(store -> stores.add(store.path("ArtifactStore")));
            stores.stream().map(store -> store.path("EncryptionKey").path("Id")).filter(id -> id.isTextual())
                    .forEach(id -> keys.add(id.asText()));
        }
        return keys;
    }

    /**
     * Whether some statement of the role names the repository (exactly or by a wildcard): the repositories it can
     * reach at all, where a destructive action would matter. Keeps the batch linear in the estate's size.
     */
    private static boolean grants(EstateTemplates.Role role, String repositoryArn) {
        for (var policy : role.policies().values()) {
            for (var statement : policy.path("Statement")) {
                var resources = statement.path("Resource");
                for (var resource : resources.isArray() ? resources : java.util.List.of(resources)) {
                    String pattern = resource.asText();
                    if (!pattern.equals("*") && repositoryArn.matches(java.util.regex.Pattern.quote(pattern)
                            .replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * AWS services act for this account only: EventBridge rules and CloudWatch alarms publish alerts (topic and key
     * policies), ECR assumes the creation-template role; the same calls on behalf of another account are denied.
     */
    private void servicePrincipals() {
        EstateTemplates t = access.templates();
        for (var topic : t.resources("AWS::SNS::Topic")) {
            String topicArn = t.arnOf(topic);
            for (var rule : t.resources("AWS::Events::Rule")) {
                if (!rule.properties().path("Targets").toString().contains("\"" + topicArn + "\"")) {
                    continue; // a rule that does not alert to this topic
                }
                String ruleArn = t.arnOf(rule);
                add("EventBridge rule " + rule.properties().path("Name").asText(), "publish an alert", topicArn, true,
                        List.of(access.asService("events.amazonaws.com", "sns:Publish", topicArn,
                                Map.of("aws:SourceArn", ruleArn, "aws:SourceAccount", topic.account()))));
                add("EventBridge on behalf of account " + STRANGER_ACCOUNT, "publish an alert", topicArn, false,
                        List.of(access.asService("events.amazonaws.com", "sns:Publish", topicArn,
                                Map.of("aws:SourceArn", ruleArn, "aws:SourceAccount", STRANGER_ACCOUNT))));
            }
            if (!String.valueOf(t.topicPolicies().get(topicArn)).contains("cloudwatch.amazonaws.com")) {
                continue; // not an alarm topic (e.g. the delivery pipeline's approval topic)
            }
            String alarm = "arn:aws:cloudwatch:" + topic.region() + ":" + topic.account() + ":alarm:findings";
            add("CloudWatch alarms of " + topic.account(), "publish an alert", topicArn, true,
                    List.of(access.asService("cloudwatch.amazonaws.com", "sns:Publish", topicArn,
                            Map.of("aws:SourceArn", alarm, "aws:SourceAccount", topic.account()))));
        }
        for (var key : t.resources("AWS::KMS::Key")) {
            if (!key.properties().path("KeyPolicy").toString().contains("cloudwatch.amazonaws.com")) {
                continue;
            }
            String keyArn = EstateTemplates.keyArn(key);
            String alarm = "arn:aws:cloudwatch:" + key.region() + ":" + key.account() + ":alarm:findings";
            add("CloudWatch alarms of " + key.account(), "encrypt an alert with the topic key", keyArn, true,
                    List.of(access.asService("cloudwatch.amazonaws.com", "kms:GenerateDataKey", keyArn,
                            Map.of("aws:SourceArn", alarm, "aws:SourceAccount", key.account()))));
            add("CloudWatch on behalf of account " + STRANGER_ACCOUNT, "encrypt an alert with the topic key", keyArn, false,
                    List.of(access.asService("cloudwatch.amazonaws.com", "kms:GenerateDataKey", keyArn,
                            Map.of("aws:SourceArn", alarm, "aws:SourceAccount", STRANGER_ACCOUNT))));
        }
        for (EstateTemplates.Role role : t.roles().values()) {
            if (!"creation-template".equals(role.persona())) {
                continue;
            }
            SimulationRequest own = new SimulationRequest("ecr.amazonaws.com", "sts:AssumeRole", role.arn(), role.account(),
                    Map.of("aws:SourceAccount", role.account()), Map.of(), role.trustPolicy());
            SimulationRequest other = new SimulationRequest("ecr.amazonaws.com", "sts:AssumeRole", role.arn(), role.account(),
                    Map.of("aws:SourceAccount", STRANGER_ACCOUNT), Map.of(), role.trustPolicy());
            add("ECR for the registry of " + role.account(), "assume the creation-template role", role.name(), true, List.of(own));
            add("ECR for account " + STRANGER_ACCOUNT, "assume the creation-template role", role.name(), false, List.of(other));
        }
    }

    private String name(EnvironmentSpec environment, Service service) {
        return platform.repositoryName(environment, service);
    }

    private String names(EnvironmentSpec environment, List<Service> services) {
        return services.size() == 1 ? name(environment, services.get(0))
                : platform.repositoryPrefix(environment) + "{" + String.join(",", services.stream().map(Service::name).toList()) + "}";
    }
}
