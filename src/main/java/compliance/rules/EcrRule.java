package compliance.rules;

import java.util.Set;

/**
 * One rule of the {@code EcrBlueprint} pack, evaluated on the written templates: its id, what it checks
 * ({@link #info()}), why it matters ({@link #explanation()}), the fix, where AWS (or another catalog) states it,
 * and the check itself on one resource.
 */
public interface EcrRule {

    /** The rule's id, which says what it checks: {@code EcrBlueprint-ScanOnPush}. Suppressions name it. */
    String id();

    /**
     * The numbered id the rule had before (for example {@code EcrBlueprint-ECR1}); suppressions that name it are
     * still honoured, and reported as deprecated. Null for rules that never had one.
     */
    String legacyId();

    /** What the rule checks, one sentence. */
    String info();

    /** Why it matters, one or two sentences. */
    String explanation();

    /** How to fix a finding, one or two sentences. */
    String fix();

    /** Where the practice is stated: the Security Hub, Control Tower or Checkov control, or the AWS quota. */
    String source();

    /** The CloudFormation resource types the rule looks at. */
    Set<String> resourceTypes();

    /** Called only for resources of {@link #resourceTypes()}. */
    Outcome evaluate(TemplateResource resource);
}
