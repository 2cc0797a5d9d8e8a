package platform;

/** A target platform of an image build, as `docker buildx --platform` spells it. */
public enum Architecture implements FileValue {
    LINUX_AMD64("linux/amd64"), LINUX_ARM64("linux/arm64");

    private final String fileValue;

    Architecture(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
