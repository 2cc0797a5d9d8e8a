package platform;

import java.util.List;

/**
 * Who pushes a service's images. {@code github}: a workflow of {@code repository} on the listed branches or GitHub
 * environments assumes the publisher role through OIDC; release tags only through the declared
 * {@code releaseEnvironment} (never a tag pattern: whoever can push a tag could otherwise publish).
 * {@code codebuild}: the named CodeBuild project's role. {@code jenkins}: an existing principal (the agents' instance
 * profile role, EKS pod role, or a role they assume), possibly in another account, assumes the publisher role, with an
 * external id where given. {@code gitlab}: jobs of {@code gitlabProject} on the listed branches assume the publisher
 * role through the GitLab instance's OIDC provider. {@code codepipeline}: the stacks create the service's image pipeline
 * (a CodePipeline V2 whose source is a CodeConnections connection or a CodeCommit repository, a CodeBuild project
 * that runs the generated buildspec with the CodeBuild publisher role, and a manual-approval promotion stage per later
 * environment).
 */
public record Publisher(
        @Field(required = true, value = "github, codebuild, jenkins, gitlab or codepipeline.")
        PublisherType type,
        @Field(pattern = NameFormats.GITHUB_REPOSITORY, value = "github: the repository as org/repo.")
        String repository,
        @Field("github, gitlab: branches whose workflows may push (GitHub's OIDC subject ref:refs/heads/<branch>, GitLab's ref_type:branch:ref:<branch>); jenkins: branches the generated Jenkinsfile publishes; codepipeline: branches whose pushes start the pipeline (exactly one with codeCommitRepository). Default: none (github, gitlab, codepipeline); [main] (jenkins).")
        List<String> branches,
        @Field("github: GitHub environments whose jobs may push (the OIDC subject environment:<name>).")
        List<String> environments,
        @Field("github, gitlab: allow * in the repository or project name, branches and environments (never in the organisation or group). Default: false.")
        boolean allowWildcard,
        @Field(pattern = NameFormats.CODEBUILD_PROJECT, value = "codebuild: the project name.")
        String project,
        @Field("github: the GitHub environment release-tag builds run in (the OIDC subject environment:<name>); protect it with a deployment tag rule for the release prefix and required reviewers. Default: none, release tags are not built by CI and no tag is trusted.")
        String releaseEnvironment,
        @Field(pattern = NameFormats.PRINCIPAL_ARN, value = "jenkins: the IAM role or user the Jenkins agents run as (an instance profile's role, an EKS pod role); it may be in another account, whose own policy must then allow it sts:AssumeRole on the publisher role.")
        String principalArn,
        @Field(pattern = NameFormats.EXTERNAL_ID, value = "jenkins: the sts:ExternalId the agents must pass when they assume the publisher role. Default: none, no external id is required.")
        String externalId,
        @Field(pattern = NameFormats.GITLAB_PROJECT, value = "gitlab: the project path as <group>/<project> (subgroups allowed), the OIDC subject project_path:<group>/<project>.")
        String gitlabProject,
        @Field(pattern = NameFormats.HTTPS_URL, value = "gitlab: the GitLab instance, its OIDC issuer and the token audience. One instance per platform. Default: https://gitlab.com.")
        String gitlabUrl,
        @Field(pattern = NameFormats.CONNECTION_ARN, value = "codepipeline: the CodeConnections connection to GitHub, GitLab or Bitbucket (arn:aws:codeconnections:... or the older arn:aws:codestar-connections:...), created once in the console and authorised there; in the first environment's account. Give it or codeCommitRepository.")
        String connectionArn,
        @Field(pattern = NameFormats.SOURCE_REPOSITORY, value = "codepipeline with connectionArn: the repository as the connection's provider names it, owner/repo (GitLab: group/subgroup/project).")
        String sourceRepository,
        @Field(pattern = NameFormats.CODECOMMIT_REPOSITORY, value = "codepipeline: the CodeCommit repository (in the first environment's account and region) instead of a connection.")
        String codeCommitRepository,
        @Field(pattern = NameFormats.CODEBUILD_IMAGE, value = "codepipeline: the CodeBuild curated Linux image the build runs on. Default: aws/codebuild/standard:7.0.")
        String buildImage,
        @Field("codepipeline: the CodeBuild compute size: small, medium, large, xlarge or 2xlarge. Default: small.")
        BuildComputeType computeType,
        @Field("codepipeline: run the builds in the first environment's VPC (environments[].vpc, its subnets), with a security group that only allows egress. Default: false, CodeBuild's own network.")
        boolean vpc,
        @Field("The generated CI files of this publisher (and, for github, the workflow's promotion jobs) log in, push and pull through"
                + " ECR's dual-stack endpoints (<account>.dkr-ecr.<region>.on.aws, ecr.<region>.api.aws with AWS_USE_DUALSTACK_ENDPOINT),"
                + " which runners on IPv6-only networks reach; the AWS partition only, and never through PrivateLink (IPv4). Default:"
                + " false, the IPv4 endpoints (<account>.dkr.ecr.<region>.amazonaws.com).")
        boolean dualStack) {

    /** GitLab's SaaS instance, the default {@link #gitlabUrl()}. */
    public static final String GITLAB_COM = "https://gitlab.com";

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type github or codebuild.
     * @param repository github: the repository as org/repo.
     * @param branches github: branches whose workflows may push (the OIDC subject ref:refs/heads/&lt;branch&gt;).
     * @param environments github: GitHub environments whose jobs may push (the OIDC subject environment:&lt;name&gt;).
     * @param allowWildcard github: allow * in the repository name, branches and environments (never in the organisation). Default: false.
     * @param project codebuild: the project name.
     * @param releaseEnvironment github: the GitHub environment release-tag builds run in. Default: none, release tags are not built.
     * @param principalArn jenkins: the IAM role or user the Jenkins agents run as; it may be in another account.
     * @param externalId jenkins: the sts:ExternalId the agents must pass. Default: none, no external id is required.
     * @param gitlabProject gitlab: the project path as &lt;group&gt;/&lt;project&gt; (subgroups allowed).
     * @param gitlabUrl gitlab: the GitLab instance URL. Default: https://gitlab.com (applied by {@link #gitlabIssuerUrl()}).
     * @param connectionArn codepipeline: the CodeConnections connection ARN; or codeCommitRepository.
     * @param sourceRepository codepipeline with connectionArn: the repository as owner/repo (GitLab: group/subgroup/project).
     * @param codeCommitRepository codepipeline: the CodeCommit repository name, instead of a connection.
     * @param buildImage codepipeline: the CodeBuild curated image. Default: aws/codebuild/standard:7.0 (applied by {@link #codeBuildImage()}).
     * @param computeType codepipeline: the CodeBuild compute size. Default: small (applied by {@link #codeBuildComputeType()}).
     * @param vpc codepipeline: run the builds in the first environment's VPC. Default: false.
     * @param dualStack the generated CI files use ECR's dual-stack endpoints (IPv6). Default: false, the IPv4 endpoints.
     */
    public Publisher {
        branches = branches == null ? List.of() : List.copyOf(branches);
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param type see the record components
     * @param repository see the record components
     * @param branches see the record components
     * @param environments see the record components
     * @param allowWildcard see the record components
     * @param project see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Publisher(PublisherType type, String repository, List<String> branches, List<String> environments,
                     boolean allowWildcard, String project) {
        this(type, repository, branches, environments, allowWildcard, project, null);
    }

    /**
     * The constructor of 0.2.0, without the Jenkins and GitLab components: they take their defaults.
     *
     * @param type see the record components
     * @param repository see the record components
     * @param branches see the record components
     * @param environments see the record components
     * @param allowWildcard see the record components
     * @param project see the record components
     * @param releaseEnvironment see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Publisher(PublisherType type, String repository, List<String> branches, List<String> environments,
                     boolean allowWildcard, String project, String releaseEnvironment) {
        this(type, repository, branches, environments, allowWildcard, project, releaseEnvironment, null, null, null, null);
    }

    /**
     * The constructor of 0.3.0, without the CodePipeline components and dualStack: they take their defaults.
     *
     * @param type see the record components
     * @param repository see the record components
     * @param branches see the record components
     * @param environments see the record components
     * @param allowWildcard see the record components
     * @param project see the record components
     * @param releaseEnvironment see the record components
     * @param principalArn see the record components
     * @param externalId see the record components
     * @param gitlabProject see the record components
     * @param gitlabUrl see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Publisher(PublisherType type, String repository, List<String> branches, List<String> environments,
                     boolean allowWildcard, String project, String releaseEnvironment, String principalArn,
                     String externalId, String gitlabProject, String gitlabUrl) {
        this(type, repository, branches, environments, allowWildcard, project, releaseEnvironment, principalArn, externalId,
                gitlabProject, gitlabUrl, null, null, null, null, null, false, false);
    }

    /** The build image of a codepipeline publisher when the file names none. */
    public static final String DEFAULT_BUILD_IMAGE = "aws/codebuild/standard:7.0";

    /**
     * The CodeBuild image of a codepipeline publisher: {@link #buildImage()}, else {@value #DEFAULT_BUILD_IMAGE}.
     *
     * @return the image id
     */
    public String codeBuildImage() {
        return buildImage == null ? DEFAULT_BUILD_IMAGE : buildImage;
    }

    /**
     * The CodeBuild compute size of a codepipeline publisher: {@link #computeType()}, else small.
     *
     * @return the compute size
     */
    public BuildComputeType codeBuildComputeType() {
        return computeType == null ? BuildComputeType.SMALL : computeType;
    }

    /**
     * An image pipeline from a CodeConnections connection, started by pushes to {@code branches}.
     *
     * @param connectionArn the connection's ARN
     * @param sourceRepository the repository as the provider names it
     * @param branches the branches that start the pipeline
     * @return the publisher
     */
    public static Publisher codePipeline(String connectionArn, String sourceRepository, String... branches) {
        return new Publisher(PublisherType.CODEPIPELINE, null, List.of(branches), null, false, null, null, null, null, null,
                null, connectionArn, sourceRepository, null, null, null, false, false);
    }

    /**
     * This publisher with the dual-stack endpoints on or off.
     *
     * @param on whether the generated CI files use ECR's dual-stack endpoints
     * @return a copy with {@code dualStack} set
     */
    public Publisher withDualStack(boolean on) {
        return new Publisher(type, repository, branches, environments, allowWildcard, project, releaseEnvironment, principalArn,
                externalId, gitlabProject, gitlabUrl, connectionArn, sourceRepository, codeCommitRepository, buildImage, computeType,
                vpc, on);
    }

    /**
     * A GitHub Actions publisher.
     *
     * @param repository {@code <organisation>/<repository>}
     * @param branches the branches it may publish from
     * @return the publisher
     */
    public static Publisher github(String repository, String... branches) {
        return new Publisher(PublisherType.GITHUB, repository, List.of(branches), null, false, null, null, null, null, null, null, null, null, null, null, null, false, false);
    }

    /**
     * A CodeBuild publisher.
     *
     * @param project the CodeBuild project name
     * @return the publisher
     */
    public static Publisher codebuild(String project) {
        return new Publisher(PublisherType.CODEBUILD, null, null, null, false, project, null, null, null, null, null, null, null, null, null, null, false, false);
    }

    /**
     * A Jenkins publisher: agents running as {@code principalArn} assume the publisher role.
     *
     * @param principalArn the IAM role or user the agents run as
     * @param externalId the external id they pass, or {@code null} for none
     * @param branches the branches the generated Jenkinsfile publishes; none: main
     * @return the publisher
     */
    public static Publisher jenkins(String principalArn, String externalId, String... branches) {
        return new Publisher(PublisherType.JENKINS, null, List.of(branches), null, false, null, null, principalArn, externalId,
                null, null, null, null, null, null, null, false, false);
    }

    /**
     * A GitLab CI publisher on gitlab.com.
     *
     * @param gitlabProject {@code <group>/<project>}
     * @param branches the branches it may publish from
     * @return the publisher
     */
    public static Publisher gitlab(String gitlabProject, String... branches) {
        return new Publisher(PublisherType.GITLAB, null, List.of(branches), null, false, null, null, null, null, gitlabProject,
                null, null, null, null, null, null, false, false);
    }

    /**
     * The GitLab instance's URL without a trailing slash: {@link #gitlabUrl()}, else {@value #GITLAB_COM}.
     *
     * @return the issuer URL of the GitLab OIDC tokens
     */
    public String gitlabIssuerUrl() {
        String url = gitlabUrl == null ? GITLAB_COM : gitlabUrl;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The GitLab group path of {@link #gitlabProject()}: everything before the last slash.
     *
     * @return the group path, or null without a project
     */
    public String gitlabGroup() {
        return gitlabProject == null || gitlabProject.indexOf('/') < 0 ? null : gitlabProject.substring(0, gitlabProject.lastIndexOf('/'));
    }

    /**
     * The GitHub organisation (or user) of {@link #repository()}.
     *
     * @return the GitHub organisation (or user) of {@link #repository()}
     */
    public String organisation() {
        return repository == null ? null : repository.substring(0, repository.indexOf('/'));
    }
}
