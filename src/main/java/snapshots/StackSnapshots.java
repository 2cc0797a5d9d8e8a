package snapshots;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import software.amazon.awscdk.Stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Snapshot tests of CloudFormation templates: one file per stack, {@code <directory>/<suite>/<stackName>.json},
 * in {@link CanonicalJson canonical form}, compared structurally (strict) with the current synthesis.
 * <ul>
 *   <li>A difference fails with every differing JSON path, the snapshot value and the new one.</li>
 *   <li>A missing snapshot fails when the environment variable {@code CI} is set; otherwise it is written
 *       and the test passes with a notice on standard error (commit the new file).</li>
 *   <li>Existing snapshots are rewritten only with {@code -Dsnapshots.update=true}; that also deletes the
 *       snapshots of stacks that no longer exist (through {@link #assertMatches(Synthesis)}).</li>
 * </ul>
 * Snapshots are read from and written to the source tree (not the classpath), relative to the working
 * directory, which is the project root under Maven.
 */
public final class StackSnapshots {

    /** Where suites live unless told otherwise: {@code src/test/resources/snapshots}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("src", "test", "resources", "snapshots");

    static final String UPDATE_HINT = "-D" + RunMode.UPDATE_PROPERTY + "=true";

    /** What a check did when it passed. */
    public enum Outcome { MATCHED, CREATED, UPDATED }

    private final Path suiteDirectory;
    private final RunMode mode;
    private final Consumer<String> notices;

    private StackSnapshots(Path suiteDirectory, RunMode mode, Consumer<String> notices) {
        this.suiteDirectory = Objects.requireNonNull(suiteDirectory, "suiteDirectory");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** The suite {@code src/test/resources/snapshots/<suite>} in this JVM's {@link RunMode}. */
    public static StackSnapshots forSuite(String suite) {
        return in(DEFAULT_DIRECTORY.resolve(requireSuite(suite)), RunMode.current());
    }

    /** The suite stored in {@code suiteDirectory}, in the given mode; notices go to standard error. */
    public static StackSnapshots in(Path suiteDirectory, RunMode mode) {
        return new StackSnapshots(suiteDirectory, mode, message -> System.err.println("[snapshots] " + message));
    }

    /** Same, with notices (snapshot written, snapshot updated) sent to {@code notices}. */
    public static StackSnapshots in(Path suiteDirectory, RunMode mode, Consumer<String> notices) {
        return new StackSnapshots(suiteDirectory, mode, notices);
    }

    public Path suiteDirectory() {
        return suiteDirectory;
    }

    /** The snapshot file of a stack. */
    public Path snapshotFile(String stackName) {
        if (stackName == null || !stackName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("stack name \"" + stackName + "\" cannot name a snapshot file:"
                    + " CloudFormation stack names are letters, digits and hyphens");
        }
        return suiteDirectory.resolve(stackName + ".json");
    }

    /** Checks the one stack of {@code stack}'s synthesis (synthesizing its stage). */
    public Outcome assertMatches(Stack stack) {
        return assertMatches(Synthesis.of(stack), stack.getStackName());
    }

    /**
     * Checks every stack of the synthesis, and that the suite holds no snapshot of a stack that is gone;
     * reports all failures at once.
     */
    public void assertMatches(Synthesis synthesis) {
        List<String> failures = new ArrayList<>();
        for (String stackName : synthesis.templates().keySet()) {
            try {
                assertMatches(synthesis, stackName);
            } catch (AssertionFailedError e) {
                failures.add(e.getMessage());
            }
        }
        try {
            assertNoStaleSnapshots(synthesis);
        } catch (AssertionFailedError e) {
            failures.add(e.getMessage());
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(String.join("\n\n", failures));
        }
    }

    /** One JUnit test per stack, plus one that no snapshot is left for a stack that is gone; for {@code @TestFactory}. */
    public Stream<DynamicTest> tests(Synthesis synthesis) {
        Stream<DynamicTest> perStack = synthesis.templates().keySet().stream()
                .map(name -> DynamicTest.dynamicTest("snapshot of " + name, snapshotFile(name).toUri(),
                        () -> assertMatches(synthesis, name)));
        return Stream.concat(perStack, Stream.of(DynamicTest.dynamicTest(
                "no snapshot without a stack in " + suiteDirectory, () -> assertNoStaleSnapshots(synthesis))));
    }

    /** Checks one stack of the synthesis against its snapshot. */
    public Outcome assertMatches(Synthesis synthesis, String stackName) {
        Path file = snapshotFile(stackName);
        String actual = synthesis.canonical(stackName);
        if (!Files.exists(file)) {
            if (mode.ci() && !mode.update()) {
                throw new AssertionFailedError("Snapshot of stack \"" + stackName + "\" is missing: " + file
                        + " does not exist, and snapshots are never created in CI (environment variable "
                        + RunMode.CI_VARIABLE + " is set). Create it by running this test locally (without "
                        + RunMode.CI_VARIABLE + ", or with " + UPDATE_HINT + "), review the file and commit it.");
            }
            write(file, actual);
            notices.accept("NEW SNAPSHOT written: " + file + " (stack \"" + stackName + "\"). Review it and commit it;"
                    + " in CI a missing snapshot fails.");
            return Outcome.CREATED;
        }
        String expected = read(file);
        if (expected.equals(actual)) {
            return Outcome.MATCHED;
        }
        if (mode.update()) {
            String what;
            try {
                List<String> differences = SnapshotDiff.differences(expected, actual, file.toString());
                what = differences.isEmpty() ? "canonical form only" : differences.size() + " difference(s)";
            } catch (IllegalArgumentException e) {
                what = "the old file was not valid JSON";
            }
            write(file, actual);
            notices.accept("SNAPSHOT UPDATED: " + file + " (stack \"" + stackName + "\", " + what + ")");
            return Outcome.UPDATED;
        }
        List<String> differences = SnapshotDiff.differences(expected, actual, file.toString());
        if (differences.isEmpty()) {
            return Outcome.MATCHED;
        }
        throw new AssertionFailedError("Stack \"" + stackName + "\" no longer matches its snapshot " + file + " ("
                + differences.size() + (differences.size() == 1 ? " difference" : " differences") + "):\n  "
                + String.join("\n  ", differences)
                + "\nIf the change is intended, rerun with " + UPDATE_HINT + ", review the snapshot diff and commit it.",
                expected, actual);
    }

    /** Fails (or, with the update flag, deletes them) when the suite holds snapshots of stacks the synthesis lacks. */
    public void assertNoStaleSnapshots(Synthesis synthesis) {
        if (!Files.isDirectory(suiteDirectory)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(suiteDirectory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !synthesis.templates().containsKey(stackNameOf(f)))
                    .sorted()
                    .forEach(stale::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + suiteDirectory, e);
        }
        if (stale.isEmpty()) {
            return;
        }
        if (mode.update()) {
            for (Path file : stale) {
                delete(file);
                notices.accept("SNAPSHOT DELETED: " + file + " (no such stack any more)");
            }
            return;
        }
        throw new AssertionFailedError("Snapshots without a stack in the synthesis: " + stale
                + ". If those stacks were removed on purpose, delete the files (or rerun with " + UPDATE_HINT + ").");
    }

    private static String stackNameOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    private static String requireSuite(String suite) {
        if (suite == null || !suite.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("suite \"" + suite + "\" must be one directory name (letters, digits, '.', '_', '-')");
        }
        return suite;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot " + file, e);
        }
    }
}
