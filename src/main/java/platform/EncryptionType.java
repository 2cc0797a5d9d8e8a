package platform;

/** How an environment's repositories are encrypted at rest: always with the environment's customer-managed KMS key. */
public enum EncryptionType implements FileValue {
    /** AWS KMS server-side encryption. */
    KMS,
    /** Dual-layer server-side encryption with AWS KMS (two independent layers of encryption, for CNSA-style mandates). */
    KMS_DSSE;

    @Override
    public String fileValue() {
        return name();
    }
}
