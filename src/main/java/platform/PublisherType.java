package platform;

/**
 * Who pushes a service's images: a GitHub Actions workflow or a GitLab CI job through OIDC, a CodeBuild project, or a
 * Jenkins agent with an AWS identity of its own, or an image pipeline on CodePipeline and CodeBuild.
 */
public enum PublisherType implements FileValue {
    /** A GitHub Actions workflow, through GitHub's OIDC provider. */
    GITHUB("github"),
    /** A CodeBuild project. */
    CODEBUILD("codebuild"),
    /** A Jenkins agent that already runs as an AWS principal (instance profile, EKS pod role, or a role it assumes). */
    JENKINS("jenkins"),
    /** A GitLab CI job, through the GitLab instance's OIDC provider. */
    GITLAB("gitlab"),
    /** The service's image pipeline on CodePipeline and CodeBuild, created by the stacks. */
    CODEPIPELINE("codepipeline");

    private final String fileValue;

    PublisherType(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
