package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import compliance.EcrBlueprintChecks;

import java.util.List;

/**
 * Runs one rule the way a synthesis does (EcrBlueprintChecks on a written template, suppressions from its metadata) on
 * templates written in the test, as CloudFormation would receive them.
 */
final class RuleHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcrRule rule;

    RuleHarness(EcrRule rule) {
        this.rule = rule;
    }

    /** A template from JSON text with single quotes for readability. */
    static ObjectNode template(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A template with one resource {@code Subject} of {@code type} and {@code properties}. */
    static ObjectNode resource(String type, String properties) {
        return template("{'Resources': {'Subject': {'Type': '" + type + "', 'Properties': " + properties + "}}}");
    }

    /** {@code template} with a cdk-nag suppression of {@code id} (with a reason) on resource {@code Subject}. */
    static ObjectNode suppressed(ObjectNode template, String id) {
        ObjectNode copy = template.deepCopy();
        ObjectNode metadata = ((ObjectNode) copy.path("Resources").path("Subject")).putObject("Metadata");
        ArrayNode rules = metadata.putObject("cdk_nag").putArray("rules_to_suppress");
        rules.addObject().put("id", id).put("reason", "A reviewed exception, recorded with its reason.");
        return copy;
    }

    /** Every result as {@code <finding id> <status>}, for example {@code EcrBlueprint-ScanOnPush NON_COMPLIANT}. */
    List<String> results(JsonNode template) {
        return new EcrBlueprintChecks(List.of(rule)).check(new StackTemplate(template)).stream()
                .map(r -> r.findingId() + " " + r.status())
                .toList();
    }

    String compliant() {
        return rule.id() + " COMPLIANT";
    }

    String nonCompliant() {
        return rule.id() + " NON_COMPLIANT";
    }

    String nonCompliant(String finding) {
        return rule.id() + "[" + finding + "] NON_COMPLIANT";
    }

    String suppressed() {
        return rule.id() + " SUPPRESSED";
    }

    String suppressed(String finding) {
        return rule.id() + "[" + finding + "] SUPPRESSED";
    }
}
