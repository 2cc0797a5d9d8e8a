package snapshots;

import com.fasterxml.jackson.databind.node.TextNode;
import org.json.JSONException;
import org.skyscreamer.jsonassert.FieldComparisonFailure;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict structural comparison of a snapshot with a synthesized template (JSONassert, {@code STRICT}:
 * no extra fields, arrays in order), and a readable list of the differences, each naming its JSON path.
 */
final class SnapshotDiff {

    private static final int MAX_VALUE_LENGTH = 300;

    private SnapshotDiff() {
    }

    /** The differences, one entry per JSON path; empty when the two are equal. */
    static List<String> differences(String snapshotJson, String actualJson, String snapshotName) {
        JSONCompareResult result;
        try {
            result = JSONCompare.compareJSON(snapshotJson, actualJson, JSONCompareMode.STRICT);
        } catch (JSONException e) {
            throw new IllegalArgumentException("snapshot " + snapshotName + " is not valid JSON: " + e.getMessage()
                    + ". Restore it from git or rewrite it with " + StackSnapshots.UPDATE_HINT, e);
        }
        if (result.passed()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (FieldComparisonFailure f : result.getFieldFailures()) {
            lines.add("~ " + f.getField() + "\n      snapshot: " + describe(f.getExpected()) + "\n      now:      " + describe(f.getActual()));
        }
        for (FieldComparisonFailure f : result.getFieldMissing()) {
            lines.add("- " + path(f.getField(), f.getExpected()) + "  (in the snapshot, no longer synthesized)");
        }
        for (FieldComparisonFailure f : result.getFieldUnexpected()) {
            lines.add("+ " + path(f.getField(), f.getActual()) + "  (synthesized, not in the snapshot)");
        }
        // Failures JSONassert records only as text (an array whose length changed) have no newline.
        for (String segment : result.getMessage().split(" ; ")) {
            if (!segment.isBlank() && !segment.contains("\n")) {
                lines.add("~ " + segment.trim());
            }
        }
        return lines;
    }

    private static String path(String parent, Object key) {
        return parent == null || parent.isEmpty() ? String.valueOf(key) : parent + "." + key;
    }

    private static String describe(Object value) {
        String text = value instanceof String s ? TextNode.valueOf(s).toString() : String.valueOf(value);
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
