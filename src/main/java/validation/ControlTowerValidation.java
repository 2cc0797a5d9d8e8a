package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * AWS Control Tower's proactive controls in every synthesis: a policy-validation plugin of aws-cdk-lib that runs the
 * cfn-guard binary with the Control Tower rules of the pinned npm package {@value ControlTowerRules#PACKAGE} over the
 * written templates, and reports every failing resource in the CDK's validation report with the control id
 * ({@code CT.KMS.PR.3}), what the control requires and the fix. An error fails {@code cdk synth} and {@code app.synth()}.
 *
 * <p>All controls are evaluated. What a template must pass comes from the template ({@link ControlTowerSettings}):
 * controls of families it does not enforce, and controls excepted with a reason (for the template or one resource),
 * do not fail it; {@link ControlTowerOutcomes} records every control per template with pass, fail or exception for
 * the compliance report.
 *
 * <p>Cost: cfn-guard runs for all templates of the cloud assembly, nested Stages included, at the first call
 * (the CDK calls once per environment) or earlier from {@link ParallelTemplateValidation}, beside the CloudFormation
 * validation workers, each rule file over only the resources of the types it names ({@link ControlTowerRun}). Results
 * are kept by template content, so a JVM that synthesizes the same template again (tests) does not evaluate it again.
 *
 * <p>Without the npm package (run {@code npm ci}) synthesis fails with that hint: an unchecked template must not
 * look checked. {@value #DISABLE_ENV}{@code =off} leaves the controls out on purpose.
 */
public final class ControlTowerValidation implements IPolicyValidationPlugin {

    /** Environment variable: {@code off} registers no Control Tower validation. */
    public static final String DISABLE_ENV = "ECR_BLUEPRINT_CONTROL_TOWER";
    /** The plugin's name in the CDK's report; acknowledgement ids are {@code <name>::<control id>}. */
    public static final String NAME = "control-tower-proactive-controls";
    /** Results kept: a test JVM synthesizes a few hundred templates. */
    private static final int MAX_RESULTS = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ControlTowerValidation shared;

    private final List<Path> searchFrom;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "control-tower-cfn-guard");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<CfnGuard.TemplateResult>> results =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CfnGuard.TemplateResult>> eldest) {
                    return size() > MAX_RESULTS;
                }
            };
    private ControlTowerRules rules;
    private int guardRuns;

    /**
     * Finds the npm package from each of {@code searchFrom} upwards (null entries skipped); tests give their own,
     * everyone else {@link #addTo}.
     */
    ControlTowerValidation(Path... searchFrom) {
        this.searchFrom = java.util.Arrays.stream(searchFrom).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Checks the templates of {@code app} (and of the Stages in it) against the Control Tower controls, unless
     * {@value #DISABLE_ENV} is {@code off}. Call once per App, before {@code synth()}.
     */
    public static void addTo(Stage app) {
        ControlTowerValidation plugin = shared();
        if (plugin != null) {
            Validations.of(app).addPlugins(plugin);
        }
    }

    /** The JVM's instance, or null when {@value #DISABLE_ENV} is {@code off}. */
    static synchronized ControlTowerValidation shared() {
        if ("off".equalsIgnoreCase(String.valueOf(System.getenv(DISABLE_ENV)).strip())) {
            return null;
        }
        if (shared == null) {
            shared = new ControlTowerValidation(Path.of("").toAbsolutePath(), codeLocation());
        }
        return shared;
    }

    /**
     * Where this class was loaded from ({@code target/classes} of the project, or a jar in it), a second place to look
     * for the npm package when the working directory is elsewhere; null when unknown.
     */
    private static Path codeLocation() {
        try {
            var source = ControlTowerValidation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Starts cfn-guard on the templates of the assembly that holds {@code templateDirectory}, if registered. */
    static void prefetchIfRegistered(Path templateDirectory) {
        ControlTowerValidation plugin;
        synchronized (ControlTowerValidation.class) {
            plugin = shared;
        }
        if (plugin != null) {
            try {
                plugin.prefetch(templateDirectory);
            } catch (RuntimeException e) {
                // Reported by this plugin's own validate, where the CDK puts it in the report.
            }
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The rules package's version; null when it is not installed (the CDK also asks when reporting that failure). */
    @Override
    public String getVersion() {
        return installedRules().map(ControlTowerRules::version).orElse(null);
    }

    @Override
    public List<String> getRuleIds() {
        return installedRules().map(r -> List.copyOf(r.controls().keySet())).orElse(List.of());
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        List<PolicyValidationStack> stacks = context.getStackTemplates();
        if (stacks.isEmpty()) {
            return PolicyValidationPluginReport.builder().success(true).violations(List.of()).build();
        }
        prefetch(Path.of(stacks.get(0).getTemplatePath()).toAbsolutePath().getParent());
        Map<String, Violation> violations = new LinkedHashMap<>();
        for (PolicyValidationStack stack : stacks) {
            Path templatePath = Path.of(stack.getTemplatePath()).toAbsolutePath();
            CfnGuard.TemplateResult result;
            try {
                result = resultOf(templatePath).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            ControlTowerOutcomes.TemplateOutcome outcome = outcome(readTemplate(templatePath), result);
            ControlTowerOutcomes.write(templatePath, outcome);
            for (ControlTowerOutcomes.ControlOutcome control : outcome.controls()) {
                if (control.status() != ControlTowerOutcomes.Status.FAIL) {
                    continue;
                }
                Violation violation = violations.computeIfAbsent(control.control(),
                        id -> new Violation(rules().controls().get(id), id, control.guardRule()));
                for (Map.Entry<String, List<String>> resource : control.failingResources().entrySet()) {
                    violation.resources.add(PolicyViolatingResource.builder()
                            .resourceLogicalId(resource.getKey().isEmpty() ? null : resource.getKey())
                            .constructPath(resource.getKey().isEmpty() ? stack.getStackConstructPath() : null)
                            .templatePath(stack.getTemplatePath())
                            .locations(resource.getValue())
                            .build());
                }
            }
        }
        List<PolicyViolation> report = violations.values().stream().map(Violation::build).toList();
        return PolicyValidationPluginReport.builder().success(report.isEmpty()).violations(report).build();
    }

    /**
     * Every control that applied to the template, with its status: what failed is a failure unless its family is not
     * enforced or an exception covers every failing resource.
     */
    ControlTowerOutcomes.TemplateOutcome outcome(JsonNode template, CfnGuard.TemplateResult result) {
        Set<String> enforced = ControlTowerSettings.enforcedFamilies(template);
        Map<String, String> templateExceptions = ControlTowerSettings.templateExceptions(template);
        List<ControlTowerOutcomes.ControlOutcome> controls = new ArrayList<>();
        for (String rule : result.compliantRules()) {
            controls.add(ControlTowerOutcomes.ControlOutcome.passed(controlId(rule), rule));
        }
        for (Map.Entry<String, Map<String, List<String>>> failed : result.failedRules().entrySet()) {
            String control = controlId(failed.getKey());
            boolean familyEnforced = enforced.isEmpty() || enforced.contains(ControlTowerRules.Control.family(control));
            Map<String, List<String>> failing = new LinkedHashMap<>();
            Map<String, String> excepted = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> resource : failed.getValue().entrySet()) {
                String reason = ControlTowerSettings.resourceExceptions(template, resource.getKey()).get(control);
                if (reason == null) {
                    reason = templateExceptions.get(control);
                }
                if (reason != null) {
                    excepted.put(resource.getKey(), reason);
                } else {
                    failing.put(resource.getKey(), resource.getValue());
                }
            }
            controls.add(new ControlTowerOutcomes.ControlOutcome(control, failed.getKey(),
                    !familyEnforced && !failing.isEmpty() ? ControlTowerOutcomes.Status.NOT_ENFORCED
                            : failing.isEmpty() ? ControlTowerOutcomes.Status.EXCEPTION : ControlTowerOutcomes.Status.FAIL,
                    failing, excepted));
        }
        controls.sort(ControlTowerOutcomes.ControlOutcome.BY_CONTROL);
        return new ControlTowerOutcomes.TemplateOutcome(rules().version(), controls);
    }

    private String controlId(String guardRule) {
        return rules().controlOfGuardRule(guardRule).map(ControlTowerRules.Control::id).orElse(guardRule);
    }

    /** Number of cfn-guard runs since the JVM started (tests). */
    synchronized int guardRuns() {
        return guardRuns;
    }

    private synchronized java.util.Optional<ControlTowerRules> installedRules() {
        for (int i = 0; rules == null && i < searchFrom.size(); i++) {
            rules = ControlTowerRules.find(searchFrom.get(i)).orElse(null);
        }
        return java.util.Optional.ofNullable(rules);
    }

    private ControlTowerRules rules() {
        return installedRules().orElseThrow(() -> new IllegalStateException(
                "Control Tower controls: " + ControlTowerRules.PACKAGE + " is not installed in a node_modules of "
                        + searchFrom.get(0) + " or above, so the templates cannot be checked. Hint: run `npm ci` in the"
                        + " project (package.json pins it); " + DISABLE_ENV + "=off leaves the controls out"));
    }

    /** Submits every template of the assembly that holds {@code templateDirectory} that is not evaluated yet, in one run. */
    synchronized void prefetch(Path templateDirectory) {
        ControlTowerRules ruleSet = rules();
        Map<Path, CompletableFuture<CfnGuard.TemplateResult>> pending = new LinkedHashMap<>();
        for (CloudAssembly.StackTemplate template : CloudAssembly.templatesIn(CloudAssembly.root(templateDirectory))) {
            String key = contentHash(template.template());
            CompletableFuture<CfnGuard.TemplateResult> known = results.get(key);
            if (known == null || known.isCompletedExceptionally()) {
                CompletableFuture<CfnGuard.TemplateResult> result = new CompletableFuture<>();
                results.put(key, result);
                pending.put(template.template().toAbsolutePath(), result);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        guardRuns++;
        runner.execute(() -> {
            try {
                Map<Path, CfnGuard.TemplateResult> found = ControlTowerRun.evaluate(ruleSet, List.copyOf(pending.keySet()));
                pending.forEach((path, result) -> {
                    CfnGuard.TemplateResult of = found.get(path);
                    if (of == null) {
                        result.completeExceptionally(new IllegalStateException("Control Tower controls: cfn-guard"
                                + " reported nothing for " + path));
                    } else {
                        result.complete(of);
                    }
                });
            } catch (RuntimeException e) {
                pending.values().forEach(result -> result.completeExceptionally(e));
            }
        });
    }

    private synchronized CompletableFuture<CfnGuard.TemplateResult> resultOf(Path template) {
        CompletableFuture<CfnGuard.TemplateResult> result = results.get(contentHash(template));
        if (result == null) {
            throw new IllegalStateException("Control Tower controls: " + template + " is not in the cloud assembly's manifest");
        }
        return result;
    }

    private static JsonNode readTemplate(Path template) {
        try {
            return JSON.readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot read " + template, e);
        }
    }

    private static String contentHash(Path template) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(template)));
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot read template " + template, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One control's violation: every failing resource of the templates of one call. */
    private static final class Violation {
        final ControlTowerRules.Control control;
        final String id;
        final String guardRule;
        final List<PolicyViolatingResource> resources = new ArrayList<>();

        Violation(ControlTowerRules.Control control, String id, String guardRule) {
            this.control = control;
            this.id = id;
            this.guardRule = guardRule;
        }

        PolicyViolation build() {
            return PolicyViolation.builder()
                    .ruleName(id)
                    .description("[" + id + "] " + (control == null ? "Control Tower rule " + guardRule + " failed" : control.description()))
                    .fix(control == null ? "See the rule " + guardRule + " in " + ControlTowerRules.PACKAGE : control.fix()
                            + " Or, where the control cannot hold, record an exception with its reason (docs/compliance.md).")
                    .severity("error")
                    .violatingResources(resources)
                    .ruleMetadata(Map.of("guardRule", guardRule,
                            "documentation", "https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html"))
                    .build();
        }
    }
}
