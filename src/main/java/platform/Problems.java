package platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the problems of one platform file, with lines from the parsed file where known. */
final class Problems {

    private final Map<String, Integer> lines;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> unusable = new HashSet<>();

    private final Map<String, String> written;

    Problems(Map<String, Integer> lines) {
        this(lines, Map.of());
    }

    /** @param written the text of unquoted scalars YAML 1.1 reads as numbers or booleans, by path ({@link LocatedYaml}) */
    Problems(Map<String, Integer> lines, Map<String, String> written) {
        this.lines = Map.copyOf(lines);
        this.written = Map.copyOf(written);
    }

    /** What the user wrote at {@code path} where YAML read a number, boolean or null; null when it was text. */
    String written(String path) {
        return written.get(path);
    }

    void add(String path, String what, String hint) {
        problems.add(new Problem(path, lineOf(path), what, hint));
    }

    /** Marks a value that could not be read: checks that depend on it stay quiet rather than misreport. */
    void unusable(String path) {
        unusable.add(path);
    }

    boolean isUsable(String path) {
        return !unusable.contains(path);
    }

    /** Whether a problem was already reported at {@code path} or below it: checks built on those values stay quiet. */
    boolean reportedAtOrBelow(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path) || p.path().startsWith(path + ".")
                || p.path().startsWith(path + "["));
    }

    /** In file order; problems without a line (cross-section ones are given one where possible) keep their order at the end. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.line() == null ? Integer.MAX_VALUE : p.line()));
        return List.copyOf(sorted);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The line of the path, else of its nearest ancestor present in the file (a missing key: the object's line). */
    private Integer lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = parent(p);
        }
        return null;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
