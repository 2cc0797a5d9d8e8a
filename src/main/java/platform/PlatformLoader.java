package platform;

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
        return load(file, List.of());
    }

    /**
     * The validated platform of a file, checked also by rules about what the stacks derive from it; throws
     * {@link PlatformFileException} naming every problem.
     *
     * @param file the platform file (YAML or JSON)
     * @param derived rules about what the stacks derive from the platform, run once the file's own rules pass
     * @return the validated platform of a file
     */
    public static Platform load(Path file, List<DerivedRule> derived) {
        if (Files.isDirectory(file)) {
            throw new PlatformFileException(file + ": is a directory, not a platform file. Hint: name the YAML or JSON file"
                    + " in it, e.g. " + file.resolve("platform.yaml") + ".");
        }
        if (!Files.exists(file)) {
            throw new PlatformFileException(file + ": platform file not found. Hint: give an existing YAML or JSON file,"
                    + " e.g. `cdk synth -c platform=examples/ecommerce/platform.yaml`.");
        }
        if (!Files.isRegularFile(file)) {
            throw new PlatformFileException(file + ": is not a regular file (a device, pipe or socket). Hint: give the"
                    + " platform file itself.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new PlatformFileException(file + ": cannot read the platform file: permission denied. Hint: check the"
                    + " file's permissions (ls -l " + file + ").");
        } catch (IOException e) {
            throw new PlatformFileException(file + ": cannot read the platform file (" + e.getMessage() + ").");
        }
        return parse(file.toString(), utf8(file, bytes), derived);
    }

    /** The text of a file that must be UTF-8 (YAML 1.2 and JSON are; an editor may have saved Latin-1 or UTF-16). */
    private static String utf8(Path file, byte[] bytes) {
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new PlatformFileException(file + ": is not UTF-8 text (the first byte that is not UTF-8 is on line " + line
                    + "). Hint: save the file as UTF-8.");
        }
        decoder.flush(out);
        return out.flip().toString();
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
        return parse(source, text, List.of());
    }

    /**
     * The validated platform of YAML or JSON text, checked also by rules about what the stacks derive from it.
     *
     * @param source the name messages give the text, e.g. a file name
     * @param text the platform file's content
     * @param derived rules about what the stacks derive from the platform, run once the file's own rules pass
     * @return the validated platform of YAML or JSON text
     */
    public static Platform parse(String source, String text, List<DerivedRule> derived) {
        LocatedYaml.Result parsed;
        try {
            parsed = LocatedYaml.read(text);
        } catch (LocatedYaml.SyntaxError e) {
            throw new PlatformFileException(source + ": not a valid platform file: not YAML or JSON of the expected shape"
                    + describe(e) + ". Hint: see examples/ecommerce/platform.yaml for the format.");
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
        Problems problems = new Problems(parsed.lines(), parsed.written());
        for (LocatedYaml.Duplicate duplicate : parsed.duplicates()) {
            problems.add(duplicate.path(), "key \"" + duplicate.key() + "\" is given twice here; the second would silently win",
                    "keep one");
        }
        Platform platform = new PlatformBinder(problems).bind(root);
        PlatformValidator.validate(platform, problems);
        if (problems.isEmpty()) {
            // Derived rules read the model as the stacks will (every reference resolved): only a valid one.
            for (DerivedRule rule : derived) {
                rule.check(platform).forEach(p -> problems.add(p.path(), p.what(), p.hint()));
            }
        }
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

    /** Where the parser stopped and why, on one line. */
    private static String describe(LocatedYaml.SyntaxError e) {
        String where = e.line == null ? "" : " at line " + e.line + (e.column == null ? "" : ", column " + e.column);
        return where + " (" + e.getMessage() + ")";
    }
}
