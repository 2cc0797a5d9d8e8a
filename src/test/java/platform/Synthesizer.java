package platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import stacks.PlatformStacks;
import stacks.ShardMap;
import stacks.StackLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a platform's stacks in-process the way {@code cdk synth} does (bin/cdk-app: cdk.json's context, every stack,
 * cdk-nag, the CloudFormation quota check), but without the CloudFormation schema-validation workers: they check
 * template shapes the constructs already produce correctly, and starting them per file would dominate the cost.
 * Error annotations count as failures, as the cdk CLI counts them.
 */
final class Synthesizer {

    private static final Map<String, Object> CONTEXT = context();

    private Synthesizer() {
    }

    /** validate's problems with a file, as {@code bin/ecr-blueprint validate} finds them; empty when it is valid. */
    static List<Problem> validate(Path file) {
        try {
            PlatformLoader.load(file, stacks.PolicySizeRule.RULES);
            return List.of();
        } catch (PlatformFileException e) {
            return e.problems().isEmpty() ? List.of(new Problem("", null, e.getMessage(), "")) : e.problems();
        }
    }

    /** The model of a file as the binder reads it, without the cross-section validator; empty when its shape is broken. */
    static Optional<Platform> unvalidated(Path file) throws Exception {
        LocatedYaml.Result parsed = LocatedYaml.read(Files.readString(file));
        Problems problems = new Problems(parsed.lines(), parsed.written());
        Platform platform = new PlatformBinder(problems).bind(parsed.root());
        return problems.isEmpty() && parsed.duplicates().isEmpty() ? Optional.of(platform) : Optional.empty();
    }

    /** Why synthesis fails (its first line), or empty when it succeeds. */
    static Optional<String> failure(Platform platform) {
        Path out;
        try {
            out = Files.createTempDirectory("synth-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        App app = new App(AppProps.builder().outdir(out.toString()).context(CONTEXT)
                .analyticsReporting(false).autoSynth(false).build());
        try {
            PlatformStacks.create(app, platform, "platform.yaml", ShardMap.none());
            CloudAssembly assembly = app.synth();
            StackLimits.CLOUDFORMATION.checkTemplates(assembly);
            for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
                for (SynthesisMessage message : stack.getMessages()) {
                    if (message.getLevel() == SynthesisMessageLevel.ERROR) {
                        return Optional.of(stack.getStackName() + ": " + message.getEntry().getData());
                    }
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            String text = String.valueOf(e.getMessage());
            int jsStack = text.indexOf("\n    at ");
            return Optional.of((jsStack < 0 ? text : text.substring(0, jsStack)).strip());
        }
    }

    private static Map<String, Object> context() {
        try {
            JsonNode context = new ObjectMapper().readTree(Path.of("cdk.json").toFile()).path("context");
            Map<String, Object> map = new LinkedHashMap<>(new ObjectMapper().convertValue(context, Map.class));
            map.put("aws:cdk:disable-creation-stack-traces", true);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
