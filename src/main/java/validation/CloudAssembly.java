package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last synthesis wrote into a cloud assembly, read from its {@code manifest.json} (and those of nested
 * assemblies, one per {@code Stage}, and the {@code <stack>.metadata.json} files they name): its stacks' template files with their environments, and the errors it recorded.
 * The one reader of an assembly: the validation plugins use it to find every template of the synthesis they check, the
 * compliance report to read only the stacks of the last synthesis (a directory walk would also find templates an
 * earlier synthesis wrote and this one no longer has).
 *
 * <p>A synthesis that fails before the CDK writes anything (a platform file or construct value it rejects) leaves the
 * previous assembly in place; the app then records its cause in {@value #FAILED_SYNTHESIS} ({@link #recordFailure}),
 * so readers do not take the earlier templates for the current ones.
 *
 * @param stacks        the stack templates, in manifest order
 * @param errors        errors the synthesis recorded (cdk-nag findings, construct validations; {@code cdk synth} fails
 *                      on them) and failed CloudFormation validation reports, each as {@code <construct path>: <message>}
 * @param failedBefore  why the last synthesis failed before writing the assembly, when it did; the stacks and errors are
 *                      then an earlier synthesis's
 */
public record CloudAssembly(List<StackTemplate> stacks, List<String> errors, Optional<String> failedBefore) {

    /** The manifest file of an assembly. */
    public static final String MANIFEST = "manifest.json";
    /** The file in which the app records a synthesis that failed before it wrote the assembly. */
    public static final String FAILED_SYNTHESIS = "ecr-blueprint-synthesis-failed.txt";
    static final String VALIDATION_REPORT = "validation-report.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A stack of the assembly.
     *
     * @param template  its template file
     * @param id        its artifact id (the stack name for a top-level stack)
     * @param accountId the account the CDK validates it for, null when not known
     * @param region    the region the CDK validates it for, null when not known
     */
    public record StackTemplate(Path template, String id, String accountId, String region) {
    }

    /**
     * Copies the lists.
     *
     * @param stacks       the stack templates, in manifest order
     * @param errors       errors the synthesis recorded
     * @param failedBefore why the last synthesis failed before writing the assembly, when it did
     */
    public CloudAssembly {
        stacks = List.copyOf(stacks);
        errors = List.copyOf(errors);
    }

    /** The template files, in manifest order. */
    public List<Path> templates() {
        return stacks.stream().map(StackTemplate::template).toList();
    }

    /** Whether {@code directory} holds a cloud assembly, or the record of a synthesis that failed before writing one. */
    public static boolean isAssembly(Path directory) {
        return Files.isRegularFile(directory.resolve(MANIFEST)) || Files.isRegularFile(directory.resolve(FAILED_SYNTHESIS));
    }

    /**
     * The assembly in {@code directory}; throws UncheckedIOException when it cannot be read. A directory that holds only
     * the record of a failed synthesis reads as an assembly without stacks.
     */
    public static CloudAssembly read(Path directory) {
        Optional<String> failed = failure(directory);
        List<StackTemplate> stacks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (failed.isPresent() && !Files.isRegularFile(directory.resolve(MANIFEST))) {
            return new CloudAssembly(stacks, errors, failed);
        }
        collect(directory, stacks, errors, true);
        Path report = directory.resolve(VALIDATION_REPORT);
        if (Files.isRegularFile(report)) {
            for (JsonNode plugin : readJson(report).path("pluginReports")) {
                if ("failure".equalsIgnoreCase(plugin.path("summary").path("status").asText())) {
                    errors.add(VALIDATION_REPORT + ": " + plugin.path("summary").path("pluginName").asText("validation") + " failed");
                }
            }
        }
        return new CloudAssembly(stacks, errors, failed);
    }

    /**
     * Every stack template of the assembly in {@code directory}, nested assemblies included; none when it has no
     * manifest yet (the validation plugins run while the CDK writes it).
     */
    static List<StackTemplate> templatesIn(Path directory) {
        List<StackTemplate> stacks = new ArrayList<>();
        collect(directory, stacks, new ArrayList<>(), false);
        return stacks;
    }

    /** The outermost directory holding a manifest.json among {@code directory} and its ancestors. */
    static Path root(Path directory) {
        Path root = directory;
        for (Path candidate = directory; candidate != null && Files.isRegularFile(candidate.resolve(MANIFEST));
             candidate = candidate.getParent()) {
            root = candidate;
        }
        return root;
    }

    /**
     * Records in {@code outdir} that the synthesis into it failed before writing the assembly, and why.
     *
     * @param outdir the assembly directory the synthesis was to write ({@code cdk synth}'s output)
     * @param cause  the error, one line
     * @throws UncheckedIOException when the record cannot be written
     */
    public static void recordFailure(Path outdir, String cause) {
        try {
            Files.createDirectories(outdir);
            Files.writeString(outdir.resolve(FAILED_SYNTHESIS), cause + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the record of a failed synthesis, as a synthesis into {@code outdir} begins.
     *
     * @param outdir the assembly directory the synthesis writes
     * @throws UncheckedIOException when the record exists and cannot be removed
     */
    public static void clearFailure(Path outdir) {
        try {
            Files.deleteIfExists(outdir.resolve(FAILED_SYNTHESIS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> failure(Path directory) {
        Path record = directory.resolve(FAILED_SYNTHESIS);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            String cause = Files.readString(record, StandardCharsets.UTF_8).strip();
            return Optional.of(cause.isEmpty() ? "(no cause recorded)" : cause);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + record + ": " + e.getMessage(), e));
        }
    }

    private static void collect(Path directory, List<StackTemplate> stacks, List<String> errors, boolean required) {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            if (required) {
                throw new UncheckedIOException(new IOException(manifest + " is missing: not a cloud assembly"));
            }
            return;
        }
        readJson(manifest).path("artifacts").properties().forEach(entry -> {
            JsonNode artifact = entry.getValue();
            JsonNode properties = artifact.path("properties");
            errors(artifact.path("metadata"), errors);
            // The CDK (2.263) writes a stack's annotations to <artifact>.metadata.json beside the manifest, which names
            // it in additionalMetadataFile; older assemblies, and other artifacts, keep them in "metadata".
            // While the CDK writes the assembly (the validation plugins read its templates) the file may not exist yet.
            if (artifact.hasNonNull("additionalMetadataFile")) {
                Path metadata = directory.resolve(artifact.path("additionalMetadataFile").asText());
                if (Files.isRegularFile(metadata) || required) {
                    errors(readJson(metadata), errors);
                }
            }
            switch (artifact.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    String[] environment = environment(artifact.path("environment").asText());
                    stacks.add(new StackTemplate(directory.resolve(properties.path("templateFile").asText()),
                            entry.getKey(), environment[0], environment[1]));
                }
                case "cdk:cloud-assembly" -> collect(directory.resolve(properties.path("directoryName").asText()),
                        stacks, errors, required);
                default -> {
                }
            }
        });
    }

    /** The {@code aws:cdk:error} entries of an artifact's metadata (construct path → entries), as {@code <path>: <message>}. */
    private static void errors(JsonNode metadata, List<String> errors) {
        metadata.properties().forEach(path -> {
            for (JsonNode item : path.getValue()) {
                if ("aws:cdk:error".equals(item.path("type").asText())) {
                    errors.add(path.getKey() + ": " + item.path("data").asText());
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

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": not JSON (from line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); run `cdk synth` again", e));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": it does not exist, but the assembly"
                    + " names it; run `cdk synth` again", e));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }
}
