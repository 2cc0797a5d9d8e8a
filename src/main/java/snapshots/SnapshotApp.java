package snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import validation.ControlTowerValidation;
import validation.ParallelTemplateValidation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A CDK {@link App} whose templates are the same on every machine and every run, for snapshot tests:
 * <ul>
 *   <li>the {@code "context"} object of the project's {@code cdk.json} is the App's context, so tests see
 *       the same feature flags as {@code cdk synth};</li>
 *   <li>the cloud assembly goes to a fresh temporary directory (never the project's {@code cdk.out}), deleted
 *       when the JVM exits;</li>
 *   <li>CloudFormation validation runs as in {@code cdk synth}, in worker processes ({@link ParallelTemplateValidation}),
 *       and so do AWS Control Tower's proactive controls ({@link ControlTowerValidation});</li>
 *   <li>analytics (version reporting, the {@code CDKMetadata} resource), performance reporting, tree
 *       metadata, construct-path and asset metadata and stack traces are off. These are set as post-CLI
 *       context, so a stray {@code CDK_CONTEXT_JSON} in the environment cannot switch them back on.</li>
 * </ul>
 * Stacks should still be given a fixed environment ({@link #fixedEnvironment()} or the one of the
 * platform file) so that nothing depends on the machine's AWS profile.
 */
public final class SnapshotApp {

    /** Where {@link #create()} looks for cdk.json: the working directory, which is the project root under Maven. */
    public static final Path DEFAULT_CDK_JSON = Path.of("cdk.json");

    private SnapshotApp() {
    }

    /** A deterministic App with the context of {@code cdk.json} in the working directory. */
    public static App create() {
        return create(DEFAULT_CDK_JSON);
    }

    /** A deterministic App with the {@code "context"} of {@code cdkJson} (which must exist). */
    public static App create(Path cdkJson) {
        return create(cdkJson, Map.of());
    }

    /**
     * A deterministic App with the {@code "context"} of {@code cdkJson}, plus {@code extraContext} (which wins
     * over cdk.json, as {@code cdk synth -c key=value} would).
     */
    public static App create(Path cdkJson, Map<String, ?> extraContext) {
        Map<String, Object> context = new LinkedHashMap<>(readContext(cdkJson));
        context.putAll(extraContext);
        App app = new App(AppProps.builder()
                .outdir(temporaryOutdir().toString())
                .context(context)
                .postCliContext(Map.of(
                        "aws:cdk:version-reporting", false,
                        "aws:cdk:enable-path-metadata", false,
                        "aws:cdk:enable-asset-metadata", false,
                        "aws:cdk:disable-stack-trace", true,
                        // Creation stacks of a Java app hold only jsii's frames; capturing them is slow.
                        "aws:cdk:disable-creation-stack-traces", true))
                .analyticsReporting(false)
                .performanceReporting(false)
                .treeMetadata(false)
                .stackTraces(false)
                .autoSynth(false)
                .build());
        // The same CloudFormation validation as `cdk synth` (bin/cdk-app), in worker processes.
        ParallelTemplateValidation.addTo(app);
        // The Control Tower proactive controls, as in `cdk synth`.
        ControlTowerValidation.addTo(app);
        return app;
    }

    /** Account 123456789012 in eu-west-1: for stacks under test that have no environment of their own. */
    public static Environment fixedEnvironment() {
        return Environment.builder().account("123456789012").region("eu-west-1").build();
    }

    /** The {@code "context"} object of a cdk.json file, as the App's context map. */
    static Map<String, Object> readContext(Path cdkJson) {
        Objects.requireNonNull(cdkJson, "cdkJson");
        if (!Files.isRegularFile(cdkJson)) {
            throw new IllegalArgumentException("cdk.json " + cdkJson.toAbsolutePath()
                    + " does not exist: snapshot tests load its \"context\" so that they see the feature flags of"
                    + " `cdk synth`. Run the tests from the project root or pass the path: SnapshotApp.create(Path.of(\".../cdk.json\"))");
        }
        JsonNode root;
        try {
            root = CanonicalJson.parse(Files.readString(cdkJson), cdkJson.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdkJson, e);
        }
        JsonNode context = root.path("context");
        if (context.isMissingNode()) {
            return Map.of();
        }
        if (!context.isObject()) {
            throw new IllegalArgumentException(cdkJson + ": \"context\" must be an object (got " + context.getNodeType() + ")");
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> values = new LinkedHashMap<>();
        context.properties().forEach(e -> values.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class)));
        return values;
    }

    /** Cloud assemblies of this JVM's snapshot Apps, deleted when it exits (a test suite makes hundreds). */
    private static final List<Path> OUTDIRS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SnapshotApp::deleteOutdirs, "snapshot-outdirs-cleanup"));
    }

    private static Path temporaryOutdir() {
        try {
            Path outdir = Files.createTempDirectory("cdk-snapshot-");
            synchronized (OUTDIRS) {
                OUTDIRS.add(outdir);
            }
            return outdir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary cloud assembly directory", e);
        }
    }

    private static void deleteOutdirs() {
        synchronized (OUTDIRS) {
            for (Path outdir : OUTDIRS) {
                try (Stream<Path> files = Files.walk(outdir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    // Best effort: a temporary directory left behind is the operating system's to clean.
                }
            }
        }
    }
}
