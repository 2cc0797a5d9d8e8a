package stacks;

import platform.Environment;
import platform.Platform;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;

/**
 * Turns a validated {@link Platform} into stacks: one per environment, one registry stack per
 * account and region, one account stack per account. Decides ownership so that no singleton is
 * created twice.
 */
public final class PlatformStacks {

    private PlatformStacks() {
    }

    public static void create(Construct scope, Platform platform) {
        Map<String, Environment> firstByAccount = new LinkedHashMap<>();
        Map<String, Environment> firstByAccountRegion = new LinkedHashMap<>();
        for (Environment env : platform.environments()) {
            firstByAccount.putIfAbsent(env.account(), env);
            firstByAccountRegion.putIfAbsent(env.account() + "/" + env.region(), env);
        }
        firstByAccount.values().forEach(env -> {
            var stack = new AccountStack(scope, StackNames.account(platform.name(), env.account()), env.account(), env.region());
            Tags.of(stack).add("platform", platform.name());
            Tags.of(stack).add("managed-by", "ecr-blueprint");
        });
        firstByAccountRegion.values().forEach(env -> {
            var stack = new RegistryStack(scope, StackNames.registry(platform.name(), env.account(), env.region()),
                    env.account(), env.region());
            Tags.of(stack).add("platform", platform.name());
            Tags.of(stack).add("managed-by", "ecr-blueprint");
        });
        // One owner per VPC: the first environment naming it creates its endpoints, the others share them.
        Set<String> vpcsWithEndpoints = new HashSet<>();
        for (Environment env : platform.environments()) {
            boolean ownsEndpoints = env.vpc() != null && vpcsWithEndpoints.add(env.account() + "/" + env.region() + "/" + env.vpc().id());
            var stack = new EnvironmentStack(scope, StackNames.environment(platform.name(), env.name()), platform, env,
                    platform.services(), ownsEndpoints);
            Tags.of(stack).add("platform", platform.name());
            Tags.of(stack).add("environment", env.name());
            Tags.of(stack).add("managed-by", "ecr-blueprint");
        }
    }
}
