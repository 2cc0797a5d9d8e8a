package platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} is the whole check: the corpus of broken platform files (one mistake each,
 * src/test/resources/platform/broken/) is run through {@code validate} and through synthesis, and no file may pass
 * the one and fail the other. Files whose shape the binder rejects have no model to synthesize; every other file is
 * synthesized from the model as bound, without the validator, so synthesis sees the mistake itself. The near-misses
 * in src/test/resources/platform/valid/ must pass both.
 *
 * <p>One JVM, one App per file, no CloudFormation-validation workers ({@link Synthesizer}): about half a second a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateMirrorsSynthesisTest {

    static final Path VALID = Path.of("src/test/resources/platform/valid");

    /** Outcome of one file: validate's problems, and synthesis's failure (null: passed; "shape": not synthesizable). */
    record Outcome(List<Problem> problems, String synthesis) {
    }

    final Map<String, Outcome> broken = new LinkedHashMap<>();
    final Map<String, Outcome> valid = new LinkedHashMap<>();

    @BeforeAll
    void runTheCorpus() throws Exception {
        for (Path file : files(BrokenFiles.DIRECTORY)) {
            broken.put(name(file), outcome(file));
        }
        for (Path file : files(VALID)) {
            valid.put(name(file), outcome(file));
        }
    }

    @Test
    void theCorpusHasAtLeastSixtyBrokenFiles() {
        assertThat(broken).hasSizeGreaterThanOrEqualTo(60);
        assertThat(broken.values().stream().filter(o -> !"shape".equals(o.synthesis()))).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void validateRejectsEveryBrokenFileNamingTheFieldAndItsLine() {
        List<String> accepted = new ArrayList<>();
        broken.forEach((name, outcome) -> {
            if (outcome.problems().stream().noneMatch(p -> !p.path().isEmpty() && p.line() != null)) {
                accepted.add(name + ": " + outcome.problems());
            }
        });
        // The files the loader refuses before any field (empty, not YAML, two documents, a top-level list) are
        // rejected with their line in the message; BrokenPlatformFilesTest asserts those messages.
        accepted.removeIf(line -> Stream.of("empty", "not-yaml", "top-level-list", "two-documents").anyMatch(s -> line.startsWith(s + ":")));
        assertThat(accepted).isEmpty();
    }

    @Test
    void noFilePassesValidateButFailsSynthesis() {
        List<String> missed = new ArrayList<>();
        Stream.of(broken, valid).forEach(corpus -> corpus.forEach((name, outcome) -> {
            if (outcome.problems().isEmpty() && outcome.synthesis() != null) {
                missed.add(name + ": synthesis fails with: " + outcome.synthesis());
            }
        }));
        assertThat(missed).isEmpty();
    }

    @Test
    void theNearMissesPassValidateAndSynthesis() {
        assertThat(valid).isNotEmpty();
        valid.forEach((name, outcome) -> {
            assertThat(outcome.problems()).as(name).isEmpty();
            assertThat(outcome.synthesis()).as(name).isNull();
        });
    }

    private static Outcome outcome(Path file) throws Exception {
        List<Problem> problems;
        try {
            PlatformLoader.load(file);
            problems = List.of();
        } catch (PlatformFileException e) {
            problems = e.problems().isEmpty() ? List.of(new Problem("", null, e.getMessage(), "")) : e.problems();
        }
        Optional<Platform> model;
        try {
            model = Synthesizer.unvalidated(file);
        } catch (Exception e) {
            model = Optional.empty();
        }
        String synthesis = model.isEmpty() ? "shape" : Synthesizer.failure(model.get()).orElse(null);
        return new Outcome(problems, synthesis);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".yaml", "");
    }
}
