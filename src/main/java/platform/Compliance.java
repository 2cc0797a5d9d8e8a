package platform;

import java.util.List;

/** cdk-nag rule packs to run at synthesis. */
public record Compliance(
        @Field("AwsSolutions (always runs), NIST80053R5, HIPAA, PCI. Default: AwsSolutions only.")
        List<CompliancePack> packs) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param packs awsSolutions (always runs), NIST80053R5, HIPAA, PCI. Default: AwsSolutions only.
     */
    public Compliance {
        packs = packs == null ? List.of() : List.copyOf(packs);
    }
}
