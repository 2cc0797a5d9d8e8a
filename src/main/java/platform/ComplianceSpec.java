package platform;

import java.util.List;

/** cdk-nag rule packs to run at synthesis, and the AWS Control Tower controls to enforce. */
public record ComplianceSpec(
        @Field("AwsSolutions (always runs), NIST80053R5, HIPAA, PCI. Default: AwsSolutions only.")
        List<CompliancePack> packs,
        @Field("AWS Control Tower proactive controls: the families enforced and documented exceptions. Default: every"
                + " family enforced, no exception.")
        ControlTower controlTower) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param packs awsSolutions (always runs), NIST80053R5, HIPAA, PCI. Default: AwsSolutions only.
     * @param controlTower the AWS Control Tower families enforced and documented exceptions. Default: every family
     *                     enforced, no exception.
     */
    public ComplianceSpec {
        packs = packs == null ? List.of() : List.copyOf(packs);
        controlTower = controlTower == null ? new ControlTower(null, null) : controlTower;
    }

    /**
     * The packs only, with the default Control Tower settings (the constructor of 0.1.0).
     *
     * @param packs awsSolutions (always runs), NIST80053R5, HIPAA, PCI. Default: AwsSolutions only.
     */
    public ComplianceSpec(List<CompliancePack> packs) {
        this(packs, null);
    }
}
