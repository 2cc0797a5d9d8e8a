package validation;

import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the validator's diagnostics into the report aws-cdk-lib's {@code CloudFormationValidatePlugin}
 * returns, field for field, so that the CDK prints, downgrades and acknowledges them exactly as it does its
 * own: one violation per rule and severity, listing every resource it was found on, in the order found.
 * {@code ParallelTemplateValidationTest} compares the two reports of the same templates.
 */
final class ValidationReport {

    /** One template and what the validator found in it. */
    record TemplateFindings(String stackConstructPath, String templatePath, List<TemplateDiagnostic> diagnostics) {
    }

    private ValidationReport() {
    }

    static PolicyValidationPluginReport of(List<TemplateFindings> templates) {
        Map<String, Violation> violations = new LinkedHashMap<>();
        for (TemplateFindings template : templates) {
            for (TemplateDiagnostic diagnostic : template.diagnostics()) {
                String severity = severity(diagnostic.severity());
                PolicyViolatingResource resource = PolicyViolatingResource.builder()
                        .resourceLogicalId(diagnostic.logicalId())
                        .constructPath(diagnostic.logicalId() == null ? template.stackConstructPath() : null)
                        .templatePath(template.templatePath())
                        .locations(diagnostic.propertyPath() == null ? List.of() : List.of(diagnostic.propertyPath()))
                        .build();
                violations.computeIfAbsent(diagnostic.ruleId() + "\n" + severity, key -> new Violation(diagnostic, severity))
                        .resources.add(resource);
            }
        }
        List<PolicyViolation> result = new ArrayList<>(violations.size());
        boolean success = true;
        for (Violation violation : violations.values()) {
            result.add(violation.build());
            success &= !violation.severity.equals("error");
        }
        return PolicyValidationPluginReport.builder().success(success).violations(result).build();
    }

    /** The CDK's names for the validator's severities; FATAL and ERROR both fail, anything unknown warns. */
    static String severity(String validatorSeverity) {
        return switch (validatorSeverity == null ? "" : validatorSeverity) {
            case "FATAL", "ERROR" -> "error";
            case "WARN" -> "warning";
            case "INFO" -> "informational";
            case "DEBUG" -> "debug";
            default -> "warning";
        };
    }

    /** A violation's first diagnostic gives its description; later ones only add resources. */
    private static final class Violation {
        final TemplateDiagnostic first;
        final String severity;
        final List<PolicyViolatingResource> resources = new ArrayList<>();

        Violation(TemplateDiagnostic first, String severity) {
            this.first = first;
            this.severity = severity;
        }

        PolicyViolation build() {
            String where = first.propertyPath() == null ? "" : first.propertyPath().replaceFirst("^Properties\\.", "") + ": ";
            return PolicyViolation.builder()
                    .ruleName(first.ruleId())
                    .description(where + first.message())
                    .severity(severity)
                    .fix(first.suggestedFix())
                    .violatingResources(resources)
                    .ruleMetadata(first.category() == null ? null : Map.of("category", first.category()))
                    .build();
        }
    }
}
