package compliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last synthesis wrote into a cloud assembly, read from its {@code manifest.json} (and those of nested
 * assemblies, one per {@code Stage}): its stacks' template files, and the errors it recorded. A directory walk would also
 * find templates of stacks an earlier synthesis wrote and this one no longer has.
 *
 * @param templates stack template files, in manifest order
 * @param stacks    the stacks' artifact ids (the stack name for a top-level stack), in the same order
 * @param errors    errors the synthesis recorded (cdk-nag findings, construct validations; {@code cdk synth} fails on
 *                  them) and failed CloudFormation validation reports, each as {@code <construct path>: <message>}
 */
public record CloudAssemblyManifest(List<Path> templates, List<String> stacks, List<String> errors) {

    public static final String MANIFEST = "manifest.json";
    static final String VALIDATION_REPORT = "validation-report.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public CloudAssemblyManifest {
        templates = List.copyOf(templates);
        stacks = List.copyOf(stacks);
        errors = List.copyOf(errors);
    }

    /** Whether {@code directory} is a cloud assembly at all. */
    public static boolean isAssembly(Path directory) {
        return Files.isRegularFile(directory.resolve(MANIFEST));
    }

    /** The manifest of the assembly in {@code directory}; throws UncheckedIOException when it cannot be read. */
    public static CloudAssemblyManifest read(Path directory) {
        List<Path> templates = new ArrayList<>();
        List<String> stacks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        collect(directory, templates, stacks, errors);
        Path report = directory.resolve(VALIDATION_REPORT);
        if (Files.isRegularFile(report)) {
            for (JsonNode plugin : readJson(report).path("pluginReports")) {
                if ("failure".equalsIgnoreCase(plugin.path("summary").path("status").asText())) {
                    errors.add(VALIDATION_REPORT + ": " + plugin.path("summary").path("pluginName").asText("validation") + " failed");
                }
            }
        }
        return new CloudAssemblyManifest(templates, stacks, errors);
    }

    private static void collect(Path directory, List<Path> templates, List<String> stacks, List<String> errors) {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new UncheckedIOException(new IOException(manifest + " is missing: not a cloud assembly"));
        }
        readJson(manifest).path("artifacts").properties().forEach(entry -> {
            JsonNode artifact = entry.getValue();
            JsonNode properties = artifact.path("properties");
            artifact.path("metadata").properties().forEach(path -> {
                for (JsonNode item : path.getValue()) {
                    if ("aws:cdk:error".equals(item.path("type").asText())) {
                        errors.add(path.getKey() + ": " + item.path("data").asText());
                    }
                }
            });
            switch (artifact.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    templates.add(directory.resolve(properties.path("templateFile").asText()));
                    stacks.add(entry.getKey());
                }
                case "cdk:cloud-assembly" -> collect(directory.resolve(properties.path("directoryName").asText()),
                        templates, stacks, errors);
                default -> {
                }
            }
        });
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }
}
