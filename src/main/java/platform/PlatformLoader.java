package platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a platform file (YAML, or JSON, which is YAML too) into the validated {@link Platform} model. */
public final class PlatformLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlatformLoader() {
    }

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

    static Platform parse(String source, String text) {
        RawPlatform raw;
        try {
            raw = YAML.readValue(text, RawPlatform.class);
        } catch (JsonProcessingException e) {
            throw new PlatformFileException(source + ": not a valid platform file: not YAML or JSON of the expected shape"
                    + describe(e) + ". Hint: see examples/ecommerce/platform.yaml for the format.");
        }
        if (raw == null) {
            throw new PlatformFileException(source + ": the platform file is empty. Hint: see examples/ecommerce/platform.yaml.");
        }
        return new Platform(raw.platform(),
                raw.environments() == null ? List.of() : raw.environments(),
                raw.services() == null ? List.of() : raw.services());
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

    /** The file as written, before validation. */
    record RawPlatform(String platform, List<Environment> environments, List<Service> services) {
    }
}
