package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import constructs.access.Persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A persona role (tagged {@value Persona#TAG_KEY}) that trusts an account root for {@code sts:AssumeRole} (the
 * Jenkins publisher: its agents may live in another account) names the exact principals in an
 * {@code aws:PrincipalArn} condition ({@code ArnEquals} or {@code StringEquals}, no wildcard): a bare root would let
 * every role and user of that account, whatever its own policy allows, assume the role.
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
public final class AccountRootTrust implements EcrRule {

    static final String PRINCIPAL_ARN = "aws:PrincipalArn";

    public static final String ID = "EcrBlueprint-AccountRootTrust";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return null;
    }

    @Override
    public String info() {
        return "The persona role trusts an account root without naming the principals in an aws:PrincipalArn condition.";
    }

    @Override
    public String explanation() {
        return "Trusting arn:aws:iam::<account>:root lets every principal of that account that its own policies allow "
                + "assume the role.";
    }

    @Override
    public String fix() {
        return "Add Condition {\"ArnEquals\": {\"aws:PrincipalArn\": [\"arn:aws:iam::<account>:role/<agent>\"]}}.";
    }

    @Override
    public String source() {
        return "IAM user guide, global condition keys (aws:PrincipalArn) and cross-account role trust";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.ROLE);
    }

    @Override
    public Outcome evaluate(TemplateResource role) {
        if (role.tags().get(Persona.TAG_KEY) == null) {
            return Outcome.notApplicable();
        }
        return evaluate(role.policy("AssumeRolePolicyDocument"));
    }

    /** The check on a trust policy document. */
    static Outcome evaluate(JsonNode trust) {
        boolean applies = false;
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocuments.statements(trust)) {
            List<String> roots = PolicyDocuments.strings(statement.path("Principal").path("AWS")).stream()
                    .filter(p -> p.endsWith(":root") || p.matches("\\d{12}")).toList();
            if (!PolicyDocuments.isAllow(statement) || roots.isEmpty()) {
                continue;
            }
            applies = true;
            List<String> named = new ArrayList<>();
            for (Map.Entry<String, JsonNode> operator : statement.path("Condition").properties()) {
                if (!operator.getKey().equals("ArnEquals") && !operator.getKey().equals("StringEquals")) {
                    continue;
                }
                named.addAll(PolicyDocuments.strings(operator.getValue().path(PRINCIPAL_ARN)));
            }
            if (named.isEmpty()) {
                roots.forEach(r -> findings.add("Principal::" + r));
            }
            named.stream().filter(n -> n.contains("*") || n.contains("?")).forEach(n -> findings.add("PrincipalArn::" + n));
        }
        return applies ? Outcome.of(findings) : Outcome.notApplicable();
    }
}
