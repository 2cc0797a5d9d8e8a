package platform;

import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.LifecycleRetention;

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
        @Field(key = "platform", required = true, pattern = Names.NAME,
                value = "The platform name: the first segment of every repository name and the prefix of every stack name.")
        String name,
        @Field("How repository names are built: \"{platform}/{environment}/{service}\" (the default), or \"{platform}/{service}\""
                + " where every environment has its account and region to itself. An environment can override it.")
        String repositoryNaming,
        @Field(required = true, value = "The environments, in promotion order unless promotionOrder says otherwise.")
        List<Environment> environments,
        @Field(required = true, value = "The services; each gets one repository in every environment.")
        List<Service> services,
        @Field("Workloads and accounts that pull images. Default: none.")
        List<Puller> pullers,
        @Field("Registry-wide settings, created once per account and region. Default: BASIC scanning and nothing else.")
        Registry registry,
        @Field("cdk-nag packs to run. Default: AwsSolutions only.")
        Compliance compliance,
        @Field("A CDK Pipelines pipeline deploying the environments in order. Default: no pipeline; stacks are deployed with cdk deploy.")
        Delivery delivery,
        @Field("The image tagging strategy shared by the lifecycle rules and the generated CI workflows. Default: release tags v*, build tags commit-* and pr-*, no latest.")
        Tagging tagging,
        @Field(pattern = Names.NAME, value = "Environment names in the order images are promoted. Default: the order of environments.")
        List<String> promotionOrder) {

    /** The default repository naming scheme: environments that share an account never collide, IAM scopes by prefix. */
    public static final String NAMING_PER_ENVIRONMENT = "{platform}/{environment}/{service}";
    /** Single-segment scheme, allowed only where the environment has its account and region to itself. */
    public static final String NAMING_PER_SERVICE = "{platform}/{service}";

    public Platform {
        repositoryNaming = repositoryNaming == null ? NAMING_PER_ENVIRONMENT : repositoryNaming;
        environments = environments == null ? List.of() : List.copyOf(environments);
        services = services == null ? List.of() : List.copyOf(services);
        pullers = pullers == null ? List.of() : List.copyOf(pullers);
        registry = registry == null ? new Registry(null, null, null, null, null) : registry;
        compliance = compliance == null ? new Compliance(null) : compliance;
        tagging = tagging == null ? new Tagging(null, null, false) : tagging;
        promotionOrder = promotionOrder == null || promotionOrder.isEmpty()
                ? environments.stream().map(Environment::name).toList()
                : List.copyOf(promotionOrder);
    }

    /** The delivery pipeline, if the file asks for one. */
    public Optional<Delivery> deliveryPipeline() {
        return Optional.ofNullable(delivery);
    }

    public Optional<Environment> environment(String environmentName) {
        return environments.stream().filter(e -> e.name().equals(environmentName)).findFirst();
    }

    public Optional<Service> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    /** The naming scheme in force for an environment: its own, else the platform's. */
    public String repositoryNaming(Environment environment) {
        return environment.repositoryNaming() != null ? environment.repositoryNaming() : repositoryNaming;
    }

    /** The repository name of a service in an environment, e.g. {@code shop/dev/user-service}. */
    public String repositoryName(Environment environment, Service service) {
        return repositoryNaming(environment)
                .replace("{platform}", name)
                .replace("{environment}", environment.name())
                .replace("{service}", service.name());
    }

    /** The common prefix of an environment's repository names, e.g. {@code shop/dev/}; IAM and filters scope by it. */
    public String repositoryPrefix(Environment environment) {
        String naming = repositoryNaming(environment);
        return naming.substring(0, naming.indexOf("{service}"))
                .replace("{platform}", name)
                .replace("{environment}", environment.name());
    }

    /** The profile in force for an environment: its profile's defaults, then the environment's overrides. */
    public EnvironmentProfile profile(Environment environment) {
        EnvironmentProfile resolved = EnvironmentProfile.defaults(environment.profile()).with(environment.overrides());
        if (environment.alerts() != null && environment.alerts().severity() != null) {
            resolved = resolved.withAlertSeverity(environment.alerts().severity());
        }
        return resolved;
    }

    /** The profile in force for one service's repository in an environment: the environment's, then the service's overrides. */
    public EnvironmentProfile profile(Environment environment, Service service) {
        return profile(environment).with(service.overrides());
    }

    /**
     * The lifecycle policy of a profile, in the fixed rule order of {@link LifecyclePresets#environmentPolicy}:
     * untagged expiry, release tags, build tags, then the count rule. The one mapping from profile to policy,
     * used by the stacks, the creation templates and {@code lifecycle preview --platform}.
     */
    public LifecyclePolicy lifecyclePolicy(EnvironmentProfile profile) {
        return LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                .untaggedExpiryDays(profile.untaggedExpiryDays())
                .keepLastImages(profile.keepLastImages())
                .releaseRetentionDays(profile.releaseTagRetentionDays())
                .buildRetentionDays(profile.buildTagRetentionDays())
                .releaseTagPrefixes(List.of(tagging.releasePrefix()))
                .buildTagPrefixes(tagging.buildPrefixes())
                .build());
    }

    /** The pullers that apply to an environment (a puller without environments applies to all). */
    public List<Puller> pullers(Environment environment) {
        return pullers.stream()
                .filter(p -> p.environments().isEmpty() || p.environments().contains(environment.name()))
                .toList();
    }

    /** The environments a puller applies to (a puller without environments applies to all). */
    public List<Environment> environments(Puller puller) {
        return environments.stream()
                .filter(e -> puller.environments().isEmpty() || puller.environments().contains(e.name()))
                .toList();
    }

    /** The services a puller may pull (a puller without services may pull all). */
    public List<Service> services(Puller puller) {
        return services.stream()
                .filter(s -> puller.services().isEmpty() || puller.services().contains(s.name()))
                .toList();
    }

    /** The registry replication rules that copy an environment's repositories (a rule without environments covers all). */
    public List<ReplicationRule> replicationRules(Environment environment) {
        return registry.replication().stream()
                .filter(r -> r.environments().isEmpty() || r.environments().contains(environment.name()))
                .toList();
    }

    /** The regions that hold an environment's repositories: its own region, its replica regions and replication destinations. */
    public Set<String> regionsHolding(Environment environment) {
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
     */
    public List<RegistryLocation> registryLocations() {
        Set<RegistryLocation> locations = new LinkedHashSet<>();
        environments.forEach(e -> locations.add(new RegistryLocation(e.account(), e.region())));
        for (Environment e : environments) {
            e.replicaRegions().forEach(r -> locations.add(new RegistryLocation(e.account(), r)));
            replicationRules(e).forEach(rule -> rule.destinations()
                    .forEach(d -> locations.add(new RegistryLocation(d.account(e), d.region()))));
        }
        return List.copyOf(locations);
    }

    /** The environments whose repositories live in a registry (same account and region). */
    public List<Environment> environmentsIn(RegistryLocation location) {
        return environments.stream()
                .filter(e -> e.account().equals(location.account()) && e.region().equals(location.region()))
                .toList();
    }

    /** Every account the platform deploys to, in file order: one account stack each. */
    public List<String> accounts() {
        return registryLocations().stream().map(RegistryLocation::account).distinct().toList();
    }

    /**
     * Whether an environment's stack creates the endpoints of its VPC: the first environment in the file that gives a
     * VPC owns its endpoints; later environments on the same VPC share them (a second private-DNS endpoint fails).
     */
    public boolean ownsVpcEndpoints(Environment environment) {
        if (environment.vpc() == null) {
            return false;
        }
        return environments.stream().filter(e -> e.vpc() != null && e.vpc().id().equals(environment.vpc().id()))
                .findFirst().map(e -> e.equals(environment)).orElse(false);
    }

    /** Promotion steps as (source, target) pairs from {@link #promotionOrder()}. */
    public List<List<Environment>> promotionSteps() {
        List<List<Environment>> steps = new ArrayList<>();
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
     * The scan type of the registry holding {@code registryEnvironments} (the environments of one account and region,
     * {@link #environmentsIn}): as written, else ENHANCED when some repository there scans continuously, else BASIC.
     * Registries differ: the CI scan gate must follow the one it pushes to.
     */
    public ScanType scanType(List<Environment> registryEnvironments) {
        if (registry.scanning().type() != null) {
            return registry.scanning().type();
        }
        boolean continuous = registryEnvironments.stream().anyMatch(e ->
                services.stream().anyMatch(s -> profile(e, s).scanFrequency() == ScanFrequency.CONTINUOUS_SCAN));
        return continuous ? ScanType.ENHANCED : ScanType.BASIC;
    }

    /** The scan type of the registry (account and region) that holds {@code environment}'s repositories. */
    public ScanType scanType(Environment environment) {
        return scanType(environmentsIn(new RegistryLocation(environment.account(), environment.region())));
    }

    /**
     * The accounts that push images, and so sign them where managed signing is on: the first environment's (its
     * publishers) and every promotion target's (its promoters).
     */
    public Set<String> signingAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        environment(promotionOrder.get(0)).ifPresent(e -> accounts.add(e.account()));
        promotionSteps().forEach(step -> accounts.add(step.get(1).account()));
        return accounts;
    }

    /**
     * The environment whose stack grants the other pushing accounts the signing profile: the first environment in the
     * file in the profile's account and region; empty when there is none (the validator then refuses the file).
     */
    public Optional<Environment> signingProfileOwner() {
        if (registry.signing() == null || registry.signing().profileArn() == null) {
            return Optional.empty();
        }
        String[] arn = registry.signing().profileArn().split(":");
        return environments.stream().filter(e -> e.region().equals(arn[3]) && e.account().equals(arn[4])).findFirst();
    }

    /** The cdk-nag packs to run: AwsSolutions always, then the ones the file lists. */
    public Set<CompliancePack> compliancePacks() {
        Set<CompliancePack> packs = EnumSet.of(CompliancePack.AWS_SOLUTIONS);
        packs.addAll(compliance.packs());
        return Collections.unmodifiableSet(packs);
    }
}
