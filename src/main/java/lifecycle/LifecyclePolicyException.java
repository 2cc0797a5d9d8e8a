package lifecycle;

import java.util.List;

/**
 * A lifecycle policy ECR would reject, or text that is not a lifecycle policy at all.
 * Carries every problem found, each a complete sentence naming the rule, the field, the rule
 * broken and the fix, so a caller can show them all at once.
 */
public class LifecyclePolicyException extends IllegalArgumentException {

    private final List<String> problems;

    public LifecyclePolicyException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found (policy-wide first, then rule by rule). */
    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        StringBuilder text = new StringBuilder("lifecycle policy is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
