package validation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One finding of the CloudFormation validator on one template, as a validation worker reports it
 * ({@code cloudformation-validate-worker.js}).
 *
 * @param ruleId       the validator's rule, for example {@code E3012}
 * @param severity     the validator's severity: {@code FATAL}, {@code ERROR}, {@code WARN}, {@code INFO} or {@code DEBUG}
 * @param logicalId    the resource's logical ID, or null when the finding is about the template (an output, a parameter)
 * @param propertyPath where in the resource, for example {@code Properties.RepositoryName}; null when not known
 * @param message      what is wrong
 * @param suggestedFix how to fix it; null when the rule has none
 * @param category     the rule's category; null when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateDiagnostic(String ruleId, String severity, String logicalId, String propertyPath,
                                 String message, String suggestedFix, String category) {
}
