package compliance.rules;

import java.util.Set;

/** Symmetric customer managed keys rotate their key material. */
public final class KeyRotation implements EcrRule {

    public static final String ID = "EcrBlueprint-KeyRotation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-KMS1";
    }

    @Override
    public String info() {
        return "The symmetric KMS key does not rotate its key material.";
    }

    @Override
    public String explanation() {
        return "Rotation limits how much data one key version protects.";
    }

    @Override
    public String fix() {
        return "Set enableKeyRotation(true) (EnableKeyRotation: true).";
    }

    @Override
    public String source() {
        return "Control Tower CT.KMS.PR.1, Security Hub KMS.4";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.KEY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        var spec = resource.property("KeySpec");
        if (!spec.isMissingNode() && !"SYMMETRIC_DEFAULT".equals(spec.asText())) {
            // Asymmetric and HMAC keys cannot rotate automatically.
            return Outcome.notApplicable();
        }
        return Outcome.when(TemplateResource.isTrue(resource.property("EnableKeyRotation")));
    }
}
