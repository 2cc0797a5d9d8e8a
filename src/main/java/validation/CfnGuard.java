package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the cfn-guard binary over many templates: {@code cfn-guard validate --rules <r1> --rules <r2> ... --data
 * <t1> --data <t2> ... --output-format json --show-summary none --structured}, the command line of the npm package's
 * plugin with the rule files given one by one.
 * cfn-guard exits 0 when everything passes, 19 when a rule fails and 5 when it fails on a template it could not
 * fully evaluate; anything else is a failure of the run, reported with its standard error.
 */
final class CfnGuard {

    /** What cfn-guard found in one template. */
    record TemplateResult(Set<String> compliantRules, Map<String, Map<String, List<String>>> failedRules) {

        /**
         * @param compliantRules top-level guard rules that applied and passed
         * @param failedRules    top-level guard rules that failed: rule, then the logical id of each failing resource
         *                       ({@code ""} for the template itself), then the paths in it that failed
         */
        TemplateResult {
            compliantRules = Collections.unmodifiableSet(new LinkedHashSet<>(compliantRules));
            failedRules = Collections.unmodifiableMap(new LinkedHashMap<>(failedRules));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESOURCE_PATH = Pattern.compile("^/Resources/([^/]+)");

    private CfnGuard() {
    }

    /**
     * Runs {@code binary} with {@code rules} (rule files or directories of them) over {@code templates}; the result by
     * template. Without rules every template's result is empty: nothing applied.
     */
    static Map<Path, TemplateResult> validate(Path binary, List<Path> rules, List<Path> templates) {
        if (templates.isEmpty()) {
            return Map.of();
        }
        if (rules.isEmpty()) {
            Map<Path, TemplateResult> nothingApplied = new LinkedHashMap<>();
            templates.forEach(template -> nothingApplied.put(template.toAbsolutePath(), new TemplateResult(Set.of(), Map.of())));
            return nothingApplied;
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(), "validate"));
        for (Path rule : rules) {
            command.add("--rules");
            command.add(rule.toAbsolutePath().toString());
        }
        for (Path template : templates) {
            command.add("--data");
            command.add(template.toAbsolutePath().toString());
        }
        command.addAll(List.of("--output-format", "json", "--show-summary", "none", "--structured"));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("Control Tower controls: cannot start " + binary + ": " + e.getMessage()
                    + ". Hint: run `npm ci` (the binary comes with " + ControlTowerRules.PACKAGE + ")", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            int exit = process.waitFor();
            if (exit != 0 && exit != 5 && exit != 19) {
                throw new IllegalStateException("Control Tower controls: cfn-guard exited with " + exit + ": "
                        + stderr.join().strip());
            }
            return parse(stdout);
        } catch (IOException e) {
            throw new IllegalStateException("Control Tower controls: cannot read cfn-guard's report: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Control Tower controls: interrupted while cfn-guard ran", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Control Tower controls: cannot read cfn-guard's output", e);
        }
    }

    /**
     * cfn-guard's structured report: a list with one entry per data file, {@code {"name": <file>, "compliant":
     * [<rule>...], "not_applicable": [...], "not_compliant": [{"Rule": {"name": <rule>, "checks": [...]}}]}}. The
     * checks nest differently with the shape of the rule (see the npm package's reviver); every failing check
     * carries the path it traversed to, {@code /Resources/<logical id>/...}, which is all this needs from them.
     */
    static Map<Path, TemplateResult> parse(String report) throws IOException {
        Map<Path, TemplateResult> results = new LinkedHashMap<>();
        if (report.isBlank()) {
            return results;
        }
        for (JsonNode template : JSON.readTree(report)) {
            Set<String> compliant = new LinkedHashSet<>();
            template.path("compliant").forEach(rule -> compliant.add(rule.asText()));
            Map<String, Map<String, List<String>>> failed = new LinkedHashMap<>();
            for (JsonNode entry : template.path("not_compliant")) {
                JsonNode rule = entry.has("Rule") ? entry.get("Rule") : entry;
                Map<String, List<String>> resources = failed.computeIfAbsent(rule.path("name").asText(),
                        name -> new LinkedHashMap<>());
                collectPaths(rule, resources);
                if (resources.isEmpty()) {
                    resources.put("", new ArrayList<>());
                }
            }
            results.put(Path.of(template.path("name").asText()).toAbsolutePath(), new TemplateResult(compliant, failed));
        }
        return results;
    }

    private static void collectPaths(JsonNode node, Map<String, List<String>> resources) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.isTextual()) {
                Matcher resource = RESOURCE_PATH.matcher(path.asText());
                if (resource.find()) {
                    List<String> locations = resources.computeIfAbsent(resource.group(1), id -> new ArrayList<>());
                    if (!locations.contains(path.asText())) {
                        locations.add(path.asText());
                    }
                }
            }
            node.forEach(child -> collectPaths(child, resources));
        } else if (node.isArray()) {
            node.forEach(child -> collectPaths(child, resources));
        }
    }
}
