package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.kms.CfnKey;

/** Control Tower CT.KMS.PR.1: symmetric customer managed keys rotate their key material. */
public final class KeyRotation implements EcrRule {

    @Override
    public String suffix() {
        return "KMS1";
    }

    @Override
    public String info() {
        return "The symmetric KMS key does not rotate its key material.";
    }

    @Override
    public String explanation() {
        return "Rotation limits how much data one key version protects and is required by Control Tower CT.KMS.PR.1 and "
                + "Security Hub KMS.4. Fix: set enableKeyRotation(true) (EnableKeyRotation: true).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnKey;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object spec = resource.property("keySpec");
        if (spec != null && !"SYMMETRIC_DEFAULT".equals(spec)) {
            // Asymmetric and HMAC keys cannot rotate automatically.
            return Outcome.notApplicable();
        }
        return Outcome.when(Boolean.TRUE.equals(resource.property("enableKeyRotation")));
    }
}
