package compliance;

import compliance.rules.EcrRule;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagReportFormat;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place that touches cdk-nag packs: a later cdk-nag major version changes this file only.
 *
 * <p>{@link #applyTo} adds AwsSolutions and the selected optional {@link Pack}s as read-only Aspects
 * (they run after Tags and other mutating aspects, so they see the final resources), and registers the
 * policy-validation plugin {@link EcrBlueprintValidation}, which runs our {@link EcrBlueprintChecks} on the written
 * templates and fails synthesis, through the CDK's validation report, on every error left unsuppressed (ours and the
 * packs' error annotations), listing each rule id, the resource, what is wrong and the fix. Every pack writes verbose
 * messages and a CSV report per stack in the cloud assembly directory.
 *
 * <p>Aspects do not cross Stage boundaries: Aspects added to an App never reach the stacks inside
 * a {@code Stage} (for example a CDK Pipelines stage). Call {@code applyTo} on the App for stacks
 * created directly in it, and on every Stage for the stacks inside that Stage.
 */
public final class Compliance {

    private Compliance() {
    }

    /** AwsSolutions, {@code packs} and the EcrBlueprint pack with {@link EcrBlueprintRules#all()}. */
    public static void applyTo(Construct scope, Set<Pack> packs) {
        applyTo(scope, packs, EcrBlueprintRules.all());
    }

    /** As {@link #applyTo(Construct, Set)} with our pack's rules chosen by the caller (e.g. a stricter lifecycle validator). */
    public static void applyTo(Construct scope, Set<Pack> packs, List<EcrRule> ecrBlueprintRules) {
        NagPackProps props = NagPackProps.builder()
                .verbose(true)
                .reports(true)
                // CSV only: cdk-nag rewrites the whole JSON report for every line, quadratic in the findings.
                .reportFormats(List.of(NagReportFormat.CSV))
                .build();
        AspectOptions readOnly = AspectOptions.builder().priority(AspectPriority.READONLY).build();
        for (NagPack pack : javaScriptPacks(props, packs)) {
            Aspects.of(scope).add(pack, readOnly);
        }
        EcrBlueprintValidation.register(scope instanceof Stage stage ? stage : Stage.of(scope), ecrBlueprintRules);
    }

    /** AwsSolutions and the selected packs, which run in Node as Aspects. */
    private static List<NagPack> javaScriptPacks(NagPackProps props, Set<Pack> selected) {
        List<NagPack> packs = new ArrayList<>();
        packs.add(new AwsSolutionsChecks(props));
        // Fixed order, whatever the order of the set, so reports and messages are stable.
        for (Pack pack : Pack.values()) {
            if (selected.contains(pack)) {
                packs.add(switch (pack) {
                    case NIST_800_53_R5 -> new NIST80053R5Checks(props);
                    case HIPAA_SECURITY -> new HIPAASecurityChecks(props);
                    case PCI_DSS_321 -> new PCIDSS321Checks(props);
                });
            }
        }
        return packs;
    }
}
