package stacks;

import platform.EnvironmentSpec;
import platform.Platform;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry point for multi-account delivery: validates the props against the platform, then creates the
 * {@link DeliveryPipelineStack} whose stages are the only place the environment stacks exist.
 */
public final class DeliveryPipeline {

    /** A relative path without spaces, quotes or "..": it is pasted into the synth step's shell command. */
    private static final Pattern PLATFORM_FILE = Pattern.compile("^(?!/)(?!.*\\.\\.)[A-Za-z0-9._/-]+$");

    private DeliveryPipeline() {
    }

    /**
     * The stack name of a platform's pipeline, e.g. {@code shop-delivery}. Stack names are API.
     *
     * @param platform the platform name, as in the platform file
     * @return the stack name of a platform's pipeline, e.g
     */
    public static String stackName(String platform) {
        return platform + "-delivery";
    }

    /**
     * Creates {@code <platform>-delivery} under {@code scope}. Fails with every problem at once when the platform has no
     * delivery section, the environment builder is missing, an approval names no environment or the platform file
     * path cannot be passed to the synth command.
     *
     * @param scope the parent construct
     * @param platform the platform, as loaded from the platform file
     * @param props the props
     * @return the pipeline stack
     */
    public static DeliveryPipelineStack create(Construct scope, Platform platform, DeliveryPipelineProps props) {
        List<String> problems = new ArrayList<>();
        if (platform.deliveryPipeline().isEmpty()) {
            problems.add("platform \"" + platform.name() + "\" has no delivery section: a delivery pipeline needs its account,"
                    + " region, connectionArn and repository. Hint: add a delivery: section to the platform file");
        }
        if (props.environmentStacks() == null) {
            problems.add("environmentStacks is required: the stages are the only place the environment stacks exist."
                    + " Hint: pass the function that builds one environment's stacks into a given Stage");
        }
        if (props.approvalBefore() != null) {
            List<String> names = platform.environments().stream().map(EnvironmentSpec::name).toList();
            for (String name : props.approvalBefore()) {
                if (!names.contains(name)) {
                    problems.add("approvalBefore \"" + name + "\" names no environment: must be one of "
                            + String.join(", ", names) + ". Hint: use an environment name of the platform file");
                }
            }
        }
        if (!PLATFORM_FILE.matcher(props.platformFile()).matches()) {
            problems.add("platformFile \"" + props.platformFile() + "\" is invalid: must be a path relative to the repository"
                    + " root of letters, digits, '.', '_', '-' and '/', without '..'. Hint: use \"examples/delivery/platform.yaml\"");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        String name = stackName(platform.name());
        DeliveryPipelineStack stack = new DeliveryPipelineStack(scope, name, platform, props);
        List<Stack> tagged = new ArrayList<>(stack.supportStacks());
        tagged.add(stack);
        tagged.forEach(s -> {
            Tags.of(s).add("platform", platform.name());
            Tags.of(s).add("managed-by", "ecr-blueprint");
        });
        return stack;
    }

    /**
     * The environments in promotion order; any environment the order leaves out follows, in file order.
     *
     * @param platform the platform, as loaded from the platform file
     * @return the environments in promotion order
     */
    public static List<EnvironmentSpec> promotionOrder(Platform platform) {
        Set<EnvironmentSpec> ordered = new LinkedHashSet<>();
        platform.promotionOrder().forEach(name -> platform.environment(name).ifPresent(ordered::add));
        ordered.addAll(platform.environments());
        return List.copyOf(ordered);
    }
}
