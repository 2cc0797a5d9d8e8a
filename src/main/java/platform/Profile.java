package platform;

/** The environment profiles; each names a set of defaults ({@link EnvironmentProfile#defaults(Profile)}). */
public enum Profile implements FileValue {
    DEV("dev"), STAGING("staging"), PROD("prod");

    private final String fileValue;

    Profile(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
