package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;

/** Security Hub ECR.1, Control Tower CT.ECR.PR.2, Checkov CKV_AWS_163. */
public final class ScanOnPush implements EcrRule {

    @Override
    public String suffix() {
        return "ECR1";
    }

    @Override
    public String info() {
        return "The ECR repository does not scan images on push.";
    }

    @Override
    public String explanation() {
        return "Images are only checked for known vulnerabilities when they are scanned; scanning on push finds them before "
                + "any workload pulls the image. Fix: set imageScanOnPush(true) (ImageScanningConfiguration.ScanOnPush: true).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        var scanning = resource.map("imageScanningConfiguration");
        return Outcome.when(Boolean.TRUE.equals(scanning.get("scanOnPush")));
    }
}
