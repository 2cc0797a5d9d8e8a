package compliance.report;

import compliance.NagReportCsv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import compliance.EcrBlueprintRules;
import compliance.rules.CustomerManagedEncryption;
import compliance.rules.EcrRule;
import compliance.rules.PolicyDocuments;
import compliance.rules.RepositoryPolicyPrincipals;
import validation.CloudAssembly;
import validation.ControlTowerOutcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The compliance of one synthesized cloud assembly: every ECR repository against the catalog
 * controls, documented exceptions, cdk-nag suppressions with their reasons and the totals of
 * cdk-nag's own reports. Read from files only ({@link #read(Path)}): no CDK app is run.
 */
public record ComplianceReport(
        List<String> templates,
        List<RepositoryResult> repositories,
        List<ControlTowerResult> controlTower,
        List<DocumentedException> exceptions,
        List<Suppression> suppressions,
        List<NagReportSummary> nagReports,
        List<String> notes) {

    /** aws-cdk-lib's metadata type of acknowledged warnings and rules (Validations.ACKNOWLEDGED_RULES_METADATA_KEY). */
    static final String ACKNOWLEDGED_RULES = "aws:cdk:acknowledged-rules";

    /** Why the repositories that pull-through cache rules create keep MUTABLE tags. */
    static final String PULL_THROUGH_CACHE_MUTABLE = "Repositories created for pull-through cache rules mirror upstream "
            + "tags such as latest that move upstream; ECR must overwrite them when it refreshes the cache, so their "
            + "tags are MUTABLE. Workloads pin cached images by digest.";

    /** Where a catalog's own check disagrees with what it is meant to protect. */
    static final List<String> CATALOG_NOTES = List.of(
            "Checkov CKV_AWS_32 treats a \"*\" principal as constrained only by ForAllValues:StringEquals on "
                    + "aws:PrincipalOrgID. ForAllValues: is true when the request has no such key, so that policy is open to "
                    + "every account; the correct StringEquals form fails Checkov when Principal is the string \"*\" (write "
                    + "{\"AWS\": \"*\"}, which Checkov does not inspect). This report and " + RepositoryPolicyPrincipals.ID + " require StringEquals.",
            "Checkov CKV_AWS_136 passes EncryptionType KMS with the AWS managed key aws/ecr (newer Checkov releases pass "
                    + "AES256 too); Security Hub ECR.5 and " + CustomerManagedEncryption.ID + " require a customer managed key written in the template.",
            "Security Hub ECR.1 also passes a repository covered by registry-level enhanced (continuous) scanning; this "
                    + "report reads the repository's own ScanOnPush, as CT.ECR.PR.2 and CKV_AWS_163 do.");

    private static final ObjectMapper JSON = new ObjectMapper();

    public ComplianceReport {
        templates = List.copyOf(templates);
        repositories = List.copyOf(repositories);
        controlTower = List.copyOf(controlTower);
        exceptions = List.copyOf(exceptions);
        suppressions = List.copyOf(suppressions);
        nagReports = List.copyOf(nagReports);
        notes = List.copyOf(notes);
    }

    /** Number of controls that fail without an exception, over all repositories and the Control Tower controls of every template. */
    public long failures() {
        return repositories.stream().flatMap(r -> r.controls().stream()).filter(c -> c.status() == Status.FAIL).count()
                + controlTower.stream().filter(c -> c.status() == Status.FAIL).count();
    }

    /**
     * Reads every {@code *.template.json} and {@code *-NagReport.csv} under {@code cdkOut} (nested
     * assemblies of Stages included).
     */
    public static ComplianceReport read(Path cdkOut) {
        return read(cdkOut, CloudAssembly.read(cdkOut));
    }

    /** The report of the stacks the manifest lists (the last synthesis), not of every template file lying around. */
    public static ComplianceReport read(Path cdkOut, CloudAssembly manifest) {
        List<Path> templateFiles = manifest.templates().stream().sorted().toList();
        List<String> templates = new ArrayList<>();
        List<RepositoryResult> repositories = new ArrayList<>();
        List<ControlTowerResult> controlTower = new ArrayList<>();
        List<DocumentedException> exceptions = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Path file : templateFiles) {
            String name = cdkOut.relativize(file).toString().replace('\\', '/');
            templates.add(name);
            controlTower.addAll(controlTower(name, file));
            exceptions.addAll(acknowledgedWarnings(name, file));
            JsonNode template = readJson(file);
            List<Suppression> stackWide = suppressions(name, "(stack)", template.path("Metadata"));
            suppressions.addAll(stackWide);
            for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
                String logicalId = resource.getKey();
                JsonNode body = resource.getValue();
                String path = body.path("Metadata").path("aws:cdk:path").asText(logicalId);
                List<Suppression> own = suppressions(name, path, body.path("Metadata"));
                suppressions.addAll(own);
                switch (body.path("Type").asText()) {
                    case "AWS::ECR::Repository" -> repositories.add(repository(name, logicalId, path, body,
                            concat(own, stackWide)));
                    case "AWS::ECR::RepositoryCreationTemplate" -> creationTemplateException(name, path, body)
                            .ifPresent(exceptions::add);
                    case "AWS::ECR::PublicRepository" -> exceptions.add(publicRepositoryException(name, path, body));
                    default -> {
                    }
                }
            }
        }
        List<NagReportSummary> nagReports = files(cdkOut, NagReportCsv.FILE_SUFFIX).stream()
                .filter(f -> manifest.stacks().stream().map(CloudAssembly.StackTemplate::id).anyMatch(stack -> f.getFileName().toString()
                        .endsWith("-" + stack + NagReportCsv.FILE_SUFFIX)))
                .map(f -> NagReports.summarize(cdkOut.relativize(f).toString().replace('\\', '/'), f))
                .toList();
        return new ComplianceReport(templates, repositories, controlTower, exceptions, suppressions, nagReports, CATALOG_NOTES);
    }

    /**
     * The Control Tower controls that applied to the template, from the {@code <stack>.control-tower.json} the
     * synthesis wrote beside it; none when the controls did not run.
     */
    private static List<ControlTowerResult> controlTower(String template, Path file) {
        List<ControlTowerResult> results = new ArrayList<>();
        ControlTowerOutcomes.read(file).ifPresent(outcome -> outcome.controls().forEach(control -> {
            switch (control.status()) {
                case PASS -> results.add(new ControlTowerResult(template, control.control(), Status.PASS, ""));
                case FAIL -> results.add(new ControlTowerResult(template, control.control(), Status.FAIL,
                        "fails on " + String.join(", ", control.failingResources().keySet())));
                case EXCEPTION -> results.add(new ControlTowerResult(template, control.control(), Status.EXCEPTION,
                        String.join("; ", control.exceptions().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue()).toList())));
                case NOT_ENFORCED -> results.add(new ControlTowerResult(template, control.control(), Status.EXCEPTION,
                        "family not enforced by the platform file (compliance.controlTower.families); fails on "
                                + String.join(", ", control.failingResources().keySet())));
            }
        }));
        return results;
    }

    /**
     * Construct warnings acknowledged as documented design choices, from the stack's {@code <stack>.metadata.json}
     * ({@value #ACKNOWLEDGED_RULES} entries: warning id and reason).
     */
    private static List<DocumentedException> acknowledgedWarnings(String template, Path file) {
        Path metadata = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.template\\.json$", ".metadata.json"));
        List<DocumentedException> acknowledged = new ArrayList<>();
        if (!Files.isRegularFile(metadata)) {
            return acknowledged;
        }
        for (Map.Entry<String, JsonNode> construct : readJson(metadata).properties()) {
            for (JsonNode entry : construct.getValue()) {
                if (ACKNOWLEDGED_RULES.equals(entry.path("type").asText())) {
                    entry.path("data").properties().forEach(rule -> acknowledged.add(new DocumentedException(template,
                            construct.getKey().replaceFirst("^/", ""), "warning " + rule.getKey(), rule.getValue().asText())));
                }
            }
        }
        return acknowledged;
    }

    private static RepositoryResult repository(String template, String logicalId, String path, JsonNode body,
                                               List<Suppression> suppressions) {
        JsonNode properties = body.path("Properties");
        List<ControlResult> results = new ArrayList<>();
        for (Control control : Control.values()) {
            Control.Check check = control.check(properties);
            if (check.passed()) {
                results.add(new ControlResult(control.id(), Status.PASS, check.detail()));
                continue;
            }
            List<String> excusing = withLegacyIds(control == Control.CHECKOV_CKV_AWS_32
                    ? Control.PUBLIC_POLICY_RULES : List.of(control.enforcedBy()));
            var suppression = suppressions.stream().filter(s -> excusing.contains(s.ruleId())).findFirst();
            results.add(suppression
                    .map(s -> new ControlResult(control.id(), Status.EXCEPTION,
                            check.detail() + "; suppressed " + s.ruleId() + ": " + s.reason()))
                    .orElseGet(() -> new ControlResult(control.id(), Status.FAIL, check.detail())));
        }
        String name = properties.path("RepositoryName").isTextual()
                ? properties.path("RepositoryName").asText()
                : "(generated)";
        return new RepositoryResult(template, logicalId, path, name, results);
    }

    /** The rule ids and the deprecated numbered ids of our rules among them, which suppressions may still name. */
    private static List<String> withLegacyIds(List<String> ruleIds) {
        List<String> ids = new ArrayList<>(ruleIds);
        for (EcrRule rule : EcrBlueprintRules.all()) {
            if (ruleIds.contains(rule.id()) && rule.legacyId() != null) {
                ids.add(rule.legacyId());
            }
        }
        return ids;
    }

    private static Optional<DocumentedException> creationTemplateException(String template, String path, JsonNode body) {
        JsonNode properties = body.path("Properties");
        boolean pullThroughCache = PolicyDocuments.strings(properties.path("AppliedFor")).contains("PULL_THROUGH_CACHE");
        boolean mutable = !"IMMUTABLE".equals(properties.path("ImageTagMutability").asText("MUTABLE"));
        if (pullThroughCache && mutable) {
            return Optional.of(new DocumentedException(template,
                    path + " (prefix " + properties.path("Prefix").asText() + ")",
                    "ECR.2, CT.ECR.PR.3, CKV_AWS_51", PULL_THROUGH_CACHE_MUTABLE));
        }
        return Optional.empty();
    }

    /**
     * ECR Public repositories are not scanned, encrypted with a customer key or lifecycle-managed by ECR:
     * the private-repository controls do not apply. Security Hub ECR.4 (public repositories are tagged) does.
     */
    private static DocumentedException publicRepositoryException(String template, String path, JsonNode body) {
        JsonNode properties = body.path("Properties");
        boolean tagged = properties.path("Tags").isArray() && !properties.path("Tags").isEmpty();
        return new DocumentedException(template,
                path + " (public repository " + properties.path("RepositoryName").asText("(generated)") + ")",
                "ECR.1, ECR.2, ECR.3, ECR.5, CT.ECR.PR.1-3, CKV_AWS_32/51/136/163",
                "ECR Public repositories have no image scanning, tag immutability, lifecycle policy or customer-managed"
                        + " encryption settings, so the private-repository controls do not apply; Security Hub ECR.4"
                        + " (public repositories are tagged): " + (tagged ? "PASS" : "FAIL"));
    }

    private static List<Suppression> suppressions(String template, String path, JsonNode metadata) {
        List<Suppression> all = new ArrayList<>();
        for (JsonNode rule : metadata.path("cdk_nag").path("rules_to_suppress")) {
            String reason = rule.path("reason").asText();
            if (rule.path("is_reason_encoded").asBoolean(false)) {
                reason = new String(Base64.getDecoder().decode(reason), StandardCharsets.UTF_8);
            }
            List<String> appliesTo = new ArrayList<>();
            for (JsonNode applies : rule.path("applies_to")) {
                appliesTo.add(applies.isTextual() ? applies.asText() : "regex " + applies.path("regex").asText());
            }
            all.add(new Suppression(template, path, rule.path("id").asText(), reason, appliesTo));
        }
        return all;
    }

    private static List<Suppression> concat(List<Suppression> first, List<Suppression> second) {
        List<Suppression> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
