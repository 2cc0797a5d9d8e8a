package compliance.rules;

import io.github.cdklabs.cdknag.NagMessageLevel;
import software.amazon.awscdk.CfnResource;

/**
 * One rule of the {@code EcrBlueprint} cdk-nag pack: what it checks ({@link #info()}), why it
 * matters and how to fix it ({@link #explanation()}), and the check itself on one L1 resource.
 */
public interface EcrRule {

    /** The id suffix: the finding is reported as {@code EcrBlueprint-<suffix>}. */
    String suffix();

    /** What the rule checks, one sentence. */
    String info();

    /** Why it matters and the fix, one or two sentences. */
    String explanation();

    /** Every rule of the pack is an error: an unsuppressed finding fails synthesis. */
    default NagMessageLevel level() {
        return NagMessageLevel.ERROR;
    }

    /** Whether the rule looks at this kind of resource at all (checked in Java, saving a round trip to Node). */
    boolean appliesTo(CfnResource node);

    /** Called only when {@link #appliesTo} is true, with the resource's resolved properties. */
    Outcome evaluate(CheckedResource resource);
}
