package cli;

import compliance.report.ComplianceReport;
import compliance.report.Format;
import compliance.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import validation.CloudAssembly;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code report [--cdk-out cdk.out] [--format md|json|sarif|all]}: writes the ECR compliance report
 * of a synthesized cloud assembly next to its templates and prints the files written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the ECR compliance report (Security Hub, Control Tower, Checkov controls per repository, "
                + "documented exceptions, cdk-nag suppressions) of a synthesized cloud assembly next to its templates.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
                "0:report written, every control passes or has a documented exception",
                "1:report written, some control fails",
                "2:no usable cloud assembly (run cdk synth first; an assembly whose synthesis failed is refused) or a bad option"})
public final class ReportCommand implements Callable<Integer> {

    public static final int COMPLIANT = 0;
    public static final int FAILURES = 1;
    public static final int UNUSABLE = 2;
    private static final int MAX_ERRORS_SHOWN = 10;

    @Option(names = "--cdk-out", paramLabel = "<dir>", defaultValue = "cdk.out",
            description = "The cloud assembly directory `cdk synth` wrote (default: ${DEFAULT-VALUE}).")
    private Path cdkOut;

    @Option(names = "--format", paramLabel = "md|json|sarif|all", defaultValue = "all",
            description = "Which report files to write (default: ${DEFAULT-VALUE}).")
    private String format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        List<Format> formats;
        try {
            formats = Format.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("error: --format " + e.getMessage());
            return UNUSABLE;
        }
        if (!Files.isDirectory(cdkOut)) {
            err.println("error: cloud assembly " + cdkOut + " does not exist: run `cdk synth` first, "
                    + "or name the directory with --cdk-out");
            return UNUSABLE;
        }
        if (!CloudAssembly.isAssembly(cdkOut)) {
            err.println("error: " + cdkOut + " is not a cloud assembly (it has no " + CloudAssembly.MANIFEST
                    + "): run `cdk synth` first, or name the directory with --cdk-out");
            return UNUSABLE;
        }
        ComplianceReport report;
        List<Path> written;
        try {
            CloudAssembly manifest = CloudAssembly.read(cdkOut);
            if (manifest.failedBefore().isPresent()) {
                err.println("error: the last synthesis into " + cdkOut + " failed before writing its templates: "
                        + manifest.failedBefore().get());
                err.println("Hint: fix that and run `cdk synth` again; "
                        + (manifest.stacks().isEmpty() ? "there is no assembly to report on."
                        : "the templates in " + cdkOut + " are from an earlier synthesis, so no report is written."));
                return UNUSABLE;
            }
            if (!manifest.errors().isEmpty()) {
                err.println("error: the last synthesis into " + cdkOut + " failed with " + manifest.errors().size()
                        + (manifest.errors().size() == 1 ? " error" : " errors") + ", so its templates are not what would"
                        + " deploy; no report is written. Fix them and run `cdk synth` again:");
                manifest.errors().stream().limit(MAX_ERRORS_SHOWN).forEach(e -> err.println("  " + e.lines().findFirst().orElse("")));
                if (manifest.errors().size() > MAX_ERRORS_SHOWN) {
                    err.println("  ... and " + (manifest.errors().size() - MAX_ERRORS_SHOWN) + " more");
                }
                return UNUSABLE;
            }
            report = ComplianceReport.read(cdkOut, manifest);
            if (report.templates().isEmpty()) {
                err.println("error: cloud assembly " + cdkOut + " holds no *.template.json: synthesis did not finish "
                        + "(cdk-nag errors fail it; see the cdk synth output)");
                return UNUSABLE;
            }
            written = ReportWriter.write(cdkOut, report, formats);
        } catch (UncheckedIOException e) {
            // Its own message is the cause's class and message ("java.io.IOException: ..."): the cause's says it all.
            err.println("error: " + e.getCause().getMessage());
            return UNUSABLE;
        }
        var out = spec.commandLine().getOut();
        written.forEach(out::println);
        out.println(report.repositories().size() + " repositories, " + report.failures() + " failing controls");
        return report.failures() == 0 ? COMPLIANT : FAILURES;
    }
}
