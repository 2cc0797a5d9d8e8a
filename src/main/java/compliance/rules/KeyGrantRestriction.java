package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.kms.CfnKey;

/** Control Tower CT.KMS.PR.3: the key policy limits the creation of grants to AWS services. */
public final class KeyGrantRestriction implements EcrRule {

    @Override
    public String suffix() {
        return "KMS2";
    }

    @Override
    public String info() {
        return "The KMS key policy does not deny kms:CreateGrant unless kms:GrantIsForAWSResource is true.";
    }

    @Override
    public String explanation() {
        return "A principal that may create grants can hand the key to anyone; ECR only needs grants created on its behalf. "
                + "Fix: add {\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"kms:CreateGrant\", "
                + "\"Resource\": \"*\", \"Condition\": {\"Bool\": {\"kms:GrantIsForAWSResource\": \"false\"}}} to the key policy.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnKey;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        JsonNode policy = PolicyDocuments.tree(resource.property("keyPolicy"));
        return Outcome.when(hasGrantRestriction(policy));
    }

    public static boolean hasGrantRestriction(JsonNode policy) {
        for (JsonNode statement : PolicyDocuments.statements(policy)) {
            if (!"Deny".equals(statement.path("Effect").asText())) {
                continue;
            }
            var actions = PolicyDocuments.strings(statement.path("Action"));
            boolean coversCreateGrant = actions.contains("kms:CreateGrant") || actions.contains("kms:*");
            JsonNode value = statement.path("Condition").path("Bool").path("kms:GrantIsForAWSResource");
            boolean unlessForAwsResource = "false".equals(value.asText());
            if (coversCreateGrant && unlessForAwsResource) {
                return true;
            }
        }
        return false;
    }
}
