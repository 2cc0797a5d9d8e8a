package stacks;

import constructs.access.CodeBuildPublisherRole;
import constructs.access.GitHubPublisherRole;
import constructs.access.PromoterRole;
import constructs.access.PullerRole;
import constructs.access.PullerRoleKind;

/**
 * IAM role names are API: other accounts' repository policies and generated CI workflows refer to
 * them by ARN ({@code arn:aws:iam::<account>:role/<name>}) before or without a cross-stack reference.
 * Every name is derived here and nowhere else; the role constructs check the 64-character limit.
 *
 * <p>Images are built once and pushed to the <em>first</em> environment of the promotion order;
 * later environments receive them only through their promoter role, never from a publisher.
 */
public final class RoleNames {

    private RoleNames() {
    }

    /** GitHub Actions publisher of one service, in the first environment: {@code shop-dev-user-service-publisher}. */
    public static String githubPublisher(String platform, String environment, String service) {
        return GitHubPublisherRole.defaultRoleName(platform, environment, service);
    }

    /** CodeBuild publisher of one service, in the first environment: {@code shop-dev-user-service-codebuild-publisher}. */
    public static String codeBuildPublisher(String platform, String environment, String service) {
        return CodeBuildPublisherRole.defaultRoleName(platform, environment, service);
    }

    /**
     * Promoter of one service into an environment (pulls that service's image from the previous environment,
     * pushes it to its own): {@code shop-prod-user-service-promoter}. One per service, so that a job approved
     * for one service cannot push another's, and each trust policy names one GitHub repository.
     */
    public static String promoter(String platform, String targetEnvironment, String service) {
        return PromoterRole.defaultRoleName(platform, targetEnvironment, service);
    }

    /** Workload pull role of one kind in an environment: {@code shop-prod-ecs-task-execution}. */
    public static String puller(String platform, String environment, PullerRoleKind kind) {
        return PullerRole.defaultRoleName(platform, environment, kind);
    }

    /** Pushes one service's released images to ECR Public: {@code shop-public-cli-publisher}. */
    public static String publicPublisher(String platform, String service) {
        return platform + "-public-" + service + "-publisher";
    }

    public static String arn(String account, String roleName) {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }
}
