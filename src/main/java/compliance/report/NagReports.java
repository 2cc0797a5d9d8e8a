package compliance.report;

import compliance.NagReportCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cdk-nag's CSV report ({@code Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info},
 * every field double-quoted, quotes doubled inside).
 */
final class NagReports {

    private NagReports() {
    }

    static NagReportSummary summarize(String name, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int compliant = 0;
        int nonCompliant = 0;
        int suppressed = 0;
        int unknown = 0;
        List<String> failing = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            List<String> fields = NagReportCsv.fields(line);
            if (fields.size() <= NagReportCsv.COMPLIANCE) {
                continue;
            }
            switch (fields.get(NagReportCsv.COMPLIANCE)) {
                case "Compliant" -> compliant++;
                case "Non-Compliant" -> {
                    nonCompliant++;
                    failing.add(fields.get(0) + " " + fields.get(1) + (fields.size() > 5 ? ": " + fields.get(5) : ""));
                }
                case "Suppressed" -> suppressed++;
                default -> unknown++;
            }
        }
        return new NagReportSummary(name, compliant, nonCompliant, suppressed, unknown, failing);
    }
}
