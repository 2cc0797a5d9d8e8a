package validation;

import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * aws-cdk-lib's CloudFormation template validation (on by default since 2.263.0), run in worker processes
 * ({@link TemplateValidationWorkers}) instead of one template after another in the jsii Node process.
 *
 * <p>Same validator, same rules, same report: the workers load the {@code @aws/cloudformation-validate}
 * package pinned in {@code package.json} (the version aws-cdk-lib bundles, {@value #BUNDLED_VALIDATOR_VERSION};
 * a different version is not used), with the options of the CDK's plugin, and {@link ValidationReport} builds the
 * CDK's report from their findings.
 *
 * <p>The CDK adds its own validation plugin to every App unless the Node process has {@code CDK_VALIDATION=false} or
 * the App holds a {@link CloudFormationValidatePlugin}. Two ways to take its place:
 * <ul>
 *   <li>{@code bin/launch} (behind {@code cdk synth}) sets {@code CDK_VALIDATION=false} and
 *       {@value #TEMPLATE_VALIDATION_ENV}{@code =workers} for the JVM and the jsii Node it starts: this plugin is then
 *       registered as it is, and the CDK's is never built. Building it is not free: its constructor loads the
 *       validator and its rules into the jsii Node, about 1.5 s during which the JVM waits (bench/synth).</li>
 *   <li>Anywhere else (tests, an app of your own) this plugin is registered inside a {@link CloudFormationValidatePlugin}
 *       ({@link #inPlaceOfTheCdksDefault()}), which replaces the CDK's instance at the cost of building one.</li>
 * </ul>
 *
 * <p>Falls back to the CDK's own validation, in process, when the workers are not available: no
 * {@code node_modules/@aws/cloudformation-validate} (run {@code npm ci}), another version, or a worker
 * failure. Nothing is registered when {@code CDK_VALIDATION=false} is the user's (validation off).
 *
 * <p>Workers: {@value #WORKERS_ENV} (default: the number of processors, at most 4; {@code 0} keeps the CDK's
 * in-process validation).
 */
public final class ParallelTemplateValidation implements IPolicyValidationPlugin {

    /** Environment variable: the number of worker processes; 0 leaves validation to the CDK in process. */
    public static final String WORKERS_ENV = "ECR_BLUEPRINT_VALIDATION_WORKERS";
    /**
     * Environment variable: {@code workers} where the launcher has set {@code CDK_VALIDATION=false} so that the CDK
     * builds no validation plugin of its own, and this one validates.
     */
    public static final String TEMPLATE_VALIDATION_ENV = "ECR_BLUEPRINT_TEMPLATE_VALIDATION";
    /**
     * The version of {@code @aws/cloudformation-validate} that aws-cdk-lib bundles; the workers must run it
     * ({@code ParallelTemplateValidationTest} reads it from the CDK's own plugin, so an upgrade that changes it fails).
     */
    static final String BUNDLED_VALIDATOR_VERSION = "1.6.0";
    /** How long a validation waits for the workers before it falls back (their start and warm-up take ~4 s). */
    private static final long WAIT_SECONDS = 600;

    /**
     * Template bytes that justify one more worker. Once warm, the validator takes about 3 s a megabyte; a
     * worker started while another validates needs about 4 s to be ready on 2 cores and holds about 430 MB.
     * At 100 services x 3 environments (1.2 MB) a second worker only cost memory; at 1,000 (12.3 MB with
     * path metadata) it saves several seconds (bench/synth/RESULTS.md).
     */
    static final long BYTES_PER_EXTRA_WORKER = 3L << 20;

    private static ParallelTemplateValidation shared;

    private final TemplateValidationWorkers workers;
    /** The CDK's validation in the jsii Node: built at the first fallback, or the one {@link InPlaceOfTheCdksDefault} holds. */
    private java.util.function.Function<IPolicyValidationContext, PolicyValidationPluginReport> inProcess;
    private InPlaceOfTheCdksDefault inPlaceOfTheCdksDefault;
    private int validatedInWorkers;
    private int fallbacks;
    private boolean explainedFallback;
    private Path prefetchedManifest;
    private FileTime prefetchedManifestTime;

    /** Validation in {@code workers}; tests give their own, everyone else {@link #addTo}. */
    ParallelTemplateValidation(TemplateValidationWorkers workers) {
        this.workers = workers;
    }

    /**
     * Validates the templates of {@code app} (and of the Stages in it) in the JVM's validation workers, if
     * CloudFormation validation is on ({@code CDK_VALIDATION} is not {@code false}) and workers are wanted.
     * Call once per App, before {@code synth()}. Not together with a {@code CloudFormationValidatePlugin} of
     * your own (custom Rego or Guard rules): the CDK accepts one per App.
     *
     * @throws IllegalArgumentException when {@value #WORKERS_ENV} is not a whole number, 0 or more
     */
    public static void addTo(Stage app) {
        ParallelTemplateValidation plugin = shared();
        if (plugin != null) {
            Validations.of(app).addPlugins(cdkDefaultIsOff() ? plugin : plugin.inPlaceOfTheCdksDefault());
        }
    }

    /** The launcher's setting: the CDK builds no validation plugin of its own, this one validates. */
    static boolean cdkDefaultIsOff() {
        return "false".equals(System.getenv("CDK_VALIDATION")) && "workers".equals(System.getenv(TEMPLATE_VALIDATION_ENV));
    }

    /**
     * This plugin inside a {@link CloudFormationValidatePlugin}, which the CDK takes in place of its own: for Apps whose
     * jsii Node would otherwise add the CDK's (no {@code CDK_VALIDATION=false}). One instance, built at the first call
     * and shared by every App: each holds the validator's engine in the jsii Node (about 235 MB).
     *
     * @return a plugin for {@code Validations.of(app).addPlugins}
     */
    public synchronized IPolicyValidationPlugin inPlaceOfTheCdksDefault() {
        if (inPlaceOfTheCdksDefault == null) {
            inPlaceOfTheCdksDefault = new InPlaceOfTheCdksDefault(this);
            // It holds the CDK's engine already: the fallback uses it instead of building another.
            inProcess = inPlaceOfTheCdksDefault::validateInProcess;
        }
        return inPlaceOfTheCdksDefault;
    }

    /**
     * Starts now the workers that templates of about {@code bytes} in all will keep busy (one more per
     * {@value #BYTES_PER_EXTRA_WORKER} bytes), instead of at the first validation. A worker needs about 3 s to be
     * ready; started just before {@code app.synth()}, it gets ready while the CDK prepares and writes the
     * templates rather than while the first worker validates alone. An app that knows its size calls it;
     * without the call, validation starts them itself. Does nothing when validation does not run in workers.
     */
    public static void expectTemplates(long bytes) {
        ParallelTemplateValidation plugin;
        synchronized (ParallelTemplateValidation.class) {
            plugin = shared;
        }
        if (plugin != null) {
            plugin.workers.ensureStarted(workersFor(bytes));
        }
    }

    /** The workers templates of {@code bytes} keep busy: one, and one more per {@value #BYTES_PER_EXTRA_WORKER} bytes. */
    static int workersFor(long bytes) {
        return 1 + (int) Math.min(Integer.MAX_VALUE - 1, bytes / BYTES_PER_EXTRA_WORKER);
    }

    /** The JVM's instance (its workers start on the first call), or null when not wanted. */
    static synchronized ParallelTemplateValidation shared() {
        if ("false".equals(System.getenv("CDK_VALIDATION")) && !cdkDefaultIsOff()) {
            return null;
        }
        int count = workerCount(System.getenv(WORKERS_ENV), Runtime.getRuntime().availableProcessors());
        if (count == 0 && !cdkDefaultIsOff()) {
            return null;
        }
        if (shared == null) {
            String node = System.getenv("JSII_NODE");
            // The CDK's default is off: at least one worker, so that a stray ECR_BLUEPRINT_VALIDATION_WORKERS=0 does
            // not leave the templates unvalidated (bin/launch never sets both).
            shared = new ParallelTemplateValidation(new TemplateValidationWorkers(Math.max(count, 1),
                    node == null || node.isBlank() ? "node" : node, Path.of("").toAbsolutePath()));
        }
        return shared;
    }

    /** {@value #WORKERS_ENV} as a count; unset or blank: the processors, at most 4. */
    static int workerCount(String setting, int processors) {
        if (setting == null || setting.isBlank()) {
            return Math.max(1, Math.min(processors, 4));
        }
        try {
            int count = Integer.parseInt(setting.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(WORKERS_ENV + "=" + setting + ": expected a whole number of worker"
                + " processes, 0 or more (0 validates in the CDK's own process)");
    }

    @Override
    public String getName() {
        return CloudFormationValidatePlugin.PLUGIN_NAME;
    }

    @Override
    public String getVersion() {
        return BUNDLED_VALIDATOR_VERSION;
    }

    @Override
    public synchronized PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        List<ValidationReport.TemplateFindings> findings = null;
        try {
            findings = validateInWorkers(context);
        } catch (ExecutionException e) {
            explainFallback(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException | TimeoutException e) {
            explainFallback(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            explainFallback(e);
        }
        if (findings == null) {
            fallbacks++;
            if (inProcess == null) {
                inProcess = new CloudFormationValidatePlugin()::validate;
            }
            return inProcess.apply(context);
        }
        validatedInWorkers += findings.size();
        return ValidationReport.of(findings);
    }

    /**
     * Says once per JVM why validation runs in the CDK's process (slower, same result). Not when the
     * validator package is simply not installed: that is the documented case of an app that uses the
     * constructs as a Maven dependency only.
     */
    private void explainFallback(Throwable reason) {
        String message = String.valueOf(reason.getMessage());
        if (!explainedFallback && !message.contains("Cannot find module")) {
            explainedFallback = true;
            System.err.println("note: CloudFormation validation runs in the CDK's own process, one template after another"
                    + " (validation workers: " + message.lines().findFirst().orElse(message) + "). Hint: run `npm ci`;"
                    + " " + WORKERS_ENV + "=0 silences this.");
        }
    }

    /** Templates whose report came from the workers, since the JVM started. */
    synchronized int validatedInWorkers() {
        return validatedInWorkers;
    }

    /** Calls answered by the CDK's own validation because the workers were not available. */
    synchronized int fallbacks() {
        return fallbacks;
    }

    /**
     * The findings of every template of the context; fails when the workers are not the bundled validator.
     * Runs under {@link #validate}'s lock, which also guards the fields it sets.
     */
    private List<ValidationReport.TemplateFindings> validateInWorkers(IPolicyValidationContext context)
            throws ExecutionException, InterruptedException, TimeoutException {
        String workerVersion = workers.engineVersion().get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!BUNDLED_VALIDATOR_VERSION.equals(workerVersion)) {
            throw new IllegalStateException("node_modules holds @aws/cloudformation-validate " + workerVersion
                    + ", aws-cdk-lib bundles " + BUNDLED_VALIDATOR_VERSION + ", and only the bundled version is used");
        }
        List<PolicyValidationStack> stacks = context.getStackTemplates();
        if (!stacks.isEmpty()) {
            prefetch(Path.of(stacks.get(0).getTemplatePath()).toAbsolutePath().getParent());
        }
        String account = context.getAccountId();
        String region = context.getRegion();
        List<ValidationReport.TemplateFindings> findings = new ArrayList<>(stacks.size());
        for (PolicyValidationStack stack : stacks) {
            List<TemplateDiagnostic> diagnostics = workers.validate(Path.of(stack.getTemplatePath()), account, region)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            findings.add(new ValidationReport.TemplateFindings(stack.getStackConstructPath(), stack.getTemplatePath(), diagnostics));
        }
        return findings;
    }

    /**
     * Submits every template of the assembly, largest first, once per written manifest: the CDK asks for
     * one environment at a time, and the workers should not idle in between.
     */
    private void prefetch(Path templateDirectory) {
        Path root = CloudAssembly.root(templateDirectory);
        Path manifest = root.resolve("manifest.json");
        try {
            FileTime written = Files.getLastModifiedTime(manifest);
            if (manifest.equals(prefetchedManifest) && written.equals(prefetchedManifestTime)) {
                return;
            }
            // cfn-guard (Control Tower controls) runs on its own core meanwhile, instead of after this plugin.
            ControlTowerValidation.prefetchIfRegistered(root);
            // Each file's size read once (not in every comparison of the sort).
            Map<CloudAssembly.StackTemplate, Long> sizes = new LinkedHashMap<>();
            for (CloudAssembly.StackTemplate template : CloudAssembly.templatesIn(root)) {
                sizes.put(template, template.template().toFile().length());
            }
            List<CloudAssembly.StackTemplate> templates = new ArrayList<>(sizes.keySet());
            templates.sort(Comparator.comparing(sizes::get, Comparator.reverseOrder()));
            long bytes = sizes.values().stream().mapToLong(Long::longValue).sum();
            workers.ensureStarted(workersFor(bytes));
            for (CloudAssembly.StackTemplate template : templates) {
                workers.validate(template.template(), template.accountId(), template.region());
            }
            prefetchedManifest = manifest;
            prefetchedManifestTime = written;
        } catch (java.io.IOException | RuntimeException e) {
            // Prefetching only saves time: the templates of this call are submitted one by one anyway.
        }
    }

    /**
     * The plugin as a {@link CloudFormationValidatePlugin}, so that the CDK takes it in place of its own instance; its
     * own in-process validation is the fallback.
     */
    private static final class InPlaceOfTheCdksDefault extends CloudFormationValidatePlugin {
        private final ParallelTemplateValidation workers;

        InPlaceOfTheCdksDefault(ParallelTemplateValidation workers) {
            super();
            this.workers = workers;
        }

        @Override
        public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
            return workers.validate(context);
        }

        PolicyValidationPluginReport validateInProcess(IPolicyValidationContext context) {
            return super.validate(context);
        }
    }
}
