package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;

import java.util.Set;

/** Security Hub ECR.5 (and stricter than Checkov CKV_AWS_136, which accepts the AWS managed key). */
public final class CustomerManagedEncryption implements EcrRule {

    private static final Set<String> KMS_TYPES = Set.of("KMS", "KMS_DSSE");

    @Override
    public String suffix() {
        return "ECR4";
    }

    @Override
    public String info() {
        return "The ECR repository is not encrypted with a customer managed KMS key written in the template.";
    }

    @Override
    public String explanation() {
        return "The default AES256 or the AWS managed key aws/ecr cannot be rotated, audited or restricted by your own key "
                + "policy, and an encryption setting left out of the template cannot be reviewed. Fix: set "
                + "EncryptionConfiguration {EncryptionType: KMS, KmsKey: <your key>} (encryption(KMS) with encryptionKey(key)).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        var encryption = resource.map("encryptionConfiguration");
        Object type = encryption.get("encryptionType");
        Object key = encryption.get("kmsKey");
        boolean awsManagedKey = key instanceof String k && k.endsWith("alias/aws/ecr");
        return Outcome.when(type != null && KMS_TYPES.contains(type) && key != null && !awsManagedKey);
    }
}
