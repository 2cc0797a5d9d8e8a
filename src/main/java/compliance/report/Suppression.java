package compliance.report;

import java.util.List;

/**
 * A cdk-nag suppression found in template metadata ({@code cdk_nag.rules_to_suppress}).
 *
 * @param path      the construct path of the resource, or {@code (stack)} for a stack-wide suppression
 * @param appliesTo the granular findings it covers; empty when it covers the whole rule
 */
public record Suppression(String template, String path, String ruleId, String reason, List<String> appliesTo) {

    public Suppression {
        appliesTo = List.copyOf(appliesTo);
    }
}
