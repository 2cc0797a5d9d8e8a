package stacks;

import constructs.access.CodeBuildPublisherRole;
import constructs.access.GitHubPublisherRole;
import constructs.access.GitLabPublisherRole;
import constructs.access.JenkinsPublisherRole;
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

    /**
     * GitHub Actions publisher of one service, in the first environment: {@code shop-dev-user-service-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String githubPublisher(String platform, String environment, String service) {
        return GitHubPublisherRole.defaultRoleName(platform, environment, service);
    }

    /**
     * CodeBuild publisher of one service, in the first environment: {@code shop-dev-user-service-codebuild-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String codeBuildPublisher(String platform, String environment, String service) {
        return CodeBuildPublisherRole.defaultRoleName(platform, environment, service);
    }

    /**
     * The role of the promotion builds of one service's image pipeline, in the first environment:
     * {@code shop-dev-user-service-promotion}; the later environments' promoters trust it.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the first environment's name
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String pipelinePromotion(String platform, String environment, String service) {
        return platform + "-" + environment + "-" + service + "-promotion";
    }

    /**
     * The image pipeline of one service, and its build project: {@code shop-user-service-image}.
     *
     * @param platform the platform name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the pipeline's (and build project's) name
     */
    public static String imagePipeline(String platform, String service) {
        return platform + "-" + service + "-image";
    }

    /**
     * Jenkins publisher of one service, in the first environment: {@code shop-dev-user-service-jenkins-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String jenkinsPublisher(String platform, String environment, String service) {
        return JenkinsPublisherRole.defaultRoleName(platform, environment, service);
    }

    /**
     * GitLab CI publisher of one service, in the first environment: {@code shop-dev-user-service-gitlab-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String gitlabPublisher(String platform, String environment, String service) {
        return GitLabPublisherRole.defaultRoleName(platform, environment, service);
    }

    /**
     * Promoter of one service into an environment (pulls that service's image from the previous environment,
     * pushes it to its own): {@code shop-prod-user-service-promoter}. One per service, so that a job approved
     * for one service cannot push another's, and each trust policy names one GitHub repository.
     *
     * @param platform the platform name, as in the platform file
     * @param targetEnvironment the environment the images are promoted into
     * @param service the service whose images the role promotes
     * @return the role name
     */
    public static String promoter(String platform, String targetEnvironment, String service) {
        return PromoterRole.defaultRoleName(platform, targetEnvironment, service);
    }

    /**
     * Workload pull role of one kind in an environment: {@code shop-prod-ecs-task-execution}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param kind the kind of workload that pulls
     * @return the role name
     */
    public static String puller(String platform, String environment, PullerRoleKind kind) {
        return PullerRole.defaultRoleName(platform, environment, kind);
    }

    /**
     * Pushes one service's released images to ECR Public: {@code shop-public-cli-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name
     */
    public static String publicPublisher(String platform, String service) {
        return platform + "-public-" + service + "-publisher";
    }

    /**
     * The ARN of a role, from its name.
     *
     * @param account the AWS account id (12 digits)
     * @param roleName the role name
     * @return the role ARN
     */
    public static String arn(String account, String roleName) {
        return "arn:aws:iam::" + account + ":role/" + roleName;
    }
}
