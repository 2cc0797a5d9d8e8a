package compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * cdk-nag's CSV report ({@code NagReportLogger}): one file {@code <pack>-<stack>-NagReport.csv} per pack and
 * stack, a header, then one line per rule result with every field quoted and quotes doubled. The one place
 * that knows the format: {@link EcrBlueprintValidation} writes the EcrBlueprint pack's report, the compliance
 * report reads them all. Nothing fails on these files: unsuppressed errors fail through the CDK's validation report.
 */
public final class NagReportCsv {

    public static final String FILE_SUFFIX = "-NagReport.csv";

    public static final String HEADER = "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info";

    /** Column of the compliance ({@code Compliant}, {@code Non-Compliant}, {@code Suppressed}, ...). */
    public static final int COMPLIANCE = 2;

    private NagReportCsv() {
    }

    public static String fileName(String packName, String stackName) {
        return packName + "-" + stackName + FILE_SUFFIX;
    }

    /** A report line: every field quoted, quotes doubled. */
    public static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            line.append(line.isEmpty() ? "" : ",").append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

    /** The fields of a report line (quoted or not). */
    public static List<String> fields(String line) {
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
