package compliance;

import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import software.constructs.IValidation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation {@link Compliance#applyTo} adds to a scope. It runs after every Aspect, so the
 * JavaScript packs (AwsSolutions, ...) have checked every resource and written their CSV reports by then:
 * <ol>
 *   <li>runs the {@link EcrBlueprintChecks} pack once on every stack of the scope's stage;</li>
 *   <li>reads each pack's CSV report of each stack and fails synthesis when a line is an unsuppressed
 *       error ({@code Non-Compliant} at level {@code Error}), so {@code app.synth()} fails in Java too, not
 *       only {@code cdk synth}. Only then are the stacks' annotations read (one round trip to Node per
 *       construct and entry), for messages with the rule's explanation.</li>
 * </ol>
 * Stacks inside a nested {@code Stage} are left to the validation of that stage, as Aspects are.
 */
final class ComplianceValidation implements IValidation {

    private final IConstruct scope;
    private final EcrBlueprintChecks ecrBlueprint;
    private final List<String> packNames;

    ComplianceValidation(IConstruct scope, EcrBlueprintChecks ecrBlueprint, List<String> packNames) {
        this.scope = scope;
        this.ecrBlueprint = ecrBlueprint;
        this.packNames = List.copyOf(packNames);
    }

    @Override
    public List<String> validate() {
        List<Stack> failing = new ArrayList<>();
        for (EcrBlueprintChecks.CheckedStack stack : ecrBlueprint.check(scope)) {
            if (stack.hasResources() && hasUnsuppressedError(stack)) {
                failing.add(stack.stack());
            }
        }
        return failing.isEmpty() ? List.of() : UnsuppressedErrors.in(failing);
    }

    private boolean hasUnsuppressedError(EcrBlueprintChecks.CheckedStack stack) {
        for (String pack : packNames) {
            Path report = stack.report(pack);
            if (!Files.exists(report)) {
                continue;
            }
            try {
                if (Files.readAllLines(report).stream().anyMatch(NagReportCsv::isUnsuppressedError)) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the compliance report " + report, e);
            }
        }
        return false;
    }
}
