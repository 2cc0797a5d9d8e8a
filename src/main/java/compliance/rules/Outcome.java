package compliance.rules;

import java.util.List;

/**
 * What a rule found on one resource. Non-compliant outcomes may carry finding ids
 * ({@code Action::ecr:*}); each is reported as {@code EcrBlueprint-NoWildcardActions[Action::ecr:*]} and a
 * suppression can name them in {@code appliesTo}, as cdk-nag's own granular rules do.
 *
 * @param status   compliant, non-compliant or not applicable
 * @param findings the finding ids of a non-compliant outcome; empty otherwise
 */
public record Outcome(Status status, List<String> findings) {

    /** Whether a rule holds for a resource. */
    public enum Status {
        /** The resource follows the rule. */
        COMPLIANT,
        /** The resource breaks the rule. */
        NON_COMPLIANT,
        /** The rule does not apply to this resource (for example an asymmetric key and rotation). */
        NOT_APPLICABLE
    }

    public Outcome {
        findings = List.copyOf(findings);
    }

    public static Outcome compliant() {
        return new Outcome(Status.COMPLIANT, List.of());
    }

    public static Outcome notApplicable() {
        return new Outcome(Status.NOT_APPLICABLE, List.of());
    }

    public static Outcome nonCompliant() {
        return new Outcome(Status.NON_COMPLIANT, List.of());
    }

    /** Compliant when there are no findings, otherwise non-compliant with one entry per finding. */
    public static Outcome of(List<String> findings) {
        return findings.isEmpty() ? compliant() : new Outcome(Status.NON_COMPLIANT, findings);
    }

    public static Outcome when(boolean compliant) {
        return compliant ? compliant() : nonCompliant();
    }
}
