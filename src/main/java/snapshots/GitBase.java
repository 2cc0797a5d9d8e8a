package snapshots;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a suite's snapshots as committed at the base, with {@code git show <commit>:<path>}: never the
 * working copy, which {@code -Dsnapshots.update=true} rewrites. The base is the merge-base of HEAD and the
 * base branch (system property {@code snapshots.base}, environment variable {@code SNAPSHOT_BASE}, else
 * {@code origin/main}, else {@code main}): the commit this branch left the base branch at, so that work
 * merged into the base branch since then is not mistaken for a deletion here.
 */
final class GitBase {

    /**
     * @param available  whether the base could be read at all (git present, inside a repository)
     * @param comparedWith the commit read, in words ({@code main (merge-base 1a2b3c4d)}), or why none
     * @param templates  template by stack name as committed there
     * @param notices    what the reader had to fall back on
     */
    record Snapshots(boolean available, String comparedWith, Map<String, JsonNode> templates, List<String> notices) {
    }

    private record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static final List<String> DEFAULT_BASES = List.of("origin/main", "main");

    private GitBase() {
    }

    static Snapshots read(Path workingDirectory, Path suiteDirectory, String requestedBase) {
        List<String> notices = new ArrayList<>();
        Result top;
        try {
            top = git(workingDirectory, "rev-parse", "--show-toplevel");
        } catch (IOException e) {
            return new Snapshots(false, "nothing: git could not be run (" + e.getMessage() + ")", Map.of(), List.of());
        }
        if (!top.ok()) {
            return new Snapshots(false, "nothing: " + workingDirectory.toAbsolutePath() + " is not inside a git repository ("
                    + top.err().strip() + ")", Map.of(), List.of());
        }
        Path root = realPath(Path.of(top.out().strip()));
        if (!run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").ok()) {
            notices.add("the repository has no commit yet: there are no committed snapshots to protect");
            return new Snapshots(true, "nothing (no commit yet)", Map.of(), notices);
        }
        String base = chooseBase(root, requestedBase, notices);
        String commit;
        String comparedWith;
        if (base.equals("HEAD")) {
            commit = run(root, "rev-parse", "HEAD").out().strip();
            comparedWith = "HEAD (" + shortId(commit) + ")";
        } else {
            Result mergeBase = run(root, "merge-base", "HEAD", base);
            if (mergeBase.ok()) {
                commit = mergeBase.out().strip();
                comparedWith = base + " (merge-base " + shortId(commit) + ")";
                String branch = run(root, "symbolic-ref", "--short", "-q", "HEAD").out().strip();
                boolean onBase = !branch.isEmpty() && (base.equals(branch) || base.endsWith("/" + branch));
                if (onBase && commit.equals(run(root, "rev-parse", "HEAD").out().strip())) {
                    notices.add("HEAD is on the base branch " + base + " itself: comparing with HEAD's own committed"
                            + " snapshots, which do not see a replacement committed in HEAD. To check a push to " + branch
                            + ", set " + RunMode.BASE_VARIABLE + " to the previous tip (GitHub: ${{ github.event.before }})");
                }
            } else {
                commit = run(root, "rev-parse", base + "^{commit}").out().strip();
                comparedWith = base + " (" + shortId(commit) + ")";
                notices.add("HEAD and " + base + " have no merge-base in this clone (a shallow clone?): comparing with the"
                        + " tip of " + base);
            }
        }
        Path suite = realPath(suiteDirectory.toAbsolutePath().normalize());
        if (!suite.startsWith(root)) {
            return new Snapshots(false, "nothing: " + suite + " is outside the git repository " + root, Map.of(), notices);
        }
        String prefix = root.relativize(suite).toString().replace('\\', '/');
        Map<String, JsonNode> templates = new TreeMap<>();
        Result listing = run(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", prefix + "/");
        for (String path : listing.out().split("\0")) {
            if (path.startsWith(prefix + "/") && path.endsWith(".json") && path.indexOf('/', prefix.length() + 1) < 0) {
                Result show = run(root, "show", commit + ":" + path);
                String name = path.substring(prefix.length() + 1, path.length() - ".json".length());
                templates.put(name, AssetHashes.normalise(CanonicalJson.parse(show.out(), path + " at " + comparedWith)));
            }
        }
        return new Snapshots(true, comparedWith, templates, notices);
    }

    private static String chooseBase(Path root, String requestedBase, List<String> notices) {
        if (requestedBase != null) {
            if (isCommit(root, requestedBase)) {
                return requestedBase;
            }
            notices.add("base \"" + requestedBase + "\" (from -D" + RunMode.BASE_PROPERTY + " or " + RunMode.BASE_VARIABLE
                    + ") is not a commit in this clone: comparing with HEAD's committed snapshots instead, which do not"
                    + " see replacements committed on this branch. Fetch the base branch (CI: a full clone, e.g."
                    + " actions/checkout with fetch-depth: 0)");
            return "HEAD";
        }
        for (String candidate : DEFAULT_BASES) {
            if (isCommit(root, candidate)) {
                return candidate;
            }
        }
        notices.add("no base branch found (tried " + String.join(", ", DEFAULT_BASES) + "): comparing with HEAD's"
                + " committed snapshots instead, which do not see replacements committed on this branch. Set -D"
                + RunMode.BASE_PROPERTY + "=<branch> or " + RunMode.BASE_VARIABLE + "=<branch>");
        return "HEAD";
    }

    private static boolean isCommit(Path root, String ref) {
        return run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").ok();
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }

    private static Result run(Path directory, String... args) {
        try {
            return git(directory, args);
        } catch (IOException e) {
            throw new UncheckedIOException("git " + String.join(" ", args) + " failed to run", e);
        }
    }

    private static Result git(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // A user's pager, colour or locale settings must not change what is parsed.
        builder.environment().put("GIT_PAGER", "cat");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        try {
            int exit = process.waitFor();
            return new Result(exit, out, err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while running git", e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
