package platform;

/** Who pushes a service's images: a GitHub Actions workflow through OIDC, or a CodeBuild project. */
public enum PublisherType implements FileValue {
    /** A GitHub Actions workflow, through GitHub's OIDC provider. */
    GITHUB("github"),
    /** A CodeBuild project. */
    CODEBUILD("codebuild");

    private final String fileValue;

    PublisherType(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
