package compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report for code-scanning tools: SARIF 2.1.0, one rule per catalog control and per AWS Control Tower
 * proactive control evaluated, one result per repository and catalog control and one per template and Control Tower
 * control ({@code kind} pass or fail; exceptions carry a SARIF suppression with the reason). Locations name the
 * template file and, for repositories, the construct path.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    static final String CONTROL_TOWER_DOCS = "https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    static String render(ComplianceReport report) {
        ObjectNode sarif = JSON.createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ecr-blueprint compliance report");
        driver.put("informationUri", "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html");
        ArrayNode rules = driver.putArray("rules");
        for (Control control : Control.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", control.id());
            rule.put("name", control.name());
            rule.putObject("shortDescription").put("text", control.title());
            rule.putObject("fullDescription").put("text", control.catalog() + " " + control.id() + ": " + control.title()
                    + ". Enforced at synthesis by " + control.enforcedBy() + ".");
            rule.putObject("properties").put("catalog", control.catalog());
        }
        for (String control : report.controlTower().stream().map(ControlTowerResult::control).distinct().sorted().toList()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", control);
            rule.putObject("shortDescription").put("text", "AWS Control Tower proactive control " + control);
            rule.put("helpUri", CONTROL_TOWER_DOCS);
            rule.putObject("properties").put("catalog", "AWS Control Tower");
        }
        ArrayNode results = run.putArray("results");
        for (ControlTowerResult control : report.controlTower()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", control.control());
            result.put("kind", control.status() == Status.PASS ? "pass" : "fail");
            result.put("level", control.status() == Status.PASS ? "none" : "error");
            result.putObject("message").put("text", control.template() + ": " + control.control() + " "
                    + control.status() + (control.detail().isEmpty() ? "" : ": " + control.detail()));
            result.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", control.template());
            if (control.status() == Status.EXCEPTION) {
                result.putArray("suppressions").addObject()
                        .put("kind", "inSource")
                        .put("justification", control.detail());
            }
        }
        for (RepositoryResult repository : report.repositories()) {
            for (ControlResult control : repository.controls()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", control.control());
                result.put("kind", control.status() == Status.PASS ? "pass" : "fail");
                result.put("level", control.status() == Status.PASS ? "none" : "error");
                result.putObject("message").put("text", repository.name() + ": " + control.detail());
                ObjectNode location = result.putArray("locations").addObject();
                location.putObject("physicalLocation").putObject("artifactLocation").put("uri", repository.template());
                location.putArray("logicalLocations").addObject()
                        .put("name", repository.logicalId())
                        .put("fullyQualifiedName", repository.path())
                        .put("kind", "resource");
                if (control.status() == Status.EXCEPTION) {
                    result.putArray("suppressions").addObject()
                            .put("kind", "inSource")
                            .put("justification", control.detail());
                }
            }
        }
        try {
            return JSON.writeValueAsString(sarif) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the compliance report as SARIF", e);
        }
    }
}
