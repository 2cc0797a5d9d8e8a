package compliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import compliance.rules.CustomerManagedEncryption;
import compliance.rules.ImmutableTags;
import compliance.rules.LifecyclePolicyPresent;
import compliance.rules.PolicyDocuments;
import compliance.rules.RepositoryPolicyPrincipals;
import compliance.rules.ScanOnPush;

import java.util.List;
import java.util.function.Function;

/**
 * The catalog controls the report checks each {@code AWS::ECR::Repository} against, evaluated on
 * the template's properties, each with the EcrBlueprint rule that enforces it at synthesis.
 *
 * <p>Sources: Security Hub ECR controls https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html ;
 * Control Tower proactive ECR controls https://docs.aws.amazon.com/controltower/latest/controlreference/ecr-rules.html ;
 * Checkov CloudFormation checks https://www.checkov.io/5.Policy%20Index/cloudformation.html .
 */
public enum Control {

    SECURITY_HUB_ECR_1("ECR.1", "AWS Security Hub", "ECR private repositories should have image scanning configured",
            ScanOnPush.ID, Control::scanOnPush),
    SECURITY_HUB_ECR_2("ECR.2", "AWS Security Hub", "ECR private repositories should have tag immutability configured",
            ImmutableTags.ID, Control::immutableTags),
    SECURITY_HUB_ECR_3("ECR.3", "AWS Security Hub", "ECR repositories should have at least one lifecycle policy configured",
            LifecyclePolicyPresent.ID, Control::lifecyclePolicy),
    SECURITY_HUB_ECR_5("ECR.5", "AWS Security Hub", "ECR repositories should be encrypted with customer managed AWS KMS keys",
            CustomerManagedEncryption.ID, Control::customerManagedKey),
    CONTROL_TOWER_ECR_PR_1("CT.ECR.PR.1", "AWS Control Tower",
            "Require Amazon ECR repositories to have a lifecycle policy configured",
            LifecyclePolicyPresent.ID, Control::lifecyclePolicy),
    CONTROL_TOWER_ECR_PR_2("CT.ECR.PR.2", "AWS Control Tower",
            "Require Amazon ECR private repositories to have image scanning enabled",
            ScanOnPush.ID, Control::scanOnPush),
    CONTROL_TOWER_ECR_PR_3("CT.ECR.PR.3", "AWS Control Tower",
            "Require Amazon ECR private repositories to have tag immutability enabled",
            ImmutableTags.ID, Control::immutableTags),
    CHECKOV_CKV_AWS_32("CKV_AWS_32", "Checkov", "Ensure ECR policy is not set to public",
            RepositoryPolicyPrincipals.ID, Control::notPublic),
    CHECKOV_CKV_AWS_51("CKV_AWS_51", "Checkov", "Ensure ECR Image Tags are immutable",
            ImmutableTags.ID, Control::immutableTags),
    CHECKOV_CKV_AWS_136("CKV_AWS_136", "Checkov", "Ensure that ECR repositories are encrypted using KMS",
            CustomerManagedEncryption.ID, Control::kmsEncryption),
    CHECKOV_CKV_AWS_163("CKV_AWS_163", "Checkov", "Ensure ECR image scanning on push is enabled",
            ScanOnPush.ID, Control::scanOnPush);

    /** Ids of suppressions that excuse a failure of {@link #CHECKOV_CKV_AWS_32} besides our rule. */
    static final List<String> PUBLIC_POLICY_RULES = List.of(RepositoryPolicyPrincipals.ID, "AwsSolutions-ECR1");

    private final String id;
    private final String catalog;
    private final String title;
    private final String enforcedBy;
    private final Function<JsonNode, Check> check;

    Control(String id, String catalog, String title, String enforcedBy, Function<JsonNode, Check> check) {
        this.id = id;
        this.catalog = catalog;
        this.title = title;
        this.enforcedBy = enforcedBy;
        this.check = check;
    }

    public String id() {
        return id;
    }

    public String catalog() {
        return catalog;
    }

    public String title() {
        return title;
    }

    /** The EcrBlueprint rule that fails synthesis when this control would fail. */
    public String enforcedBy() {
        return enforcedBy;
    }

    /** Evaluates the control on the {@code Properties} of a repository. */
    public Check check(JsonNode properties) {
        return check.apply(properties);
    }

    /** Pass or fail, and what was found. */
    public record Check(boolean passed, String detail) {
    }

    private static Check scanOnPush(JsonNode p) {
        boolean on = p.path("ImageScanningConfiguration").path("ScanOnPush").asBoolean(false);
        return new Check(on, on ? "ScanOnPush is true" : "ScanOnPush is not true");
    }

    private static Check immutableTags(JsonNode p) {
        String mutability = p.path("ImageTagMutability").asText("MUTABLE");
        return new Check("IMMUTABLE".equals(mutability), "ImageTagMutability is " + mutability);
    }

    private static Check lifecyclePolicy(JsonNode p) {
        boolean present = !p.path("LifecyclePolicy").path("LifecyclePolicyText").isMissingNode();
        return new Check(present, present ? "LifecyclePolicyText is set" : "no LifecyclePolicy");
    }

    private static Check customerManagedKey(JsonNode p) {
        JsonNode encryption = p.path("EncryptionConfiguration");
        String type = encryption.path("EncryptionType").asText("AES256");
        JsonNode key = encryption.path("KmsKey");
        if (!type.startsWith("KMS")) {
            return new Check(false, "EncryptionType is " + type);
        }
        if (key.isMissingNode() || key.asText().endsWith("alias/aws/ecr")) {
            return new Check(false, "EncryptionType " + type + " with the AWS managed key aws/ecr");
        }
        return new Check(true, "EncryptionType " + type + " with a customer managed key");
    }

    private static Check kmsEncryption(JsonNode p) {
        String type = p.path("EncryptionConfiguration").path("EncryptionType").asText("AES256");
        return new Check(type.startsWith("KMS"), "EncryptionType is " + type);
    }

    private static Check notPublic(JsonNode p) {
        JsonNode policy = p.path("RepositoryPolicyText");
        if (policy.isMissingNode()) {
            return new Check(true, "no repository policy");
        }
        JsonNode tree = PolicyDocuments.tree(policy.isTextual() ? policy.asText() : policy);
        List<String> problems = PolicyDocuments.openPrincipalProblems(tree);
        if (problems.isEmpty()) {
            return new Check(true, "no unbound \"*\" principal");
        }
        String detail = String.join("; ", problems);
        if (PolicyDocuments.mentionsOrganizationOutsideStringEquals(tree)) {
            detail += ". Checkov's own CKV_AWS_32 passes this policy because it accepts aws:PrincipalOrgID under "
                    + "ForAllValues:, which does not bind the principal (it is true when the key is absent)";
        }
        return new Check(false, detail);
    }
}
