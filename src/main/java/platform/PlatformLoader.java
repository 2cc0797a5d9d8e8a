package platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a platform file (YAML, or JSON, which is YAML too) into the validated {@link Platform} model. The one place
 * that validates: shape (keys, types, formats) and rules across sections are checked together and every problem is
 * reported at once, each with its path, line and a hint. What the caller does with a failure (exit code) is its own.
 */
public final class PlatformLoader {

    private PlatformLoader() {
    }

    /**
     * The validated platform of a file; throws {@link PlatformFileException} naming every problem.
     *
     * @param file the platform file (YAML or JSON)
     * @return the validated platform of a file
     */
    public static Platform load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PlatformFileException(file + ": platform file not found. Hint: give an existing YAML or JSON file,"
                    + " e.g. `cdk synth -c platform=examples/ecommerce/platform.yaml`.");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PlatformFileException(file + ": cannot read the platform file (" + e.getMessage() + ").");
        }
        return parse(file.toString(), text);
    }

    /**
     * The validated platform of YAML or JSON text; {@code source} names it in messages (a file name).
     * Tests build platforms from inline text with it.
     *
     * @param source the name messages give the text, e.g. a file name
     * @param text the platform file's content
     * @return the validated platform of YAML or JSON text
     */
    public static Platform parse(String source, String text) {
        LocatedYaml.Result parsed;
        try {
            parsed = LocatedYaml.read(text);
        } catch (JsonProcessingException e) {
            throw new PlatformFileException(source + ": not a valid platform file: not YAML or JSON of the expected shape"
                    + describe(e) + ". Hint: see examples/ecommerce/platform.yaml for the format.");
        } catch (IOException e) {
            throw new PlatformFileException(source + ": cannot read the platform file (" + e.getMessage() + ").");
        }
        JsonNode root = parsed.root();
        if (root == null || root.isNull() || (root.isObject() && root.isEmpty())) {
            throw new PlatformFileException(source + ": the platform file is empty. Hint: see examples/ecommerce/platform.yaml.");
        }
        if (!root.isObject()) {
            throw new PlatformFileException(source + ": not a valid platform file: the top level must be a mapping of keys"
                    + " (platform, environments, services, ...). Hint: see examples/ecommerce/platform.yaml for the format.");
        }
        if (parsed.moreDocuments() != null) {
            throw new PlatformFileException(source + ": not a valid platform file: a second YAML document follows (its content starts at line "
                    + parsed.moreDocuments() + "). Hint: keep one platform in a file, one file per platform.");
        }
        Problems problems = new Problems(parsed.lines());
        for (LocatedYaml.Duplicate duplicate : parsed.duplicates()) {
            problems.add(duplicate.path(), "key \"" + duplicate.key() + "\" is given twice here; the second would silently win",
                    "keep one");
        }
        Platform platform = new PlatformBinder(problems).bind(root);
        PlatformValidator.validate(platform, problems);
        if (!problems.isEmpty()) {
            List<Problem> sorted = problems.sorted();
            throw new PlatformFileException(message(source, sorted), sorted);
        }
        return platform;
    }

    /**
     * The problems of a platform built in Java (no lines); empty when valid. For code that builds the model without a
     * file; a loaded platform has already passed.
     *
     * @param platform the platform, as loaded from the platform file
     * @return the problems of a platform built in Java (no lines)
     */
    public static List<Problem> validate(Platform platform) {
        Problems problems = new Problems(Map.of());
        PlatformValidator.validate(platform, problems);
        return problems.sorted();
    }

    /** {@code <source>: N problems}, then one indented line a problem. */
    static String message(String source, List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return source + ": " + count + "\n" + problems.stream().map(p -> "  " + p.render()).collect(Collectors.joining("\n"));
    }

    /**
     * One line: where the parser stopped and why. SnakeYAML's own text spans several lines with a
     * source snippet and caret; only its sentences are kept.
     */
    private static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String why = e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("in '"))
                .map(String::strip)
                .reduce((a, b) -> a + ": " + b)
                .orElse("");
        return where + " (" + why + ")";
    }
}
