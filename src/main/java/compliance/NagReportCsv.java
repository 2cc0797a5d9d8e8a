package compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * cdk-nag's CSV report ({@code NagReportLogger}): one file {@code <pack>-<stack>-NagReport.csv} per pack and
 * stack, a header, then one line per rule result with every field quoted and quotes doubled. The one place
 * that knows the format: {@link EcrBlueprintChecks} writes lines, {@link ComplianceValidation} and the
 * compliance report read them.
 */
public final class NagReportCsv {

    public static final String FILE_SUFFIX = "-NagReport.csv";

    public static final String HEADER = "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info";

    /** Column of the compliance ({@code Compliant}, {@code Non-Compliant}, {@code Suppressed}, ...). */
    public static final int COMPLIANCE = 2;

    /** Column of the rule level ({@code Error}, {@code Warning}). */
    public static final int LEVEL = 4;

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

    /** Whether a line is an error no suppression covers: {@code Non-Compliant} at level {@code Error}. */
    public static boolean isUnsuppressedError(String line) {
        List<String> fields = fields(line);
        return fields.size() > LEVEL && "Non-Compliant".equals(fields.get(COMPLIANCE)) && "Error".equals(fields.get(LEVEL));
    }
}
