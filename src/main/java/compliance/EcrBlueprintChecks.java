package compliance;

import compliance.rules.EcrRule;
import compliance.rules.Outcome;
import compliance.rules.StackTemplate;
import compliance.rules.TemplateResource;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #PACK_NAME} pack: Amazon ECR practice that AwsSolutions does not cover (its only ECR rule is
 * AwsSolutions-ECR1, "no open repository policy"), evaluated on a written template. The rules are listed in
 * {@link EcrBlueprintRules}; cdk-nag suppressions in the template's metadata apply to them as to cdk-nag's own
 * rules, by the rule's id or by its deprecated numbered id ({@link EcrRule#legacyId()}).
 *
 * <p>{@link EcrBlueprintValidation} runs it on every template of a synthesis; tests run it on a template directly.
 */
public final class EcrBlueprintChecks {

    /** The pack's name, the prefix of every rule id and of its CSV report file. */
    public static final String PACK_NAME = "EcrBlueprint";

    private final List<EcrRule> rules;

    /** The pack with {@code rules}. */
    public EcrBlueprintChecks(List<EcrRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The outcome of a rule on one resource, one per finding. */
    public enum Status {
        /** The resource follows the rule. */
        COMPLIANT,
        /** The resource breaks the rule and no suppression covers it: synthesis fails. */
        NON_COMPLIANT,
        /** The resource breaks the rule and a suppression with a reason covers it. */
        SUPPRESSED
    }

    /**
     * One rule on one resource (one finding of a granular rule).
     *
     * @param rule        the rule
     * @param resource    the resource
     * @param finding     the finding ({@code Action::ecr:*}), or null for a rule without findings
     * @param status      compliant, non-compliant or suppressed
     * @param suppression the suppression that covers a suppressed result; null otherwise
     */
    public record Result(EcrRule rule, TemplateResource resource, String finding, Status status, NagSuppression suppression) {

        /** The id as cdk-nag would print it: {@code EcrBlueprint-NoWildcardActions[Action::ecr:*]}. */
        public String findingId() {
            return rule.id() + (finding == null ? "" : "[" + finding + "]");
        }

        /** The reason of the suppression, null when not suppressed. */
        public String reason() {
            return suppression == null ? null : suppression.reason();
        }

        /** Whether the covering suppression names the rule by its deprecated numbered id. */
        public boolean suppressedByLegacyId() {
            return suppression != null && !suppression.id().equals(rule.id());
        }
    }

    /** Every rule on every resource of its types, in template order and then rule order; not-applicable ones left out. */
    public List<Result> check(StackTemplate template) {
        List<NagSuppression> stackWide = NagSuppression.in(template.metadata());
        List<Result> results = new ArrayList<>();
        for (TemplateResource resource : template.resources()) {
            List<NagSuppression> suppressions = null;
            for (EcrRule rule : rules) {
                if (!rule.resourceTypes().contains(resource.type())) {
                    continue;
                }
                Outcome outcome = rule.evaluate(resource);
                switch (outcome.status()) {
                    case NOT_APPLICABLE -> {
                    }
                    case COMPLIANT -> results.add(new Result(rule, resource, null, Status.COMPLIANT, null));
                    case NON_COMPLIANT -> {
                        if (suppressions == null) {
                            suppressions = new ArrayList<>(NagSuppression.in(resource.metadata()));
                            suppressions.addAll(stackWide);
                        }
                        List<String> findings = outcome.findings().isEmpty() ? java.util.Collections.singletonList(null) : outcome.findings();
                        for (String finding : findings) {
                            NagSuppression covering = covering(suppressions, rule, finding);
                            results.add(new Result(rule, resource, finding,
                                    covering == null ? Status.NON_COMPLIANT : Status.SUPPRESSED, covering));
                        }
                    }
                }
            }
        }
        return results;
    }

    /** The first suppression naming the rule's id, else the first naming its deprecated id; null when none. */
    private static NagSuppression covering(List<NagSuppression> suppressions, EcrRule rule, String finding) {
        for (String id : rule.legacyId() == null ? List.of(rule.id()) : List.of(rule.id(), rule.legacyId())) {
            for (NagSuppression suppression : suppressions) {
                if (suppression.covers(id, finding)) {
                    return suppression;
                }
            }
        }
        return null;
    }
}
