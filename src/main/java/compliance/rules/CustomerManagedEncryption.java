package compliance.rules;

import java.util.Set;

/** Every private repository is encrypted with a customer managed KMS key written in the template. */
public final class CustomerManagedEncryption implements EcrRule {

    public static final String ID = "EcrBlueprint-CustomerManagedKey";

    private static final Set<String> KMS_TYPES = Set.of("KMS", "KMS_DSSE");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR4";
    }

    @Override
    public String info() {
        return "The ECR repository is not encrypted with a customer managed KMS key written in the template.";
    }

    @Override
    public String explanation() {
        return "The default AES256 or the AWS managed key aws/ecr cannot be rotated, audited or restricted by your own key "
                + "policy, and an encryption setting left out of the template cannot be reviewed.";
    }

    @Override
    public String fix() {
        return "Set EncryptionConfiguration {EncryptionType: KMS, KmsKey: <your key>} (encryption(KMS) with encryptionKey(key)).";
    }

    @Override
    public String source() {
        return "Security Hub ECR.5 (stricter than Checkov CKV_AWS_136, which accepts the AWS managed key)";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        var encryption = resource.property("EncryptionConfiguration");
        var type = encryption.path("EncryptionType");
        var key = encryption.path("KmsKey");
        boolean present = !key.isMissingNode() && !key.isNull();
        boolean awsManagedKey = key.isTextual() && key.asText().endsWith("alias/aws/ecr");
        return Outcome.when(KMS_TYPES.contains(type.asText()) && present && !awsManagedKey);
    }
}
