package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack templates of a cloud assembly and their environments, read from its {@code manifest.json}
 * (and those of nested assemblies, one per {@code Stage}). The CDK validates templates one environment at a
 * time; knowing all of them at the first call lets the workers validate every environment at once.
 */
final class AssemblyTemplates {

    /** A template and the account and region the CDK will validate it for (null when not known). */
    record StackTemplate(Path template, String accountId, String region) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssemblyTemplates() {
    }

    /** The outermost directory holding a manifest.json among {@code directory} and its ancestors. */
    static Path root(Path directory) {
        Path root = directory;
        for (Path candidate = directory; candidate != null && Files.isRegularFile(candidate.resolve("manifest.json"));
             candidate = candidate.getParent()) {
            root = candidate;
        }
        return root;
    }

    /** Every stack template of the assembly in {@code directory}, nested assemblies included. */
    static List<StackTemplate> in(Path directory) {
        List<StackTemplate> templates = new ArrayList<>();
        collect(directory, templates);
        return templates;
    }

    private static void collect(Path directory, List<StackTemplate> templates) {
        Path manifest = directory.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        JsonNode artifacts;
        try {
            artifacts = JSON.readTree(manifest.toFile()).path("artifacts");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        artifacts.properties().forEach(entry -> {
            JsonNode artifact = entry.getValue();
            JsonNode properties = artifact.path("properties");
            switch (artifact.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    String[] environment = environment(artifact.path("environment").asText());
                    templates.add(new StackTemplate(directory.resolve(properties.path("templateFile").asText()),
                            environment[0], environment[1]));
                }
                case "cdk:cloud-assembly" -> collect(directory.resolve(properties.path("directoryName").asText()), templates);
                default -> {
                }
            }
        });
    }

    /** {@code aws://123456789012/eu-west-1} → account and region; the CDK's "unknown-" placeholders → null. */
    static String[] environment(String uri) {
        String[] parts = uri.replaceFirst("^aws://", "").split("/", 2);
        String account = parts.length > 0 && !parts[0].isEmpty() && !parts[0].startsWith("unknown-") ? parts[0] : null;
        String region = parts.length > 1 && !parts[1].isEmpty() && !parts[1].startsWith("unknown-") ? parts[1] : null;
        return new String[] {account, region};
    }
}
