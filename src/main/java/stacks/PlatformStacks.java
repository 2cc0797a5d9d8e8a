package stacks;

import compliance.Compliance;
import compliance.Pack;
import platform.CompliancePack;
import platform.EnvironmentSpec;
import platform.ControlTower;
import platform.Platform;
import platform.PublisherType;
import platform.RegistryLocation;
import platform.ScanFrequency;
import platform.SettingOwnership;
import platform.Service;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;
import software.constructs.IConstruct;
import validation.ControlTowerSettings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns a validated {@link Platform} into stacks: one per environment, one registry stack per
 * account and region, one account stack per account that needs global IAM, and the public stack.
 *
 * <p>Every shared stack has exactly one owning environment, the first in promotion order that needs
 * it, and is built with that environment's stacks. So the same code serves both shapes: top-level
 * stacks under the App, or, with a {@code delivery} section, stacks inside the pipeline stage of the
 * owning environment only (no duplicate top-level copies).
 */
public final class PlatformStacks {

    private PlatformStacks() {
    }

    /**
     * The stacks of the platform under {@code scope}, the default example's path in the pipeline's synth step.
     *
     * @param scope the parent construct
     * @param platform the platform, as loaded from the platform file
     */
    public static void create(Construct scope, Platform platform) {
        create(scope, platform, BlueprintApp.DEFAULT_PLATFORM_FILE);
    }

    /**
     * The stacks of the platform; with a {@code delivery} section, the pipeline stack whose stages hold them.
     * cdk-nag (AwsSolutions, our ECR pack, and the packs the file selects) is applied to the scope and to
     * every stage, since App-level Aspects do not reach stacks inside a Stage.
     *
     * @param platformFile the platform file's path relative to the repository root, for the pipeline's synth step
     * @param scope the parent construct
     * @param platform the platform, as loaded from the platform file
     */
    public static void create(Construct scope, Platform platform, String platformFile) {
        create(scope, platform, platformFile, ShardMap.none());
    }

    /**
     * As {@link #create(Construct, Platform, String)}, with the committed shard map of the platform file
     * ({@link ShardMap#forPlatformFile}); every stack gets the CloudFormation quota check ({@link StackLimits}).
     *
     * @param scope the parent construct
     * @param platform the platform, as loaded from the platform file
     * @param platformFile the path of the platform file
     * @param shardMap the committed shard map ({@link ShardMap#none()} when there is none)
     */
    public static void create(Construct scope, Platform platform, String platformFile, ShardMap shardMap) {
        Set<Pack> packs = compliancePacks(platform);
        Ownership ownership = new Ownership(platform, shardMap);
        if (platform.deliveryPipeline().isPresent()) {
            DeliveryPipeline.create(scope, platform, DeliveryPipelineProps.builder()
                    .platformFile(platformFile)
                    .environmentStacks((stage, env) -> environmentStacks(stage, platform, env, ownership))
                    .perStage(stage -> Compliance.applyTo(stage, packs))
                    .approvalBefore(ApprovalGates.defaultApprovalBefore(platform))
                    .build());
            // The pipeline and its support stacks are CDK Pipelines' own machinery (inline default
            // policies, its artifact bucket): AwsSolutions holds them, with granular suppressions in
            // DeliveryPipelineStack. Our ECR pack and the selected NIST/HIPAA/PCI packs are about the
            // registry estate, which lives in the stages.
            Compliance.applyTo(scope, Set.of(), List.of());
        } else {
            for (EnvironmentSpec env : DeliveryPipeline.promotionOrder(platform)) {
                environmentStacks(scope, platform, env, ownership);
            }
            Compliance.applyTo(scope, packs);
        }
        StackLimits.CLOUDFORMATION.addToEveryStack(scope);
        controlTowerSettings(scope, platform.compliance().controlTower());
    }

    /**
     * Builds one environment's stacks into its pipeline stage, for {@link DeliveryPipelineProps.Builder#environmentStacks}
     * when the pipeline's approvals are not the default: every shared stack (account, registry, public) is built once, by
     * the first environment in promotion order that needs it, except that a registry stack whose settings change an
     * environment behind a later approval is built in that environment's stage, after its approval
     * ({@link ApprovalGates}). Pass the same {@code approvalBefore} to the pipeline's props; the pipeline fails synthesis
     * when a registry stack would deploy before an approval guarding an environment it changes.
     *
     * <pre>{@code
     * List<String> approvals = List.of("staging", "prod");
     * DeliveryPipeline.create(app, platform, DeliveryPipelineProps.builder()
     *         .environmentStacks(PlatformStacks.stageStacks(platform, ShardMap.none(), approvals))
     *         .approvalBefore(approvals)
     *         .build());
     * }</pre>
     *
     * @param platform       the platform, as loaded from the platform file
     * @param shardMap       the committed shard map ({@link ShardMap#none()} when there is none)
     * @param approvalBefore names of the environments whose stage is behind a manual approval
     * @return the function that builds an environment's stacks into a given stage; one per pipeline (it remembers which
     *         shared stacks it has built)
     */
    public static BiConsumer<Stage, EnvironmentSpec> stageStacks(Platform platform, ShardMap shardMap, List<String> approvalBefore) {
        Ownership ownership = new Ownership(platform, shardMap, ApprovalGates.of(platform, approvalBefore));
        return (stage, env) -> environmentStacks(stage, platform, env, ownership);
    }

    /**
     * The platform file's Control Tower families and exceptions, written into every template (pipeline, support and
     * stage stacks included), where validation.ControlTowerValidation and the compliance report read them.
     */
    private static void controlTowerSettings(Construct scope, ControlTower controlTower) {
        if (controlTower.families().isEmpty() && controlTower.exceptions().isEmpty()) {
            return;
        }
        List<ControlTowerSettings.ControlException> exceptions = controlTower.exceptions().stream()
                .map(e -> new ControlTowerSettings.ControlException(e.control(), e.reason()))
                .toList();
        for (IConstruct construct : scope.getNode().findAll()) {
            if (construct instanceof Stack stack) {
                ControlTowerSettings.applyTo(stack, Set.copyOf(controlTower.families()), exceptions);
            }
        }
    }

    /** The stacks one environment owns: its own, and the shared ones it is the first in promotion order to need. */
    static List<Stack> environmentStacks(Construct scope, Platform platform, EnvironmentSpec env, Ownership ownership) {
        List<Stack> stacks = new ArrayList<>();
        if (ownership.ownsAccount(env)) {
            var accountStack = new AccountStack(scope, StackNames.account(platform.name(), env.account()), env.account(), env.region(),
                    trustsGitHub(platform, env) && platform.createsGitHubOidcProvider(env.account()),
                    createsGitLabProvider(platform, env) ? platform.gitlabUrl().orElseThrow() : null);
            tag(accountStack, platform, null);
            ownership.built(env.account(), accountStack);
            stacks.add(accountStack);
        }
        for (var entry : ownership.registriesOwnedBy(env).entrySet()) {
            RegistryPlan.Registry registry = entry.getKey();
            var stack = new RegistryStack(scope, StackNames.registry(platform.name(), registry.account(), registry.region()),
                    registry.account(), registry.region(), entry.getValue(),
                    RegistryPlan.writesSigning(platform, registry) ? platform.registry().signing() : null, platform.name(),
                    RegistryPlan.writesAccountSettings(platform, registry) ? platform.registry().accountSettings() : null,
                    RegistryPlan.writesInspector(platform, registry) ? platform.registry().inspector() : null,
                    RegistryPlan.holdsSharedKey(platform, registry));
            stack.forwardReplicationFailures(platform.environments().stream()
                    .filter(e -> e.account().equals(registry.account()) && platform.replicationFailureAlerts(e)
                            && platform.ownAccountReplicaRegions(e).contains(registry.region()))
                    .map(EnvironmentSpec::region).distinct().toList());
            tag(stack, platform, null);
            ownership.built(registry, stack);
            stacks.add(stack);
        }
        // Deploy order: the OIDC provider before every role trusting it, and registry settings (scanning,
        // templates) before the repositories, for every environment of the account or registry, not only
        // the one that owns the shared stack (`cdk deploy shop-staging` deploys what it depends on). Across
        // pipeline stages a dependency cannot be expressed; the stage order gives the same guarantee.
        Stack provider = trustsGitHub(platform, env) || trustsGitLab(platform, env) ? ownership.accountStack(env.account()) : null;
        Stack ownRegistry = ownership.registryStack(new RegistryPlan.Registry(env.account(), env.region()));
        IKey sharedKey = env.sharedKey() ? sharedKey(env, ownRegistry, scope) : null;
        // Shard 1 keeps the name <platform>-<env>; further shards hold only their repositories, keys and publishers.
        List<List<Service>> shards = ownership.shards(platform);
        EnvironmentStack firstShard = null;
        List<String> furtherShards = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            int shard = i + 1;
            var stack = new EnvironmentStack(scope, ShardMap.stackName(platform.name(), env.name(), shard), platform, env,
                    shards.get(i), shard == 1 && ownership.ownsVpcEndpoints(env), shard, ownership.shardMap().repositoryOutputs(),
                    sharedKey);
            tag(stack, platform, env);
            if (shard == 1 && ownership.shardMapOutdated()) {
                Annotations.of(stack).addWarningV2(ShardMap.WARNING_OUTDATED, "the shard map does not match the platform "
                        + "file's services, so some were assigned here and now (shards: " + ownership.shardMap().shards().size()
                        + "). Hint: run `bin/launch stacks.ShardMap <platform file>` and commit the .shards.yaml it writes, "
                        + "so that later additions never move a repository to another stack");
            }
            dependOnInSameStage(stack, provider);
            dependOnInSameStage(stack, ownRegistry);
            if (shard == 1) {
                warnWhereScanningIsLeftToItsOwner(stack, platform, env);
                firstShard = stack;
            } else {
                // Its key-changes rule alerts to shard 1's topic: the topic first.
                dependOnInSameStage(stack, firstShard);
                furtherShards.add(stack.getStackName());
            }
            stacks.add(stack);
        }
        if (firstShard != null && !env.sharedKey()) {
            // Further shards watch their own keys; a shared key is watched by shard 1 alone.
            firstShard.allowKeyChangeAlertsOfShards(furtherShards);
        }
        if (ownership.ownsPublicRepositories(env)) {
            var publicStack = new PublicStack(scope, StackNames.publicRepositories(platform.name(), env.account()),
                    platform, env, ownership.publicServices());
            tag(publicStack, platform, null);
            dependOnInSameStage(publicStack, ownership.accountStack(env.account()));
            stacks.add(publicStack);
        }
        return stacks;
    }

    /**
     * The key an environment with {@code sharedKey} encrypts with: its registry stack's, a reference within one stage
     * (the validator refuses {@code sharedKey} with a {@code delivery} section, whose stages cannot reference each other).
     */
    private static IKey sharedKey(EnvironmentSpec env, Stack registry, Construct scope) {
        if (!(registry instanceof RegistryStack registryStack) || registryStack.sharedKey() == null
                || Stage.of(registry) != (scope instanceof Stage stage ? stage : Stage.of(scope))) {
            throw new IllegalArgumentException("environment \"" + env.name() + "\" sets sharedKey, but the registry stack of "
                    + env.account() + " " + env.region() + " that holds the shared key is not built in the same stage before it."
                    + " Hint: sharedKey needs the environments' stacks and the registry stack in one app or stage (not with delivery)");
        }
        return registryStack.sharedKey();
    }

    /** Warning id: an environment's profile asks for a scan frequency that only the registry's owner can give. */
    static final String WARNING_SCANNING_LEFT_TO_OWNER = "ecr-blueprint:scanningLeftToOwner";

    /**
     * Where the registry's scanning belongs to someone else, nothing here can give the environment's repositories the
     * profile's continuous scanning: the owner's configuration decides (its catch-all scans them at least on push).
     */
    private static void warnWhereScanningIsLeftToItsOwner(Stack stack, Platform platform, EnvironmentSpec env) {
        var location = new RegistryLocation(env.account(), env.region());
        boolean continuous = platform.services().stream()
                .anyMatch(s -> platform.profile(env, s).scanFrequency() == ScanFrequency.CONTINUOUS_SCAN);
        if (continuous && platform.registry().ownership(location).scanning() == SettingOwnership.EXISTING) {
            Annotations.of(stack).addWarningV2(WARNING_SCANNING_LEFT_TO_OWNER, "environment \"" + env.name() + "\" asks for"
                    + " CONTINUOUS_SCAN, but the scanning configuration of " + location + " is left to its owner"
                    + " (registry.ownership): ask the owner for the filter \"" + platform.repositoryPrefix(env) + "*\" in its"
                    + " CONTINUOUS_SCAN rule, or the repositories are scanned only as the owner's rules say");
        }
    }

    private static void dependOnInSameStage(Stack stack, Stack dependency) {
        if (dependency != null && Stage.of(stack).getNode().getPath().equals(Stage.of(dependency).getNode().getPath())) {
            stack.addStackDependency(dependency);
        }
    }

    /**
     * Whether the environment has roles that GitHub Actions assumes: the publishers of the first
     * environment of the promotion order, and the promoter of every later one.
     */
    static boolean trustsGitHub(Platform platform, EnvironmentSpec env) {
        boolean anyGitHubPublisher = platform.services().stream()
                .flatMap(s -> s.publishers().stream()).anyMatch(p -> p.type() == PublisherType.GITHUB);
        return anyGitHubPublisher && platform.promotionOrder().contains(env.name());
    }

    /** Whether the environment holds GitLab publisher roles: the first environment of the promotion order, with any. */
    static boolean trustsGitLab(Platform platform, EnvironmentSpec env) {
        return platform.gitlabUrl().isPresent() && !platform.promotionOrder().isEmpty()
                && platform.promotionOrder().get(0).equals(env.name());
    }

    private static boolean createsGitLabProvider(Platform platform, EnvironmentSpec env) {
        return trustsGitLab(platform, env) && platform.createsGitLabOidcProvider(env.account());
    }

    static Set<Pack> compliancePacks(Platform platform) {
        Set<Pack> packs = EnumSet.noneOf(Pack.class);
        for (CompliancePack pack : platform.compliancePacks()) {
            switch (pack) {
                case AWS_SOLUTIONS -> { } // always applied
                case NIST_800_53_R5 -> packs.add(Pack.NIST_800_53_R5);
                case HIPAA -> packs.add(Pack.HIPAA_SECURITY);
                case PCI -> packs.add(Pack.PCI_DSS_321);
            }
        }
        return packs;
    }

    private static void tag(Stack stack, Platform platform, EnvironmentSpec env) {
        Tags.of(stack).add("platform", platform.name());
        if (env != null) {
            Tags.of(stack).add("environment", env.name());
        }
        Tags.of(stack).add("managed-by", "ecr-blueprint");
    }

    /** Which environment owns each shared stack: the first in promotion order that needs it. */
    static final class Ownership {
        private final Map<String, EnvironmentSpec> accountOwners = new LinkedHashMap<>();
        private final Map<RegistryPlan.Registry, EnvironmentSpec> registryOwners = new LinkedHashMap<>();
        private final Map<String, EnvironmentSpec> vpcOwners = new LinkedHashMap<>();
        /** The shared stacks built so far, for the dependencies of the environments that do not own them. */
        private final Map<String, Stack> accountStacks = new LinkedHashMap<>();
        private final Map<RegistryPlan.Registry, Stack> registryStacks = new LinkedHashMap<>();
        private final Map<RegistryPlan.Registry, List<constructs.registry.RegistryContribution>> contributions;
        private final List<Service> publicServices;
        private final EnvironmentSpec releaseEnvironment;

        private final ShardMap committedShards;
        private final ShardMap shards;

        Ownership(Platform platform) {
            this(platform, ShardMap.none());
        }

        Ownership(Platform platform, ShardMap committedShards) {
            this(platform, committedShards, ApprovalGates.of(platform));
        }

        Ownership(Platform platform, ShardMap committedShards, ApprovalGates gates) {
            this.committedShards = committedShards;
            this.shards = ShardMap.update(committedShards, platform);
            List<EnvironmentSpec> order = DeliveryPipeline.promotionOrder(platform);
            for (EnvironmentSpec env : order) {
                // Where the provider exists already, roles trust it by its ARN and no account stack is needed.
                if ((trustsGitHub(platform, env) && platform.createsGitHubOidcProvider(env.account()))
                        || createsGitLabProvider(platform, env)) {
                    accountOwners.putIfAbsent(env.account(), env);
                }
                if (env.vpc() != null) {
                    vpcOwners.putIfAbsent(env.account() + "/" + env.region() + "/" + env.vpc().id(), env);
                }
            }
            this.contributions = RegistryPlan.of(platform).contributions();
            for (RegistryPlan.Registry registry : contributions.keySet()) {
                EnvironmentSpec first = order.stream()
                        .filter(e -> e.account().equals(registry.account()) && e.region().equals(registry.region()))
                        .findFirst()
                        // a replication destination: owned by the first environment replicating there
                        .orElseGet(() -> order.stream().filter(e -> platform.regionsHolding(e).contains(registry.region())
                                && (e.account().equals(registry.account()) || replicatesTo(platform, e, registry)))
                                .findFirst().orElse(order.get(0)));
                // Registry-wide settings change every environment whose repositories or replicas live there: in a
                // pipeline they wait for the latest approval among those environments (prod's, when prod shares it).
                registryOwners.put(registry, gates.stageFor(first, changedBy(platform, order, registry)));
            }
            this.publicServices = platform.services().stream().filter(Service::publicRepository).toList();
            this.releaseEnvironment = order.get(order.size() - 1);
        }

        /** The environments a registry's settings change: those living in it and those replicating into it. */
        static List<EnvironmentSpec> changedBy(Platform platform, List<EnvironmentSpec> order, RegistryPlan.Registry registry) {
            return order.stream().filter(e -> (e.account().equals(registry.account()) && e.region().equals(registry.region()))
                    || (e.account().equals(registry.account()) && e.replicaRegions().contains(registry.region()))
                    || platform.replicationRules(e).stream().anyMatch(rule -> rule.destinations().stream().anyMatch(d ->
                            d.account(e).equals(registry.account()) && d.region().equals(registry.region())))).toList();
        }

        private static boolean replicatesTo(Platform platform, EnvironmentSpec env, RegistryPlan.Registry registry) {
            return platform.replicationRules(env).stream().anyMatch(rule -> rule.destinations().stream()
                    .anyMatch(d -> registry.account().equals(d.account()) && registry.region().equals(d.region())));
        }

        void built(String account, Stack accountStack) {
            accountStacks.put(account, accountStack);
        }

        void built(RegistryPlan.Registry registry, Stack registryStack) {
            registryStacks.put(registry, registryStack);
        }

        /** The account stack of an account once built, else null (none needed, or built in a later stage). */
        Stack accountStack(String account) {
            return accountStacks.get(account);
        }

        Stack registryStack(RegistryPlan.Registry registry) {
            return registryStacks.get(registry);
        }

        boolean ownsAccount(EnvironmentSpec env) {
            return env.equals(accountOwners.get(env.account()));
        }

        boolean ownsVpcEndpoints(EnvironmentSpec env) {
            return env.vpc() != null && env.equals(vpcOwners.get(env.account() + "/" + env.region() + "/" + env.vpc().id()));
        }

        Map<RegistryPlan.Registry, List<constructs.registry.RegistryContribution>> registriesOwnedBy(EnvironmentSpec env) {
            Map<RegistryPlan.Registry, List<constructs.registry.RegistryContribution>> owned = new LinkedHashMap<>();
            contributions.forEach((registry, list) -> {
                if (env.equals(registryOwners.get(registry))) {
                    owned.put(registry, list);
                }
            });
            return owned;
        }

        boolean ownsPublicRepositories(EnvironmentSpec env) {
            return !publicServices.isEmpty() && releaseEnvironment.equals(env);
        }

        List<Service> publicServices() {
            return publicServices;
        }

        /** The committed map completed with the services it does not list yet. */
        ShardMap shardMap() {
            return shards;
        }

        /** Services per shard, in platform-file order within each shard. */
        List<List<Service>> shards(Platform platform) {
            List<List<Service>> services = new ArrayList<>();
            for (List<String> names : shards.shards()) {
                services.add(platform.services().stream().filter(s -> names.contains(s.name())).toList());
            }
            return services;
        }

        /** Whether the map had to change: it must then be written and committed (one shard without a file needs none). */
        boolean shardMapOutdated() {
            boolean needed = !committedShards.shards().isEmpty() || shards.shards().size() > 1;
            return needed && !shards.shards().equals(committedShards.shards());
        }
    }
}
