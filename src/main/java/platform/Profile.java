package platform;

/** The environment profiles; each names a set of defaults ({@link EnvironmentProfile#defaults(Profile)}). */
public enum Profile implements FileValue {
    /** Development: short retention, repositories destroyed with the stack. */
    DEV("dev"),
    /** Staging: repositories retained, no alerts. */
    STAGING("staging"),
    /** Production: immutable tags required, continuous scans, alerts, termination protection. */
    PROD("prod");

    private final String fileValue;

    Profile(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
