package snapshots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the allow-list file: a YAML list of {@link AllowedReplacement} entries. A missing file is an
 * empty list. Every problem of every entry is reported at once.
 */
final class AllowList {

    private AllowList() {
    }

    static List<AllowedReplacement> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<AllowedReplacement> entries;
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return List.of();
            }
            entries = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text, new TypeReference<List<AllowedReplacement>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("allow-list " + file + " is not a YAML list of {stack, logicalId, reason,"
                    + " reviewedBy} entries: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read allow-list " + file, e);
        }
        if (entries == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AllowedReplacement entry = entries.get(i);
            String where = "entry " + (i + 1);
            if (entry == null) {
                problems.add(where + " is empty");
                continue;
            }
            requireText(problems, where, "stack", entry.stack());
            requireText(problems, where, "logicalId", entry.logicalId());
            requireText(problems, where, "reason", entry.reason());
            requireText(problems, where, "reviewedBy", entry.reviewedBy());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("allow-list " + file + " is invalid: " + String.join("; ", problems));
        }
        return List.copyOf(entries);
    }

    private static void requireText(List<String> problems, String where, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(where + ": " + field + " is missing (every entry needs stack, logicalId, reason and reviewedBy)");
        } else if (value.strip().startsWith("<")) {
            problems.add(where + ": " + field + " \"" + value + "\" is still a placeholder: write the real value");
        }
    }
}
