package compliance;

/**
 * The optional cdk-nag packs a platform can select; AwsSolutions and the EcrBlueprint pack always run.
 * The platform file names them by {@link #id()}.
 */
public enum Pack {

    /** cdk-nag {@code NIST80053R5Checks}: NIST SP 800-53 rev 5 (the Security Hub NIST standard). */
    NIST_800_53_R5("nist-800-53-r5"),

    /** cdk-nag {@code HIPAASecurityChecks}: the HIPAA Security conformance pack. */
    HIPAA_SECURITY("hipaa-security"),

    /** cdk-nag {@code PCIDSS321Checks}: PCI DSS 3.2.1. */
    PCI_DSS_321("pci-dss-3.2.1");

    private final String id;

    Pack(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The pack with this id, or IllegalArgumentException naming the valid ids. */
    public static Pack fromId(String id) {
        for (Pack pack : values()) {
            if (pack.id.equals(id)) {
                return pack;
            }
        }
        throw new IllegalArgumentException("compliance pack \"" + id + "\" is unknown: must be one of "
                + java.util.Arrays.stream(values()).map(Pack::id).toList()
                + " (AwsSolutions and EcrBlueprint always run)");
    }
}
