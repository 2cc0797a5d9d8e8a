package snapshots;

import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fails when the current synthesis would replace or delete a stateful resource (a repository, a KMS key,
 * see {@link StatefulType#DEFAULTS}) of the snapshots <em>as committed on the base branch</em>: when the
 * resource disappears, changes logical id (a renamed construct id), moves to another stack, or changes a
 * create-only property (repository name, encryption configuration, key spec...). The working copy of the
 * snapshots plays no part, so rewriting them with {@code -Dsnapshots.update=true} does not get past it;
 * only a reviewed entry in the allow-list file does.
 * <p>
 * The base snapshots are read with git (see {@link GitBase}); when git or the base is missing the guard says
 * so: it falls back to HEAD's committed snapshots when it can, and when no git repository can be read it
 * fails in CI (environment variable {@code CI}) and passes with a notice elsewhere.
 */
public final class StatefulResourceGuard {

    private final Path snapshotDirectory;
    private final Path allowList;
    private final List<StatefulType> statefulTypes;
    private final Path workingDirectory;
    private final RunMode mode;
    private final Consumer<String> notices;

    private StatefulResourceGuard(Builder builder) {
        this.snapshotDirectory = builder.snapshotDirectory;
        this.allowList = builder.allowList != null ? builder.allowList : builder.snapshotDirectory.resolve("replacements-allowed.yaml");
        this.statefulTypes = List.copyOf(builder.statefulTypes);
        this.workingDirectory = builder.workingDirectory;
        this.mode = builder.mode != null ? builder.mode : RunMode.current();
        this.notices = builder.notices;
    }

    /** A guard over {@code src/test/resources/snapshots}, with the allow-list beside the suites, in this JVM's mode. */
    public static StatefulResourceGuard create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path allowList() {
        return allowList;
    }

    /** Compares the synthesis with the suite's base snapshots and applies the allow-list; does not fail. */
    public GuardReport check(String suite, Synthesis current) {
        Objects.requireNonNull(suite, "suite");
        GitBase.Snapshots base = GitBase.read(workingDirectory, workingDirectory.resolve(snapshotDirectory).resolve(suite), mode.base());
        List<AllowedReplacement> entries = AllowList.read(workingDirectory.resolve(allowList));
        List<Replacement> found = new ReplacementDetector(statefulTypes).detect(base.templates(), current.templates());
        List<Replacement> blocked = new ArrayList<>();
        List<Replacement> allowed = new ArrayList<>();
        for (Replacement replacement : found) {
            (entries.stream().anyMatch(e -> e.covers(suite, replacement)) ? allowed : blocked).add(replacement);
        }
        List<AllowedReplacement> unused = entries.stream()
                .filter(e -> e.suite() == null || e.suite().equals(suite))
                .filter(e -> found.stream().noneMatch(r -> e.covers(suite, r)))
                .toList();
        return new GuardReport(suite, base.available(), base.comparedWith(), blocked, allowed, unused, base.notices());
    }

    /**
     * {@link #check} and fail with every blocked replacement, naming stack, logical id and type, and the
     * allow-list entry that would let each through. Notices, allowed replacements and unused allow-list
     * entries are reported on the notice channel (standard error by default).
     */
    public GuardReport assertNoReplacement(String suite, Synthesis current) {
        GuardReport report = check(suite, current);
        report.notices().forEach(n -> notices.accept("replacement guard: " + n));
        report.allowed().forEach(r -> notices.accept("replacement guard: ALLOWED by " + allowList + ": " + r.describe()));
        report.unusedEntries().forEach(e -> notices.accept("replacement guard: allow-list entry for stack \"" + e.stack()
                + "\", logical id \"" + e.logicalId() + "\" matches no replacement (already merged?): remove it from " + allowList));
        if (!report.baseAvailable()) {
            String message = "replacement guard: cannot read the committed snapshots: compared with " + report.comparedWith();
            if (mode.ci()) {
                throw new AssertionFailedError(message + ". In CI the guard needs the git repository (a clone with the base"
                        + " branch, e.g. actions/checkout with fetch-depth: 0) and git on the PATH.");
            }
            notices.accept(message + ". NOTHING WAS CHECKED (this fails in CI).");
            return report;
        }
        if (!report.blocked().isEmpty()) {
            throw new AssertionFailedError(failureMessage(report));
        }
        return report;
    }

    private String failureMessage(GuardReport report) {
        StringBuilder message = new StringBuilder("Stateful resources would be replaced or deleted (suite \"")
                .append(report.suite()).append("\", compared with the snapshots committed at ")
                .append(report.comparedWith()).append("):\n");
        report.blocked().forEach(r -> message.append("  - ").append(r.describe()).append('\n'));
        message.append("A replaced repository loses its images, a replaced key makes its data undecryptable. Keep construct")
                .append(" ids and create-only properties unchanged. If this is intended and reviewed, add to ")
                .append(allowList).append(":\n");
        report.blocked().stream().map(r -> List.of(r.stack(), r.logicalId())).distinct().forEach(id -> message
                .append("  - stack: ").append(id.get(0)).append('\n')
                .append("    logicalId: ").append(id.get(1)).append('\n')
                .append("    reason: <why losing it is acceptable>\n")
                .append("    reviewedBy: <reviewer>\n"));
        message.append("Rewriting snapshots (-D").append(RunMode.UPDATE_PROPERTY).append("=true) does not change this check.");
        return message.toString();
    }

    public static final class Builder {
        private Path snapshotDirectory = StackSnapshots.DEFAULT_DIRECTORY;
        private Path allowList;
        private List<StatefulType> statefulTypes = StatefulType.DEFAULTS;
        private Path workingDirectory = Path.of("");
        private RunMode mode;
        private Consumer<String> notices = message -> System.err.println("[snapshots] " + message);

        private Builder() {
        }

        /** The directory holding the suites, relative to the working directory. Default: {@code src/test/resources/snapshots}. */
        public Builder snapshotDirectory(Path snapshotDirectory) {
            this.snapshotDirectory = Objects.requireNonNull(snapshotDirectory, "snapshotDirectory");
            return this;
        }

        /** The reviewed allow-list (YAML). Default: {@code replacements-allowed.yaml} in the snapshot directory. */
        public Builder allowList(Path allowList) {
            this.allowList = Objects.requireNonNull(allowList, "allowList");
            return this;
        }

        /** The protected types. Default: {@link StatefulType#DEFAULTS}; add your own to protect more. */
        public Builder statefulTypes(List<StatefulType> statefulTypes) {
            this.statefulTypes = List.copyOf(statefulTypes);
            return this;
        }

        /** Where git is run. Default: the working directory (the project root under Maven). */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
            return this;
        }

        /** CI, update flag and base. Default: {@link RunMode#current()}. */
        public Builder mode(RunMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Where notices go. Default: standard error, prefixed {@code [snapshots]}. */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        public StatefulResourceGuard build() {
            return new StatefulResourceGuard(this);
        }
    }
}
