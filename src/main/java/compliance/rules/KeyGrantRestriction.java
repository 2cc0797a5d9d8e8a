package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** Control Tower CT.KMS.PR.3: the key policy limits the creation of grants to AWS services. */
public final class KeyGrantRestriction implements EcrRule {

    public static final String ID = "EcrBlueprint-KeyGrantRestriction";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-KMS2";
    }

    @Override
    public String info() {
        return "The KMS key policy does not deny kms:CreateGrant unless the grant is for an AWS resource or an AWS service asks.";
    }

    @Override
    public String explanation() {
        return "A principal that may create grants can hand the key to anyone; ECR only needs grants created on its behalf.";
    }

    @Override
    public String fix() {
        return "Add {\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"kms:CreateGrant\", "
                + "\"Resource\": \"*\", \"Condition\": {\"BoolIfExists\": {\"kms:GrantIsForAWSResource\": \"false\", "
                + "\"aws:PrincipalIsAWSService\": \"false\"}}} to the key policy (RepositoryKey.denyGrantsNotForAwsServices(); "
                + "AWS Control Tower CT.KMS.PR.3 accepts only this shape).";
    }

    @Override
    public String source() {
        return "Control Tower CT.KMS.PR.3";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.KEY);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        JsonNode policy = resource.policy("KeyPolicy");
        return Outcome.when(hasGrantRestriction(policy));
    }

    public static boolean hasGrantRestriction(JsonNode policy) {
        for (JsonNode statement : PolicyDocuments.statements(policy)) {
            if (!"Deny".equals(statement.path("Effect").asText())) {
                continue;
            }
            var actions = PolicyDocuments.strings(statement.path("Action"));
            boolean coversCreateGrant = actions.contains("kms:CreateGrant") || actions.contains("kms:*");
            // Both keys false, BoolIfExists: a Bool on kms:GrantIsForAWSResource alone also denies AWS services'
            // own grants, and Control Tower's CT.KMS.PR.3 rejects it.
            JsonNode condition = statement.path("Condition").path("BoolIfExists");
            boolean unlessForAwsResourceOrService = "false".equals(condition.path("kms:GrantIsForAWSResource").asText())
                    && "false".equals(condition.path("aws:PrincipalIsAWSService").asText());
            if (coversCreateGrant && unlessForAwsResourceOrService) {
                return true;
            }
        }
        return false;
    }
}
