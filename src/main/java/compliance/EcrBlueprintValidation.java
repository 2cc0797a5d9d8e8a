package compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import compliance.rules.EcrRule;
import compliance.rules.StackTemplate;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compliance gate of a synthesis, as an aws-cdk-lib policy-validation plugin: after the CDK has written the
 * templates it
 * <ol>
 *   <li>runs the {@link EcrBlueprintChecks} rules on every template of the stages {@link Compliance#applyTo} was given,
 *       honouring the cdk-nag suppressions written in the templates' metadata, and writes the pack's CSV report beside
 *       cdk-nag's ({@code EcrBlueprint-<stack>-NagReport.csv}) for the compliance report;</li>
 *   <li>reads the error annotations of the same stacks from the cloud assembly's manifest: cdk-nag's own packs, which
 *       stay Aspects, annotate every unsuppressed error there.</li>
 * </ol>
 * Every unsuppressed error is a violation of the CDK's validation report ({@code validation-report.json}) with the rule
 * id, the resource and the fix, and fails {@code cdk synth} and {@code app.synth()}. A suppression that names a rule by
 * its deprecated numbered id still suppresses, and the report says so as a warning.
 *
 * <p>Why on the templates: read through jsii, every property of every L1 resource was a round trip to the Node
 * process; the template is one file read in Java.
 */
public final class EcrBlueprintValidation implements IPolicyValidationPlugin {

    /** The plugin's name in the CDK's report. */
    public static final String NAME = "ecr-blueprint-compliance";
    /** The report's rule name for a suppression that names a rule by its deprecated id. */
    public static final String DEPRECATED_ID = EcrBlueprintChecks.PACK_NAME + "-DeprecatedRuleId";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One plugin per App: it is registered once, on the App, and knows the stages it checks. */
    private static final Map<IConstruct, EcrBlueprintValidation> BY_APP = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Assembly directory of each stage to check, with the EcrBlueprint rules it gets (possibly none). */
    private final Map<Path, List<EcrRule>> stages = new ConcurrentHashMap<>();

    private EcrBlueprintValidation() {
    }

    /**
     * Checks the stacks of {@code stage} (not of Stages nested in it, which get their own call) with {@code rules} and
     * fails synthesis on their unsuppressed cdk-nag errors. The plugin goes on the stage's App.
     */
    static void register(Stage stage, List<EcrRule> rules) {
        IConstruct root = stage.getNode().getRoot();
        if (!(root instanceof Stage app)) {
            throw new IllegalArgumentException("compliance: " + stage.getNode().getPath() + " is not inside an App, and the"
                    + " CDK runs validation plugins only when an App synthesizes. Hint: create the stacks in an App");
        }
        EcrBlueprintValidation plugin;
        synchronized (BY_APP) {
            plugin = BY_APP.get(app);
            if (plugin == null) {
                plugin = new EcrBlueprintValidation();
                BY_APP.put(app, plugin);
                Validations.of(app).addPlugins(plugin);
            }
        }
        plugin.stages.put(Path.of(stage.getOutdir()).toAbsolutePath().normalize(), List.copyOf(rules));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public List<String> getRuleIds() {
        return EcrBlueprintRules.all().stream().map(EcrRule::id).toList();
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        Map<String, Violation> violations = new LinkedHashMap<>();
        Map<Path, JsonNode> manifests = new LinkedHashMap<>();
        for (PolicyValidationStack stack : context.getStackTemplates()) {
            Path templatePath = Path.of(stack.getTemplatePath()).toAbsolutePath().normalize();
            Path directory = templatePath.getParent();
            List<EcrRule> rules = stages.get(directory);
            if (rules == null) {
                continue;
            }
            String artifactId = templatePath.getFileName().toString().replaceFirst("\\.template\\.json$", "");
            if (!rules.isEmpty()) {
                List<EcrBlueprintChecks.Result> results = new EcrBlueprintChecks(rules).check(new StackTemplate(read(templatePath)));
                writeReport(directory, artifactId, results);
                for (EcrBlueprintChecks.Result result : results) {
                    if (result.status() == EcrBlueprintChecks.Status.NON_COMPLIANT) {
                        violations.computeIfAbsent(result.rule().id(), id -> Violation.of(result.rule()))
                                .add(result.resource().logicalId(), null, stack.getTemplatePath(), result.finding());
                    } else if (result.suppressedByLegacyId()) {
                        violations.computeIfAbsent(DEPRECATED_ID + "|" + result.suppression().id(),
                                        id -> Violation.deprecated(result.suppression().id(), result.rule()))
                                .add(result.resource().logicalId(), null, stack.getTemplatePath(), null);
                    }
                }
            }
            JsonNode manifest = manifests.computeIfAbsent(directory, d -> read(d.resolve("manifest.json")));
            // The CDK writes a stack's construct metadata into the manifest or, in 2.263.0, into <artifact>.metadata.json.
            Set<NagErrors.Error> errors = new LinkedHashSet<>(
                    NagErrors.in(manifest.path("artifacts").path(artifactId).path("metadata")));
            Path metadataFile = directory.resolve(artifactId + ".metadata.json");
            if (Files.isRegularFile(metadataFile)) {
                errors.addAll(NagErrors.in(read(metadataFile)));
            }
            for (NagErrors.Error error : errors) {
                violations.computeIfAbsent(error.ruleId() + "|" + error.message(), id -> Violation.of(error))
                        .add(null, error.constructPath(), stack.getTemplatePath(), error.finding());
            }
        }
        List<PolicyViolation> report = violations.values().stream().map(Violation::build).toList();
        boolean success = violations.values().stream().noneMatch(v -> v.severity.equals("error"));
        return PolicyValidationPluginReport.builder().success(success).violations(report).build();
    }

    /**
     * The pack's results as a cdk-nag CSV report in the root assembly directory, where cdk-nag writes the reports of
     * its packs (for the stacks of nested Stages too) and the compliance report reads them.
     */
    private static void writeReport(Path directory, String artifactId, List<EcrBlueprintChecks.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(NagReportCsv.HEADER);
        for (EcrBlueprintChecks.Result result : results) {
            String compliance = switch (result.status()) {
                case COMPLIANT -> "Compliant";
                case NON_COMPLIANT -> "Non-Compliant";
                case SUPPRESSED -> "Suppressed";
            };
            String reason = result.reason() == null ? "N/A" : result.suppressedByLegacyId()
                    ? result.reason() + " (suppressed by the deprecated id " + result.suppression().id() + ": name "
                            + result.rule().id() + " instead)"
                    : result.reason();
            lines.add(NagReportCsv.line(result.findingId(), result.resource().path(), compliance, reason, "Error",
                    result.rule().info()));
        }
        Path report = rootAssembly(directory).resolve(NagReportCsv.fileName(EcrBlueprintChecks.PACK_NAME, artifactId));
        try {
            Files.write(report, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("compliance: cannot write " + report, e);
        }
    }

    /** The outermost directory holding a manifest.json among {@code directory} and its ancestors. */
    private static Path rootAssembly(Path directory) {
        Path root = directory;
        for (Path candidate = directory.getParent(); candidate != null && Files.isRegularFile(candidate.resolve("manifest.json"));
             candidate = candidate.getParent()) {
            root = candidate;
        }
        return root;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("compliance: cannot read " + file, e);
        }
    }

    /** One rule's violation: every resource it was found on. */
    private static final class Violation {
        final String ruleName;
        final String description;
        final String fix;
        final String severity;
        final List<PolicyViolatingResource> resources = new ArrayList<>();

        private Violation(String ruleName, String description, String fix, String severity) {
            this.ruleName = ruleName;
            this.description = description;
            this.fix = fix;
            this.severity = severity;
        }

        static Violation of(EcrRule rule) {
            return new Violation(rule.id(), "[" + rule.id() + "] " + rule.info() + " " + rule.explanation(), rule.fix()
                    + " Or, where the rule cannot hold, suppress it with a reason (NagSuppressions, docs/compliance.md).", "error");
        }

        static Violation deprecated(String legacyId, EcrRule rule) {
            return new Violation(DEPRECATED_ID, "A suppression names " + legacyId + ", the deprecated id of " + rule.id()
                    + " (" + rule.info() + "); it still suppresses.", "Name " + rule.id() + " in the suppression instead of "
                    + legacyId + ".", "warning");
        }

        static Violation of(NagErrors.Error error) {
            return new Violation(error.ruleId(), "[" + error.ruleId() + "] " + error.message(),
                    "Fix the resource, or suppress the rule with a reason (NagSuppressions, docs/compliance.md).", "error");
        }

        void add(String logicalId, String constructPath, String templatePath, String finding) {
            resources.add(PolicyViolatingResource.builder()
                    .resourceLogicalId(logicalId)
                    .constructPath(constructPath)
                    .templatePath(templatePath)
                    .locations(finding == null ? List.of() : List.of(finding))
                    .build());
        }

        PolicyViolation build() {
            return PolicyViolation.builder()
                    .ruleName(ruleName)
                    .description(description)
                    .fix(fix)
                    .severity(severity)
                    .violatingResources(resources)
                    .build();
        }
    }
}
