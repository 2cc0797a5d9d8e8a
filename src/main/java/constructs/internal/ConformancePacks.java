package constructs.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;

import java.util.ArrayList;
import java.util.List;

/**
 * Internal, not API: cdk-nag's conformance packs whose rules share names (NIST 800-53 rev 5, HIPAA Security,
 * PCI DSS 3.2.1), so that a finding all three report is answered once, with one reason, in each pack's rule id.
 */
public final class ConformancePacks {

    /** The rule-id prefixes of the three packs, as cdk-nag writes them. */
    public static final List<String> RULE_PREFIXES = List.of("NIST.800.53.R5", "HIPAA.Security", "PCI.DSS.321");

    private ConformancePacks() {
    }

    /**
     * The suppressions of {@code rule} in each pack, with {@code reason}.
     *
     * @param rule the rule's name without the pack prefix, e.g. {@code IAMNoInlinePolicy}
     * @param reason why the finding does not apply
     * @return one suppression a pack
     */
    public static List<NagPackSuppression> suppress(String rule, String reason) {
        List<NagPackSuppression> suppressions = new ArrayList<>();
        for (String pack : RULE_PREFIXES) {
            suppressions.add(NagPackSuppression.builder().id(pack + "-" + rule).reason(reason).build());
        }
        return suppressions;
    }
}
