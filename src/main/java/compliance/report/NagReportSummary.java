package compliance.report;

import java.util.List;

/**
 * The totals of one cdk-nag report file ({@code <pack>-<stack>-NagReport.csv}) and its
 * non-compliant lines.
 */
public record NagReportSummary(String file, int compliant, int nonCompliant, int suppressed, int unknown,
                               List<String> nonCompliantLines) {

    public NagReportSummary {
        nonCompliantLines = List.copyOf(nonCompliantLines);
    }
}
