package snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CloudFormation templates of one synthesis, by stack name, with asset hashes normalised
 * ({@link AssetHashes}): what snapshots store and what the {@link StatefulResourceGuard} compares.
 * Templates are read from the cloud assembly files as the CDK wrote them. Treat the trees as read-only;
 * {@link #template(String)} hands out copies.
 *
 * @param templates template by stack name, sorted by name
 */
public record Synthesis(Map<String, JsonNode> templates) {

    public Synthesis {
        Objects.requireNonNull(templates, "templates");
        TreeMap<String, JsonNode> normalised = new TreeMap<>();
        // Through the canonical text once, so that numbers read through jsii (7.0) equal those read from files (7).
        templates.forEach((name, template) -> normalised.put(name,
                CanonicalJson.parse(CanonicalJson.write(AssetHashes.normalise(template)), "template of stack " + name)));
        templates = Collections.unmodifiableMap(normalised);
    }

    /**
     * Synthesizes {@code app} (an {@code App} or any {@code Stage}) and takes every stack of its cloud
     * assembly, stacks of nested stages included. Stack names must be unique: one snapshot file per name.
     */
    public static Synthesis of(Stage app) {
        CloudAssembly assembly = app.synth();
        Map<String, JsonNode> templates = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            String name = stack.getStackName();
            if (templates.put(name, read(Path.of(stack.getTemplateFullPath()))) != null) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("stack names " + duplicates + " occur more than once in the app:"
                    + " a snapshot is stored per stack name, so snapshot each stage separately (Synthesis.of(stage))");
        }
        return new Synthesis(templates);
    }

    /** Synthesizes the stage of {@code stack} and takes that one stack's template. */
    public static Synthesis of(Stack stack) {
        CloudAssembly assembly = Stage.of(stack).synth();
        CloudFormationStackArtifact artifact = assembly.getStackArtifact(stack.getArtifactId());
        return new Synthesis(Map.of(stack.getStackName(), read(Path.of(artifact.getTemplateFullPath()))));
    }

    /** One template from the assertions API under the given stack name. */
    public static Synthesis of(String stackName, Template template) {
        return new Synthesis(Map.of(stackName, CanonicalJson.tree(template.toJSON())));
    }

    /** One template given as JSON text under the given stack name. */
    public static Synthesis ofJson(String stackName, String templateJson) {
        return new Synthesis(Map.of(stackName, CanonicalJson.parse(templateJson, "template of stack " + stackName)));
    }

    /** A copy of the template of {@code stackName}; fails naming the known stacks when there is none. */
    public JsonNode template(String stackName) {
        return stored(stackName).deepCopy();
    }

    /** The canonical text of a stack's template, as its snapshot file holds it. */
    public String canonical(String stackName) {
        return CanonicalJson.write(stored(stackName));
    }

    private JsonNode stored(String stackName) {
        JsonNode template = templates.get(stackName);
        if (template == null) {
            throw new IllegalArgumentException("no stack named \"" + stackName + "\" in this synthesis; stacks: " + templates.keySet());
        }
        return template;
    }

    private static JsonNode read(Path templateFile) {
        try {
            return CanonicalJson.parse(Files.readString(templateFile), templateFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synthesized template " + templateFile, e);
        }
    }
}
