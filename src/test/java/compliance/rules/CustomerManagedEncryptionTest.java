package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.resource;
import static compliance.rules.RuleHarness.suppressed;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerManagedEncryptionTest {

    private static final String TYPE = "AWS::ECR::Repository";

    private final RuleHarness rule = new RuleHarness(new CustomerManagedEncryption());

    @Test
    void aCompliantResourcePasses() {
        assertThat(rule.results(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'KMS', 'KmsKey': {'Fn::GetAtt': ['Key', 'Arn']}}}"))).containsExactly(rule.compliant());
    }

    @Test
    void aes256Fails() {
        assertThat(rule.results(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'AES256'}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void kmsWithoutKeyUsesTheAwsManagedKeyFails() {
        assertThat(rule.results(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'KMS'}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void theAwsManagedKeyByAliasFails() {
        assertThat(rule.results(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'KMS', 'KmsKey': 'alias/aws/ecr'}}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void absentFails() {
        assertThat(rule.results(resource(TYPE, "{}"))).containsExactly(rule.nonCompliant());
    }

    @Test
    void aSuppressionWithAReasonSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'AES256'}}"), CustomerManagedEncryption.ID))).containsExactly(rule.suppressed());
    }

    @Test
    void theNumberedIdOfOldSuppressionsStillSuppresses() {
        assertThat(rule.results(suppressed(resource(TYPE, "{'EncryptionConfiguration': {'EncryptionType': 'AES256'}}"), "EcrBlueprint-ECR4"))).containsExactly(rule.suppressed());
    }
}
