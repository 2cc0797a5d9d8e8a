package platform;

import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.TagScheme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The model of a platform file: what {@link PlatformLoader} returns (validated) and what the stacks are built from.
 * Every key of the file is a component here, annotated with {@link Field}; absent optional keys take the documented
 * defaults in the constructors, so readers never see null for a list or a defaulted value.
 */
public record Platform(
        @Field(key = "platform", required = true, pattern = NameFormats.NAME,
                value = "The platform name: the first segment of every repository name and the prefix of every stack name.")
        String name,
        @Field("How repository names are built: \"{platform}/{environment}/{service}\" (the default), or \"{platform}/{service}\""
                + " where every environment has its account and region to itself. An environment can override it.")
        String repositoryNaming,
        @Field(required = true, value = "The environments, in promotion order unless promotionOrder says otherwise.")
        List<EnvironmentSpec> environments,
        @Field(required = true, value = "The services; each gets one repository in every environment.")
        List<Service> services,
        @Field("Workloads and accounts that pull images. Default: none.")
        List<Puller> pullers,
        @Field("Registry-wide settings, created once per account and region. Default: BASIC scanning and nothing else.")
        Registry registry,
        @Field("cdk-nag packs to run. Default: AwsSolutions only.")
        ComplianceSpec compliance,
        @Field("A CDK Pipelines pipeline deploying the environments in order. Default: no pipeline; stacks are deployed with cdk deploy.")
        Delivery delivery,
        @Field("The image tagging strategy shared by the lifecycle rules and the generated CI workflows. Default: release tags v*, build tags commit-* and pr-*, no latest.")
        Tagging tagging,
        @Field(pattern = NameFormats.NAME, value = "Environment names in the order images are promoted. Default: the order of environments.")
        List<String> promotionOrder,
        @Field(key = "accounts", value = "What already exists in the environments' accounts (brownfield): per account, whether the GitHub Actions OIDC"
                + " provider is created here or exists. Default: every account that needs the provider gets it created.")
        List<Account> accountOwnership) {

    /** The default repository naming scheme: environments that share an account never collide, IAM scopes by prefix. */
    public static final String NAMING_PER_ENVIRONMENT = "{platform}/{environment}/{service}";
    /** Single-segment scheme, allowed only where the environment has its account and region to itself. */
    public static final String NAMING_PER_SERVICE = "{platform}/{service}";

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param name the platform name: the first segment of every repository name and the prefix of every stack name.
     * @param repositoryNaming how repository names are built: "{platform}/{environment}/{service}" (the default), or "{platform}/{service}"
     * @param environments the environments, in promotion order unless promotionOrder says otherwise.
     * @param services the services; each gets one repository in every environment.
     * @param pullers workloads and accounts that pull images. Default: none.
     * @param registry registry-wide settings, created once per account and region. Default: BASIC scanning and nothing else.
     * @param compliance cdk-nag packs to run. Default: AwsSolutions only.
     * @param delivery a CDK Pipelines pipeline deploying the environments in order. Default: no pipeline; stacks are deployed with cdk deploy.
     * @param tagging the image tagging strategy shared by the lifecycle rules and the generated CI workflows. Default: release tags v*, build tags commit-* and pr-*, no latest.
     * @param promotionOrder environment names in the order images are promoted. Default: the order of environments.
     * @param accountOwnership what already exists in each account (the GitHub OIDC provider). Default: every account-wide resource is created.
     */
    public Platform {
        repositoryNaming = repositoryNaming == null ? NAMING_PER_ENVIRONMENT : repositoryNaming;
        environments = environments == null ? List.of() : List.copyOf(environments);
        services = services == null ? List.of() : List.copyOf(services);
        pullers = pullers == null ? List.of() : List.copyOf(pullers);
        registry = registry == null ? new Registry(null, null, null, null, null, null) : registry;
        compliance = compliance == null ? new ComplianceSpec(null, null) : compliance;
        tagging = tagging == null ? new Tagging(null, null, false) : tagging;
        promotionOrder = promotionOrder == null || promotionOrder.isEmpty()
                ? environments.stream().map(EnvironmentSpec::name).toList()
                : List.copyOf(promotionOrder);
        accountOwnership = accountOwnership == null ? List.of() : List.copyOf(accountOwnership);
    }

    /**
     * A platform whose accounts hold nothing yet (every account-wide resource is created).
     *
     * @param name the platform name
     * @param repositoryNaming how repository names are built
     * @param environments the environments
     * @param services the services
     * @param pullers workloads and accounts that pull images
     * @param registry registry-wide settings
     * @param compliance cdk-nag packs to run
     * @param delivery the delivery pipeline, or null
     * @param tagging the image tagging strategy
     * @param promotionOrder environment names in the order images are promoted
     */
    public Platform(String name, String repositoryNaming, List<EnvironmentSpec> environments, List<Service> services,
                    List<Puller> pullers, Registry registry, ComplianceSpec compliance, Delivery delivery, Tagging tagging,
                    List<String> promotionOrder) {
        this(name, repositoryNaming, environments, services, pullers, registry, compliance, delivery, tagging,
                promotionOrder, null);
    }

    /**
     * Whether this platform creates the GitHub Actions OIDC provider of an account, rather than trusting an existing one.
     *
     * @param account the 12-digit account id
     * @return true unless the file declares the provider existing
     */
    public boolean createsGitHubOidcProvider(String account) {
        return accountOwnership.stream().filter(a -> account.equals(a.account())).findFirst()
                .map(a -> a.githubOidcProvider() == ProviderOwnership.CREATED).orElse(true);
    }

    /**
     * Whether this platform creates the GitLab OIDC provider of an account, rather than trusting an existing one.
     *
     * @param account the 12-digit account id
     * @return true unless the file declares the provider existing
     */
    public boolean createsGitLabOidcProvider(String account) {
        return accountOwnership.stream().filter(a -> account.equals(a.account())).findFirst()
                .map(a -> a.gitlabOidcProvider() == ProviderOwnership.CREATED).orElse(true);
    }

    /**
     * The GitLab instance the platform's gitlab publishers use (validation allows one), or empty without any.
     *
     * @return the issuer URL, e.g. {@code https://gitlab.com}
     */
    public Optional<String> gitlabUrl() {
        return services.stream().flatMap(s -> s.publishers().stream())
                .filter(p -> p.type() == PublisherType.GITLAB).map(Publisher::gitlabIssuerUrl).findFirst();
    }

    /**
     * The delivery pipeline, if the file asks for one.
     *
     * @return the delivery pipeline, if the file asks for one
     */
    public Optional<Delivery> deliveryPipeline() {
        return Optional.ofNullable(delivery);
    }

    /**
     * The environment of that name.
     *
     * @param environmentName the name
     * @return the environment, empty when there is none
     */
    public Optional<EnvironmentSpec> environment(String environmentName) {
        return environments.stream().filter(e -> e.name().equals(environmentName)).findFirst();
    }

    /**
     * The service of that name.
     *
     * @param serviceName the name
     * @return the service, empty when there is none
     */
    public Optional<Service> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    /**
     * The naming scheme in force for an environment: its own, else the platform's.
     *
     * @param environment the environment, from the platform file
     * @return the naming scheme in force for an environment
     */
    public String repositoryNaming(EnvironmentSpec environment) {
        return environment.repositoryNaming() != null ? environment.repositoryNaming() : repositoryNaming;
    }

    /**
     * The repository name of a service in an environment, e.g. {@code shop/dev/user-service}.
     *
     * @param environment the environment, from the platform file
     * @param service the service, from the platform file
     * @return the repository name of a service in an environment, e.g
     */
    public String repositoryName(EnvironmentSpec environment, Service service) {
        return repositoryNaming(environment)
                .replace("{platform}", name)
                .replace("{environment}", environment.name())
                .replace("{service}", service.name());
    }

    /**
     * The common prefix of an environment's repository names, e.g. {@code shop/dev/}; IAM and filters scope by it.
     *
     * @param environment the environment, from the platform file
     * @return the common prefix of an environment's repository names, e.g
     */
    public String repositoryPrefix(EnvironmentSpec environment) {
        String naming = repositoryNaming(environment);
        return naming.substring(0, naming.indexOf("{service}"))
                .replace("{platform}", name)
                .replace("{environment}", environment.name());
    }

    /**
     * The profile in force for an environment: its profile's defaults, then the environment's overrides.
     *
     * @param environment the environment, from the platform file
     * @return the profile in force for an environment
     */
    public EnvironmentProfile profile(EnvironmentSpec environment) {
        EnvironmentProfile resolved = EnvironmentProfile.defaults(environment.profile()).with(environment.overrides());
        if (environment.alerts() != null && environment.alerts().severity() != null) {
            resolved = resolved.withAlertSeverity(environment.alerts().severity());
        }
        return resolved;
    }

    /**
     * The profile in force for one service's repository in an environment: the environment's, then the service's overrides.
     *
     * @param environment the environment, from the platform file
     * @param service the service, from the platform file
     * @return the profile in force for one service's repository in an environment
     */
    public EnvironmentProfile profile(EnvironmentSpec environment, Service service) {
        return profile(environment).with(service.overrides());
    }

    /**
     * The tag scheme shared by the lifecycle rules and the generated CI workflows.
     *
     * @return the release and build prefixes of {@code tagging}
     */
    public TagScheme tagScheme() {
        return new TagScheme(tagging.releasePrefix(), tagging.buildPrefixes());
    }

    /**
     * The lifecycle policy of a service's repository in an environment: its profile, the environment's and the
     * service's overrides and the tagging, turned into rules in one pass by {@link RetentionRules#policy}. What the
     * stacks deploy and {@code lifecycle preview --platform} previews. A service's own {@code lifecyclePolicy} (the
     * escape hatch) replaces all of it.
     *
     * @param environment the environment whose repository it is
     * @param service     the service
     * @return the validated lifecycle policy
     */
    public LifecyclePolicy lifecyclePolicy(EnvironmentSpec environment, Service service) {
        if (service.lifecyclePolicy() != null) {
            // The service's raw policy (an escape hatch, checked by EscapeHatchRules) replaces the profile's rules.
            return LifecyclePolicy.parse(service.lifecyclePolicy());
        }
        return RetentionRules.policy(this, environment, profile(environment, service));
    }

    /**
     * The lifecycle policy of an environment's repositories without service overrides: what REPLICATION creation
     * templates give the replicas of the environment's repositories.
     *
     * @param environment the environment
     * @return the validated lifecycle policy
     */
    public LifecyclePolicy lifecyclePolicy(EnvironmentSpec environment) {
        return RetentionRules.policy(this, environment, profile(environment));
    }

    /**
     * The lifecycle policy of a repository in an environment with the given settings, in the fixed rule order of
     * {@link LifecyclePresets#environmentPolicy} (see {@link RetentionRules}). Prefer
     * {@link #lifecyclePolicy(EnvironmentSpec, Service)}, which resolves the settings too.
     *
     * @param environment the environment whose repository it is (its name makes the promotion tag prefix)
     * @param profile     the settings in force for the repository
     * @return the validated lifecycle policy
     */
    public LifecyclePolicy lifecyclePolicy(EnvironmentSpec environment, EnvironmentProfile profile) {
        return RetentionRules.policy(this, environment, profile);
    }

    /**
     * The lifecycle policy of PULL_THROUGH_CACHE and user creation templates in a registry used by these environments
     * (see {@link RetentionRules#cachePolicy}).
     *
     * @param environments the environments whose registry it is
     * @return the validated lifecycle policy
     */
    public LifecyclePolicy cacheLifecyclePolicy(List<EnvironmentSpec> environments) {
        return RetentionRules.cachePolicy(this, environments);
    }

    /**
     * Whether images are promoted into an environment: every environment after the first in promotion order.
     *
     * @param environment the environment, from the platform file
     * @return false for the first environment in promotion order, true for the others
     */
    public boolean receivesPromotions(EnvironmentSpec environment) {
        int position = promotionOrder.indexOf(environment.name());
        return position != 0;
    }

    /**
     * The services whose images are promoted into an environment by a promoter role: none in the first environment
     * of the promotion order; elsewhere every service with a GitHub publisher (promotion runs from its workflow).
     *
     * @param environment the environment, from the platform file
     * @return the promoted services, in file order
     */
    public List<Service> promotedServices(EnvironmentSpec environment) {
        if (!receivesPromotions(environment)) {
            return List.of();
        }
        return services.stream()
                .filter(s -> s.publishers().stream().anyMatch(p -> p.type() == PublisherType.GITHUB))
                .toList();
    }

    /**
     * The other regions of the environment's own account its repositories are replicated to: {@code replicaRegions}
     * and the replication rules' destinations in that account.
     *
     * @param environment the environment, from the platform file
     * @return the regions, in file order, each once
     */
    public List<String> ownAccountReplicaRegions(EnvironmentSpec environment) {
        Set<String> regions = new LinkedHashSet<>(environment.replicaRegions());
        replicationRules(environment).forEach(r -> r.destinations().stream()
                .filter(d -> d.account(environment).equals(environment.account()))
                .forEach(d -> regions.add(d.region())));
        regions.remove(environment.region());
        return List.copyOf(regions);
    }

    /**
     * Whether a pull-through-cache rule of the platform file applies in the environment's registry.
     *
     * @param environment the environment, from the platform file
     * @return true where the environment's account and region hold cache rules
     */
    public boolean registryHoldsCaches(EnvironmentSpec environment) {
        List<String> here = environmentsIn(new RegistryLocation(environment.account(), environment.region()))
                .stream().map(EnvironmentSpec::name).toList();
        return registry.pullThroughCache().stream()
                .anyMatch(r -> r.environments().isEmpty() || r.environments().stream().anyMatch(here::contains));
    }

    /**
     * Whether failed replications of the environment's repositories alert ({@code alerts.replicationFailures}).
     *
     * @param environment the environment, from the platform file
     * @return true where alerts are on, the environment replicates within its account and the file does not turn it off
     */
    public boolean replicationFailureAlerts(EnvironmentSpec environment) {
        Boolean given = environment.alerts() == null ? null : environment.alerts().replicationFailures();
        return profile(environment).alerts() && !Boolean.FALSE.equals(given)
                && !ownAccountReplicaRegions(environment).isEmpty();
    }

    /**
     * Whether the environment reports its registry's failed pull-through-cache actions
     * ({@code alerts.pullThroughCacheFailures}): by default the first environment of the registry with alerts on.
     *
     * @param environment the environment, from the platform file
     * @return true where this environment's stack has the rule
     */
    public boolean pullThroughCacheFailureAlerts(EnvironmentSpec environment) {
        if (environment.profile() == null || !profile(environment).alerts() || !registryHoldsCaches(environment)) {
            return false;
        }
        Boolean given = environment.alerts() == null ? null : environment.alerts().pullThroughCacheFailures();
        if (given != null) {
            return given;
        }
        for (EnvironmentSpec earlier : environmentsIn(new RegistryLocation(environment.account(), environment.region()))) {
            if (earlier.equals(environment)) {
                return true;
            }
            if (pullThroughCacheFailureAlerts(earlier)) {
                return false; // reported once a registry
            }
        }
        return true;
    }

    /**
     * Whether pushes by anyone but the promoters alert ({@code alerts.pushGuard}): by default in profile prod where
     * the environment has promoters.
     *
     * @param environment the environment, from the platform file
     * @return true where the environment's stack has the guard
     */
    public boolean pushGuard(EnvironmentSpec environment) {
        if (!profile(environment).alerts()) {
            return false;
        }
        Boolean given = environment.alerts() == null ? null : environment.alerts().pushGuard();
        if (given != null) {
            return given;
        }
        return environment.profile() == Profile.PROD && !promotedServices(environment).isEmpty();
    }

    /**
     * The pullers that apply to an environment (a puller without environments applies to all).
     *
     * @param environment the environment, from the platform file
     * @return the pullers that apply to an environment (a puller without environments applies to all)
     */
    public List<Puller> pullers(EnvironmentSpec environment) {
        return pullers.stream()
                .filter(p -> p.environments().isEmpty() || p.environments().contains(environment.name()))
                .toList();
    }

    /**
     * The environments a puller applies to (a puller without environments applies to all).
     *
     * @param puller the puller
     * @return the environments a puller applies to (a puller without environments applies to all)
     */
    public List<EnvironmentSpec> environments(Puller puller) {
        return environments.stream()
                .filter(e -> puller.environments().isEmpty() || puller.environments().contains(e.name()))
                .toList();
    }

    /**
     * The services a puller may pull (a puller without services may pull all).
     *
     * @param puller the puller
     * @return the services a puller may pull (a puller without services may pull all)
     */
    public List<Service> services(Puller puller) {
        return services.stream()
                .filter(s -> puller.services().isEmpty() || puller.services().contains(s.name()))
                .toList();
    }

    /**
     * The registry replication rules that copy an environment's repositories (a rule without environments covers all).
     *
     * @param environment the environment, from the platform file
     * @return the registry replication rules that copy an environment's repositories (a rule without environments covers all)
     */
    public List<ReplicationRuleSpec> replicationRules(EnvironmentSpec environment) {
        return registry.replication().stream()
                .filter(r -> r.environments().isEmpty() || r.environments().contains(environment.name()))
                .toList();
    }

    /**
     * The replication rules the registry of {@code location} gets: per environment living there, in file order, one rule
     * per set of repository prefixes (a rule's {@code repositoryPrefixes}, else the environment's prefix), holding every
     * destination named for those prefixes.
     *
     * @param location the source registry
     * @return the merged rules, in file order
     */
    public List<MergedReplicationRule> mergedReplicationRules(RegistryLocation location) {
        List<MergedReplicationRule> merged = new ArrayList<>();
        for (EnvironmentSpec env : environmentsIn(location)) {
            java.util.Map<List<String>, Set<RegistryLocation>> byPrefixes = new java.util.LinkedHashMap<>();
            List<String> own = List.of(repositoryPrefix(env));
            env.replicaRegions().forEach(r -> byPrefixes.computeIfAbsent(own, p -> new LinkedHashSet<>())
                    .add(new RegistryLocation(env.account(), r)));
            for (ReplicationRuleSpec rule : replicationRules(env)) {
                List<String> prefixes = rule.repositoryPrefixes().isEmpty() ? own : rule.repositoryPrefixes();
                rule.destinations().forEach(d -> byPrefixes.computeIfAbsent(prefixes, p -> new LinkedHashSet<>())
                        .add(new RegistryLocation(d.account(env), d.region())));
            }
            byPrefixes.forEach((prefixes, destinations) ->
                    merged.add(new MergedReplicationRule(env, prefixes, List.copyOf(destinations))));
        }
        return List.copyOf(merged);
    }

    /**
     * The regions that hold an environment's repositories: its own region, its replica regions and replication destinations.
     *
     * @param environment the environment, from the platform file
     * @return the regions that hold an environment's repositories
     */
    public Set<String> regionsHolding(EnvironmentSpec environment) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(environment.region());
        regions.addAll(environment.replicaRegions());
        replicationRules(environment).forEach(r -> r.destinations().forEach(d -> regions.add(d.region())));
        return Collections.unmodifiableSet(regions);
    }

    /**
     * Every registry the platform configures, in file order: each environment's account and region, then each
     * replication destination (replicas need the destination's scanning rules and creation templates, since
     * creation templates cannot set scanning).
     *
     * @return every registry the platform configures, in file order
     */
    public List<RegistryLocation> registryLocations() {
        Set<RegistryLocation> locations = new LinkedHashSet<>();
        environments.forEach(e -> locations.add(new RegistryLocation(e.account(), e.region())));
        for (EnvironmentSpec e : environments) {
            e.replicaRegions().forEach(r -> locations.add(new RegistryLocation(e.account(), r)));
            replicationRules(e).forEach(rule -> rule.destinations()
                    .forEach(d -> locations.add(new RegistryLocation(d.account(e), d.region()))));
        }
        return List.copyOf(locations);
    }

    /**
     * The environments whose repositories live in a registry (same account and region).
     *
     * @param location the registry's account and region
     * @return the environments whose repositories live in a registry (same account and region)
     */
    public List<EnvironmentSpec> environmentsIn(RegistryLocation location) {
        return environments.stream()
                .filter(e -> e.account().equals(location.account()) && e.region().equals(location.region()))
                .toList();
    }

    /**
     * Every account the platform deploys to, in file order. An account gets an account stack only where some role
     * trusts GitHub and the file does not declare the provider existing ({@link #createsGitHubOidcProvider}).
     *
     * @return every account the platform deploys to, in file order
     */
    public List<String> accounts() {
        return registryLocations().stream().map(RegistryLocation::account).distinct().toList();
    }

    /**
     * Whether an environment's stack creates the endpoints of its VPC: the first environment in the file that gives a
     * VPC owns its endpoints; later environments on the same VPC share them (a second private-DNS endpoint fails).
     *
     * @param environment the environment, from the platform file
     * @return whether an environment's stack creates the endpoints of its VPC
     */
    public boolean ownsVpcEndpoints(EnvironmentSpec environment) {
        if (environment.vpc() == null) {
            return false;
        }
        return environments.stream().filter(e -> e.vpc() != null && e.vpc().id().equals(environment.vpc().id()))
                .findFirst().map(e -> e.equals(environment)).orElse(false);
    }

    /**
     * Promotion steps as (source, target) pairs from {@link #promotionOrder()}.
     *
     * @return the steps, each {@code [source, target]}, in promotion order
     */
    public List<List<EnvironmentSpec>> promotionSteps() {
        List<List<EnvironmentSpec>> steps = new ArrayList<>();
        for (int i = 1; i < promotionOrder.size(); i++) {
            var from = environment(promotionOrder.get(i - 1));
            var to = environment(promotionOrder.get(i));
            if (from.isPresent() && to.isPresent()) {
                steps.add(List.of(from.get(), to.get()));
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The resolved registry scan type: as written, else ENHANCED. A scanning configuration is one per registry: BASIC
     * written where an organisation turned on Amazon Inspector (ENHANCED) switches it off for every repository there,
     * so BASIC is never chosen for the file, only written by it.
     *
     * @return the resolved registry scan type
     */
    public ScanType scanType() {
        return registry.scanning().type() != null ? registry.scanning().type() : ScanType.ENHANCED;
    }

    /**
     * The scan type of the registry (account and region) that holds {@code environment}'s repositories: the one its CI
     * scan gate must follow. Today every registry of the platform scans alike ({@link #scanType()}).
     *
     * @param environment the environment
     * @return the scan type of its registry
     */
    public ScanType scanType(EnvironmentSpec environment) {
        return scanType();
    }

    /**
     * The accounts that push images, and so sign them where managed signing is on: the first environment's (its
     * publishers) and every promotion target's (its promoters).
     *
     * @return the pushing accounts, in promotion order
     */
    public Set<String> signingAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        if (promotionOrder.isEmpty()) {
            return accounts; // a file without environments, which the validator reports
        }
        environment(promotionOrder.get(0)).ifPresent(e -> accounts.add(e.account()));
        promotionSteps().forEach(step -> accounts.add(step.get(1).account()));
        return accounts;
    }

    /**
     * The environment whose stack grants the other pushing accounts the signing profile: the first environment in the
     * file in the profile's account and region; empty when there is none (the validator then refuses the file).
     *
     * @return the owning environment, if any
     */
    public Optional<EnvironmentSpec> signingProfileOwner() {
        if (registry.signing() == null || registry.signing().profileArn() == null) {
            return Optional.empty();
        }
        String[] arn = registry.signing().profileArn().split(":");
        return environments.stream().filter(e -> e.region().equals(arn[3]) && e.account().equals(arn[4])).findFirst();
    }

    /**
     * The cdk-nag packs to run: AwsSolutions always, then the ones the file lists.
     *
     * @return the cdk-nag packs to run
     */
    public Set<CompliancePack> compliancePacks() {
        Set<CompliancePack> packs = EnumSet.of(CompliancePack.AWS_SOLUTIONS);
        packs.addAll(compliance.packs());
        return Collections.unmodifiableSet(packs);
    }
}
