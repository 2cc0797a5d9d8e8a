package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Control Tower controls over many templates, each rule file shown only the resources of the types it names.
 *
 * <p>Every Control Tower rule selects what it checks by type ({@code Resources.*[ Type == %ECR_REPOSITORY_TYPE ]}) and
 * applies only when that selection is not empty. cfn-guard evaluates every rule file it is given against the whole of
 * every template, so its cost grows with rule files times template size: the package's 237 files over an environment
 * template of 40 repositories took 8 s of CPU. Given only the files that name a type of the template, each over a copy
 * of the template that keeps its other sections and only the resources of those types, the same results cost a tenth
 * of that. {@code ControlTowerRuleSelectionTest} has cfn-guard prove the results equal to the whole package's on every
 * example's templates.
 */
final class ControlTowerRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlTowerRun() {
    }

    /** cfn-guard's results for each of {@code templates} under the controls of {@code rules}. */
    static Map<Path, CfnGuard.TemplateResult> evaluate(ControlTowerRules rules, List<Path> templates) {
        if (templates.isEmpty()) {
            return Map.of();
        }
        Path work;
        try {
            work = Files.createTempDirectory("ecr-blueprint-control-tower");
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot create a temporary directory", e);
        }
        try {
            // One cfn-guard run per set of rule files that see the same resource types: its data are the copies of
            // every template holding those types, reduced to them.
            Map<List<Path>, Map<Path, Path>> runs = new LinkedHashMap<>();
            for (Path template : templates) {
                Path original = template.toAbsolutePath();
                JsonNode document = read(original);
                Set<String> types = new TreeSet<>();
                document.path("Resources").forEach(resource -> types.add(resource.path("Type").asText()));
                Map<Set<String>, List<Path>> filesBySeenTypes = new LinkedHashMap<>();
                for (ControlTowerRules.RuleFile file : rules.ruleFilesFor(types)) {
                    Set<String> seen = new TreeSet<>(file.resourceTypes());
                    seen.retainAll(types);
                    // A file that names no type may look at anything: it gets the whole template.
                    filesBySeenTypes.computeIfAbsent(file.resourceTypes().isEmpty() ? types : seen, k -> new ArrayList<>())
                            .add(file.file());
                }
                int copy = 0;
                for (Map.Entry<Set<String>, List<Path>> group : filesBySeenTypes.entrySet()) {
                    Path reduced = work.resolve(runs.size() + "-" + copy++ + "-" + original.getFileName());
                    write(reduced, onlyTypes(document, group.getKey()));
                    runs.computeIfAbsent(group.getValue(), k -> new LinkedHashMap<>()).put(reduced, original);
                }
            }
            Map<Path, Set<String>> compliant = new LinkedHashMap<>();
            Map<Path, Map<String, Map<String, List<String>>>> failed = new LinkedHashMap<>();
            for (Path template : templates) {
                compliant.put(template.toAbsolutePath(), new LinkedHashSet<>());
                failed.put(template.toAbsolutePath(), new LinkedHashMap<>());
            }
            runs.forEach((ruleFiles, copies) -> CfnGuard.validate(rules.binary(), ruleFiles, List.copyOf(copies.keySet()))
                    .forEach((reduced, result) -> {
                        Path original = copies.get(reduced);
                        compliant.get(original).addAll(result.compliantRules());
                        failed.get(original).putAll(result.failedRules());
                    }));
            Map<Path, CfnGuard.TemplateResult> results = new LinkedHashMap<>();
            compliant.forEach((template, rulesPassed) ->
                    results.put(template, new CfnGuard.TemplateResult(rulesPassed, failed.get(template))));
            return results;
        } finally {
            deleteQuietly(work);
        }
    }

    /** The template with every section but only the resources of {@code types}. */
    private static JsonNode onlyTypes(JsonNode template, Set<String> types) {
        ObjectNode copy = ((ObjectNode) template).deepCopy();
        ObjectNode resources = JSON.createObjectNode();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (types.contains(resource.getValue().path("Type").asText())) {
                resources.set(resource.getKey(), resource.getValue());
            }
        });
        copy.set("Resources", resources);
        return copy;
    }

    private static JsonNode read(Path template) {
        try {
            JsonNode document = JSON.readTree(template.toFile());
            if (!(document instanceof ObjectNode)) {
                throw new IllegalStateException("Control Tower controls: " + template + " is not a template");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot read " + template, e);
        }
    }

    private static void write(Path file, JsonNode document) {
        try {
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind costs disk only.
        }
    }
}
