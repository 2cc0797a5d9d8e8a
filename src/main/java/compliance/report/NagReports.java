package compliance.report;

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
            List<String> fields = fields(line);
            if (fields.size() < 3) {
                continue;
            }
            switch (fields.get(2)) {
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

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
