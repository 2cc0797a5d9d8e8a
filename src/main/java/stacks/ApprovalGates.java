package stacks;

import platform.EnvironmentSpec;
import platform.Platform;
import platform.Profile;

import java.util.Collection;
import java.util.List;

/**
 * Where the delivery pipeline's manual approvals stand in the promotion order, and so which stage may deploy a stack
 * that several environments share. An environment is "behind" the last approval at or before it in promotion order;
 * a stack that changes environments behind different approvals belongs to a stage behind the latest of them, so that
 * nothing a later environment runs on (scanning, replication, pull-through caches of a shared registry) changes
 * before that environment's approver has said yes.
 *
 * <p>Without a delivery pipeline there are no approvals ({@link #none()}): {@code cdk deploy} runs the stacks in
 * dependency order and a person chooses which stacks to deploy.
 */
public final class ApprovalGates {

    private final List<EnvironmentSpec> order;
    private final List<String> approvalBefore;

    private ApprovalGates(List<EnvironmentSpec> order, List<String> approvalBefore) {
        this.order = List.copyOf(order);
        this.approvalBefore = List.copyOf(approvalBefore);
    }

    /**
     * No approvals: every environment is behind the same (absent) gate.
     *
     * @return gates that move nothing
     */
    public static ApprovalGates none() {
        return new ApprovalGates(List.of(), List.of());
    }

    /**
     * The platform's approvals: those of its delivery pipeline (by default before every prod environment), else none.
     *
     * @param platform the validated platform
     * @return the platform's gates
     */
    public static ApprovalGates of(Platform platform) {
        return platform.deliveryPipeline().isPresent()
                ? of(platform, defaultApprovalBefore(platform))
                : none();
    }

    /**
     * Approvals before the named environments, in the platform's promotion order.
     *
     * @param platform       the validated platform
     * @param approvalBefore names of the environments whose stage starts with a manual approval
     * @return the gates
     */
    public static ApprovalGates of(Platform platform, List<String> approvalBefore) {
        return new ApprovalGates(DeliveryPipeline.promotionOrder(platform), approvalBefore);
    }

    /**
     * The pipeline's default: a manual approval before every environment whose profile is {@code prod}.
     *
     * @param platform the validated platform
     * @return the names of the platform's prod environments
     */
    public static List<String> defaultApprovalBefore(Platform platform) {
        return platform.environments().stream().filter(e -> e.profile() == Profile.PROD).map(EnvironmentSpec::name).toList();
    }

    /**
     * Whether the environment's stage starts with a manual approval.
     *
     * @param environment an environment of the platform
     * @return true when an approval precedes the environment's stage
     */
    public boolean approvalBefore(EnvironmentSpec environment) {
        return approvalBefore.contains(environment.name());
    }

    /** The position in promotion order of the last approval at or before the environment; -1 when none precedes it. */
    int gate(EnvironmentSpec environment) {
        int gate = -1;
        for (int i = 0; i < order.size(); i++) {
            if (approvalBefore.contains(order.get(i).name())) {
                gate = i;
            }
            if (order.get(i).equals(environment)) {
                return gate;
            }
        }
        return gate;
    }

    /**
     * The environment whose stage deploys a stack that {@code proposed} would own and that changes every environment of
     * {@code changed}: {@code proposed} itself when no environment of {@code changed} is behind a later approval,
     * otherwise the first environment of {@code changed} behind the latest approval among them.
     */
    EnvironmentSpec stageFor(EnvironmentSpec proposed, Collection<EnvironmentSpec> changed) {
        int latest = changed.stream().mapToInt(this::gate).max().orElse(-1);
        if (gate(proposed) >= latest) {
            return proposed;
        }
        return order.stream().filter(changed::contains).filter(e -> gate(e) == latest).findFirst().orElse(proposed);
    }
}
