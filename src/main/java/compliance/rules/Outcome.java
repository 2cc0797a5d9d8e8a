package compliance.rules;

import io.github.cdklabs.cdknag.NagRuleCompliance;

import java.util.List;

/**
 * What a rule found on one resource. Non-compliant outcomes may carry finding ids
 * ({@code Action::ecr:*}); cdk-nag reports each as {@code EcrBlueprint-IAM3[Action::ecr:*]} and a
 * suppression can name them in {@code appliesTo}.
 */
public record Outcome(NagRuleCompliance compliance, List<String> findings) {

    public Outcome {
        findings = List.copyOf(findings);
    }

    public static Outcome compliant() {
        return new Outcome(NagRuleCompliance.COMPLIANT, List.of());
    }

    public static Outcome notApplicable() {
        return new Outcome(NagRuleCompliance.NOT_APPLICABLE, List.of());
    }

    public static Outcome nonCompliant() {
        return new Outcome(NagRuleCompliance.NON_COMPLIANT, List.of());
    }

    /** Compliant when there are no findings, otherwise non-compliant with one entry per finding. */
    public static Outcome of(List<String> findings) {
        return findings.isEmpty() ? compliant() : new Outcome(NagRuleCompliance.NON_COMPLIANT, findings);
    }

    public static Outcome when(boolean compliant) {
        return compliant ? compliant() : nonCompliant();
    }

    /** The value cdk-nag's rule callback expects: the compliance, or the list of finding ids. */
    public Object toNagResult() {
        return findings.isEmpty() ? compliance : findings;
    }
}
