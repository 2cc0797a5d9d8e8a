package platform;

/** A target platform of an image build, as `docker buildx --platform` spells it. */
public enum ImageArchitecture implements FileValue {
    /** x86-64 Linux. */
    LINUX_AMD64("linux/amd64"),
    /** 64-bit ARM Linux (Graviton). */
    LINUX_ARM64("linux/arm64");

    private final String fileValue;

    ImageArchitecture(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
