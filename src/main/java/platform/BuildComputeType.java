package platform;

/**
 * The compute size of a CodeBuild build of Linux containers (the {@code BUILD_GENERAL1_*} types).
 * Source: https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html
 */
public enum BuildComputeType implements FileValue {
    /** BUILD_GENERAL1_SMALL: 2 vCPUs, 3 GB. */
    SMALL("small"),
    /** BUILD_GENERAL1_MEDIUM: 4 vCPUs, 7 GB. */
    MEDIUM("medium"),
    /** BUILD_GENERAL1_LARGE: 8 vCPUs, 15 GB. */
    LARGE("large"),
    /** BUILD_GENERAL1_XLARGE: 36 vCPUs, 70 GB. */
    XLARGE("xlarge"),
    /** BUILD_GENERAL1_2XLARGE: 72 vCPUs, 145 GB. */
    XXLARGE("2xlarge");

    private final String fileValue;

    BuildComputeType(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
