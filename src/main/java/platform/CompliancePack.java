package platform;

/** cdk-nag rule packs; AwsSolutions always runs. */
public enum CompliancePack implements FileValue {
    /** cdk-nag's AwsSolutions pack (always applied). */
    AWS_SOLUTIONS("AwsSolutions"),
    /** cdk-nag's NIST 800-53 rev 5 pack. */
    NIST_800_53_R5("NIST80053R5"),
    /** cdk-nag's HIPAA Security pack. */
    HIPAA("HIPAA"),
    /** cdk-nag's PCI DSS 3.2.1 pack. */
    PCI("PCI");

    private final String fileValue;

    CompliancePack(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
