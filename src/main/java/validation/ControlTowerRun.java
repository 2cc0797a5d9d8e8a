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
    /** Template bytes one cfn-guard process takes: enough to keep its start small, small enough to share the cores. */
    static final long BYTES_PER_RUN = 1L << 20;

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
            Map<Path, Path> originals = originals(runs);
            for (Map.Entry<Path, CfnGuard.TemplateResult> found : runInParallel(rules, runs).entrySet()) {
                Path original = originals.get(found.getKey());
                compliant.get(original).addAll(found.getValue().compliantRules());
                failed.get(original).putAll(found.getValue().failedRules());
            }
            Map<Path, CfnGuard.TemplateResult> results = new LinkedHashMap<>();
            compliant.forEach((template, rulesPassed) ->
                    results.put(template, new CfnGuard.TemplateResult(rulesPassed, failed.get(template))));
            return results;
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * The runs, their data cut into pieces of about {@value #BYTES_PER_RUN} bytes, on one thread per processor: one
     * cfn-guard process uses one core, and at 1,000 services the controls take longer than everything else.
     */
    private static Map<Path, CfnGuard.TemplateResult> runInParallel(ControlTowerRules rules, Map<List<Path>, Map<Path, Path>> runs) {
        List<java.util.concurrent.Callable<Map<Path, CfnGuard.TemplateResult>>> pieces = new ArrayList<>();
        runs.forEach((ruleFiles, copies) -> {
            List<Path> piece = new ArrayList<>();
            long bytes = 0;
            for (Path copy : copies.keySet()) {
                piece.add(copy);
                bytes += copy.toFile().length();
                if (bytes >= BYTES_PER_RUN) {
                    List<Path> data = List.copyOf(piece);
                    pieces.add(() -> CfnGuard.validate(rules.binary(), ruleFiles, data));
                    piece.clear();
                    bytes = 0;
                }
            }
            if (!piece.isEmpty()) {
                List<Path> data = List.copyOf(piece);
                pieces.add(() -> CfnGuard.validate(rules.binary(), ruleFiles, data));
            }
        });
        int threads = Math.max(1, Math.min(pieces.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "control-tower-cfn-guard-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Path, CfnGuard.TemplateResult> results = new LinkedHashMap<>();
            for (java.util.concurrent.Future<Map<Path, CfnGuard.TemplateResult>> piece : pool.invokeAll(pieces)) {
                results.putAll(piece.get());
            }
            return results;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Control Tower controls: interrupted while cfn-guard ran", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Path, Path> originals(Map<List<Path>, Map<Path, Path>> runs) {
        Map<Path, Path> originals = new LinkedHashMap<>();
        runs.values().forEach(originals::putAll);
        return originals;
    }

    /**
     * The template with every section but only the resources of {@code types}, and the resources those reference
     * ({@code Ref}, {@code Fn::GetAtt}): some controls accept a property that names a resource of the same template
     * (CT.LAMBDA.PR.2 takes a {@code SourceArn} that is a {@code Fn::GetAtt} of a rule in the template), and look it up.
     * A referenced resource of another type is selected by none of the run's rule files, which all see exactly
     * {@code types} of this template.
     */
    private static JsonNode onlyTypes(JsonNode template, Set<String> types) {
        ObjectNode copy = ((ObjectNode) template).deepCopy();
        ObjectNode resources = JSON.createObjectNode();
        JsonNode all = template.path("Resources");
        Set<String> referenced = new TreeSet<>();
        all.fields().forEachRemaining(resource -> {
            if (types.contains(resource.getValue().path("Type").asText())) {
                resources.set(resource.getKey(), resource.getValue());
                references(resource.getValue(), referenced);
            }
        });
        for (String name : referenced) {
            if (!resources.has(name) && all.has(name)) {
                resources.set(name, all.get(name));
            }
        }
        copy.set("Resources", resources);
        return copy;
    }

    /** The logical ids {@code node} names in {@code Ref} and {@code Fn::GetAtt}. */
    private static void references(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode ref = node.get("Ref");
            if (ref != null && ref.isTextual()) {
                names.add(ref.asText());
            }
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null) {
                String target = getAtt.isArray() ? getAtt.path(0).asText() : getAtt.asText().split("\\.")[0];
                names.add(target);
            }
            node.elements().forEachRemaining(child -> references(child, names));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> references(child, names));
        }
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
