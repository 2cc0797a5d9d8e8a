package platform;

/** cdk-nag rule packs; AwsSolutions always runs. */
public enum CompliancePack implements FileValue {
    AWS_SOLUTIONS("AwsSolutions"), NIST_800_53_R5("NIST80053R5"), HIPAA("HIPAA"), PCI("PCI");

    private final String fileValue;

    CompliancePack(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
