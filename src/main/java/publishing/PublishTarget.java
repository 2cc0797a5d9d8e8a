package publishing;

import platform.ImageArchitecture;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.Publisher;
import platform.PublisherType;
import platform.ScanType;
import platform.Service;
import platform.Severity;
import stacks.RoleNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a generated pipeline needs about one service, resolved from the platform file: images are pushed to
 * the first environment of the promotion order only, and reach later environments by promotion.
 *
 * @param platformName       the platform name, for role names and the workflow name
 * @param service            the service name
 * @param environment        the first environment of the promotion order: the one CI pushes to
 * @param region             its region
 * @param registry           its registry host ({@link RegistryHost}): {@code <account>.dkr.ecr.<region>.amazonaws.com}, or
 *                           {@code <account>.dkr-ecr.<region>.on.aws} with {@code dualStack}
 * @param repository         the service's repository name there
 * @param platforms          build platforms as buildx spells them; exactly one for Lambda services
 * @param scanType           the scan type of the registry pushed to (the first environment's account and region):
 *                           the gate waits for basic scans or Amazon Inspector findings
 * @param gateSeverities     severities that fail the build: the first environment's alert severity and above
 * @param githubRepository   {@code org/repo} of the service's GitHub publisher; null when it has none
 * @param branches           branches whose pushes publish: the GitHub publisher's, else the image pipeline's, default {@code [main]}
 * @param githubRoleArn      the GitHub publisher role the workflow assumes
 * @param codeBuildRoleArn   the role a CodeBuild project must use as its service role
 * @param codeBuildProject   the service's CodeBuild project name; null when it has no CodeBuild publisher
 * @param tagging            the tags CI writes
 * @param promotions         the promotion steps in order
 * @param releaseEnvironment the GitHub environment release-tag builds run in (the only way the publisher trusts a
 *                           release build); null: release tags are not built
 * @param jenkins            the service's Jenkins publisher; null when it has none
 * @param gitlab             the service's GitLab publisher; null when it has none
 * @param dualStack          the files log in, push and pull through ECR's dual-stack endpoints: every registry host
 *                           (pushed to, promoted from and to) is the dual-stack one and the AWS CLI is told
 *                           {@value RegistryHost#DUAL_STACK_VARIABLE}
 * @param pipeline           the name of the service's image pipeline (and its build project); null when it has none
 */
public record PublishTarget(String platformName, String service, String environment, String region, String registry,
                            String repository, List<String> platforms, ScanType scanType, List<Severity> gateSeverities,
                            String githubRepository, List<String> branches, String githubRoleArn,
                            String codeBuildRoleArn, String codeBuildProject, TaggingStrategy tagging,
                            List<PromotionStep> promotions, String releaseEnvironment, JenkinsTarget jenkins,
                            GitLabTarget gitlab, boolean dualStack, String pipeline) {

    /**
     * What the generated Jenkinsfile needs.
     *
     * @param roleArn    the Jenkins publisher role the agents assume
     * @param externalId the external id they pass; null for none
     * @param branches   the branches that publish (default {@code [main]})
     */
    public record JenkinsTarget(String roleArn, String externalId, List<String> branches) {
    }

    /**
     * What the generated {@code .gitlab-ci.yml} needs.
     *
     * @param roleArn  the GitLab publisher role the job assumes
     * @param url      the GitLab instance, the ID token's audience
     * @param project  the project path the role trusts
     * @param branches the branches the role trusts
     */
    public record GitLabTarget(String roleArn, String url, String project, List<String> branches) {
    }

    public static final List<String> DEFAULT_BRANCHES = List.of("main");

    public PublishTarget {
        platforms = List.copyOf(platforms);
        gateSeverities = List.copyOf(gateSeverities);
        branches = List.copyOf(branches);
        promotions = List.copyOf(promotions);
    }

    /**
     * The target of one service with the IPv4 endpoints; the platform must be loaded (validated) by {@code PlatformLoader}.
     */
    public static PublishTarget of(Platform platform, Service service) {
        return of(platform, service, false);
    }

    /**
     * The target of one service for the CI files of one publisher type: with the dual-stack endpoints when the service's
     * publisher of that type asks for them ({@code dualStack}).
     */
    public static PublishTarget of(Platform platform, Service service, PublisherType type) {
        Publisher publisher = publisher(service, type);
        return of(platform, service, publisher != null && publisher.dualStack());
    }

    /** The target of one service, with the dual-stack endpoints or the IPv4 ones. */
    public static PublishTarget of(Platform platform, Service service, boolean dualStack) {
        List<List<EnvironmentSpec>> steps = platform.promotionSteps();
        EnvironmentSpec first = platform.environment(platform.promotionOrder().get(0)).orElseThrow();
        if (!service.architecturesFitRuntime()) {
            throw new IllegalArgumentException("services." + service.name() + ".architectures " + service.architectures().stream()
                    .map(ImageArchitecture::fileValue).toList() + " is invalid for a Lambda service: Lambda runs one architecture. "
                    + "Fix: keep exactly one of linux/amd64, linux/arm64");
        }
        Publisher github = publisher(service, PublisherType.GITHUB);
        Publisher codeBuild = publisher(service, PublisherType.CODEBUILD);
        Publisher jenkins = publisher(service, PublisherType.JENKINS);
        Publisher gitlab = publisher(service, PublisherType.GITLAB);
        Publisher pipeline = publisher(service, PublisherType.CODEPIPELINE);
        Severity threshold = platform.profile(first, service).alertSeverity();
        List<Severity> gate = Arrays.stream(Severity.values()).filter(s -> s.compareTo(threshold) >= 0).toList();
        List<PromotionStep> promotions = new ArrayList<>();
        for (List<EnvironmentSpec> step : steps) {
            EnvironmentSpec from = step.get(0);
            EnvironmentSpec to = step.get(1);
            promotions.add(new PromotionStep(to.name(), to.region(), from.region(), registry(from, dualStack),
                    platform.repositoryName(from, service), registry(to, dualStack), platform.repositoryName(to, service),
                    RoleNames.arn(to.account(), RoleNames.promoter(platform.name(), to.name(), service.name()))));
        }
        return new PublishTarget(platform.name(), service.name(), first.name(), first.region(), registry(first, dualStack),
                platform.repositoryName(first, service),
                service.architectures().stream().map(ImageArchitecture::fileValue).toList(),
                platform.scanType(first), gate,
                github == null ? null : github.repository(),
                github != null && !github.branches().isEmpty() ? github.branches()
                        : github == null && pipeline != null && !pipeline.branches().isEmpty() ? pipeline.branches()
                        : DEFAULT_BRANCHES,
                RoleNames.arn(first.account(), RoleNames.githubPublisher(platform.name(), first.name(), service.name())),
                RoleNames.arn(first.account(), RoleNames.codeBuildPublisher(platform.name(), first.name(), service.name())),
                codeBuild == null ? null : codeBuild.project(),
                TaggingStrategy.of(platform, service), promotions,
                service.publishers().stream().filter(p -> p.type() == PublisherType.GITHUB && p.releaseEnvironment() != null)
                        .map(Publisher::releaseEnvironment).findFirst().orElse(null),
                jenkins == null ? null : new JenkinsTarget(
                        RoleNames.arn(first.account(), RoleNames.jenkinsPublisher(platform.name(), first.name(), service.name())),
                        jenkins.externalId(), jenkins.branches().isEmpty() ? DEFAULT_BRANCHES : jenkins.branches()),
                gitlab == null ? null : new GitLabTarget(
                        RoleNames.arn(first.account(), RoleNames.gitlabPublisher(platform.name(), first.name(), service.name())),
                        gitlab.gitlabIssuerUrl(), gitlab.gitlabProject(), gitlab.branches()),
                dualStack,
                pipeline == null ? null : RoleNames.imagePipeline(platform.name(), service.name()));
    }

    /** {@code <registry>/<repository>}. */
    public String repositoryUri() {
        return registry + "/" + repository;
    }

    private static String registry(EnvironmentSpec environment, boolean dualStack) {
        return RegistryHost.of(environment.account(), environment.region(), dualStack);
    }

    private static Publisher publisher(Service service, PublisherType type) {
        return service.publishers().stream().filter(p -> p.type() == type).findFirst().orElse(null);
    }
}
