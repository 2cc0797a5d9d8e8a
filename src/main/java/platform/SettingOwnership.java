package platform;

/**
 * Who writes a registry-wide singleton (scanning configuration, replication configuration, registry policy, signing
 * configuration). Each exists once per account and region and the last writer wins, so exactly one owner may write it.
 */
public enum SettingOwnership implements FileValue {
    /** This platform's registry stack writes it (deleting the stack resets it to ECR's default). */
    MANAGED("managed"),
    /** Someone else owns it: this platform leaves it as it is and writes nothing. */
    EXISTING("existing");

    private final String fileValue;

    SettingOwnership(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
