package compliance.rules;

import java.util.Set;

/** Every private repository scans images on push. */
public final class ScanOnPush implements EcrRule {

    public static final String ID = "EcrBlueprint-ScanOnPush";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR1";
    }

    @Override
    public String info() {
        return "The ECR repository does not scan images on push.";
    }

    @Override
    public String explanation() {
        return "Images are only checked for known vulnerabilities when they are scanned; scanning on push finds them before "
                + "any workload pulls the image.";
    }

    @Override
    public String fix() {
        return "Set imageScanOnPush(true) (ImageScanningConfiguration.ScanOnPush: true).";
    }

    @Override
    public String source() {
        return "Security Hub ECR.1, Control Tower CT.ECR.PR.2, Checkov CKV_AWS_163";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        return Outcome.when(TemplateResource.isTrue(resource.property("ImageScanningConfiguration").path("ScanOnPush")));
    }
}
