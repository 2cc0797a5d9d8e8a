package stacks;

import compliance.Compliance;
import compliance.Pack;
import platform.CompliancePack;
import platform.Environment;
import platform.Platform;
import platform.PublisherType;
import platform.Service;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated {@link Platform} into stacks: one per environment, one registry stack per
 * account and region, one account stack per account that needs global IAM. Decides ownership so
 * that no singleton is created twice, and deploy order so that what a stack names exists first.
 */
public final class PlatformStacks {

    private PlatformStacks() {
    }

    /** The stacks of the platform, created under {@code scope} (an App, or a Stage of a delivery pipeline). */
    public static List<Stack> create(Construct scope, Platform platform) {
        Map<String, AccountStack> accountStacks = new LinkedHashMap<>();
        for (Environment env : platform.environments()) {
            if (trustsGitHub(platform, env) && !accountStacks.containsKey(env.account())) {
                var stack = new AccountStack(scope, StackNames.account(platform.name(), env.account()), env.account(), env.region());
                tag(stack, platform, null);
                accountStacks.put(env.account(), stack);
            }
        }
        Map<String, RegistryStack> registryStacks = new LinkedHashMap<>();
        RegistryPlan.of(platform).contributions().forEach((registry, contributions) -> {
            boolean environmentsLiveHere = platform.environments().stream()
                    .anyMatch(e -> e.account().equals(registry.account()) && e.region().equals(registry.region()));
            var stack = new RegistryStack(scope, StackNames.registry(platform.name(), registry.account(), registry.region()),
                    registry.account(), registry.region(), contributions,
                    environmentsLiveHere ? platform.registry().signing() : null, platform.name());
            tag(stack, platform, null);
            registryStacks.put(registry.account() + "/" + registry.region(), stack);
        });
        // One owner per VPC: the first environment naming it creates its endpoints, the others share them.
        Set<String> vpcsWithEndpoints = new HashSet<>();
        List<Stack> all = new java.util.ArrayList<>(accountStacks.values());
        all.addAll(registryStacks.values());
        for (Environment env : platform.environments()) {
            boolean ownsEndpoints = env.vpc() != null && vpcsWithEndpoints.add(env.account() + "/" + env.region() + "/" + env.vpc().id());
            var stack = new EnvironmentStack(scope, StackNames.environment(platform.name(), env.name()), platform, env,
                    platform.services(), ownsEndpoints);
            tag(stack, platform, env);
            if (accountStacks.containsKey(env.account()) && trustsGitHub(platform, env)) {
                stack.addStackDependency(accountStacks.get(env.account())); // the OIDC provider before the roles trusting it
            }
            stack.addStackDependency(registryStacks.get(env.account() + "/" + env.region()));
            all.add(stack);
        }
        List<Service> publicServices = platform.services().stream().filter(Service::publicRepository).toList();
        if (!publicServices.isEmpty()) {
            List<String> order = platform.promotionOrder();
            Environment release = platform.environment(order.get(order.size() - 1)).orElseThrow();
            var stack = new PublicStack(scope, StackNames.publicRepositories(platform.name(), release.account()),
                    platform, release, publicServices);
            tag(stack, platform, null);
            if (accountStacks.containsKey(release.account())) {
                stack.addStackDependency(accountStacks.get(release.account()));
            }
            all.add(stack);
        }
        // cdk-nag: AwsSolutions and our ECR pack always, the packs the file selects besides. Applied to
        // the scope so that a pipeline Stage (which App-level Aspects do not reach) gets them too.
        Compliance.applyTo(scope, compliancePacks(platform));
        return List.copyOf(all);
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

    /**
     * Whether the environment has roles that GitHub Actions assumes: the publishers of the first
     * environment of the promotion order, and the promoter of every later one.
     */
    static boolean trustsGitHub(Platform platform, Environment env) {
        boolean anyGitHubPublisher = platform.services().stream()
                .flatMap(s -> s.publishers().stream()).anyMatch(p -> p.type() == PublisherType.GITHUB);
        return anyGitHubPublisher && platform.promotionOrder().contains(env.name());
    }

    private static void tag(Stack stack, Platform platform, Environment env) {
        Tags.of(stack).add("platform", platform.name());
        if (env != null) {
            Tags.of(stack).add("environment", env.name());
        }
        Tags.of(stack).add("managed-by", "ecr-blueprint");
    }
}
