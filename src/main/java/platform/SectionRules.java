package platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of one section of the platform file. Each runs on the bound model; values the binder could not read are
 * skipped (already reported). What several sections check the same way (unique names, duplicates, references between
 * sections, partitions, whether repository names can be computed) lives here once.
 */
abstract class SectionRules {

    protected final Platform platform;
    protected final Problems problems;

    SectionRules(Platform platform, Problems problems) {
        this.platform = platform;
        this.problems = problems;
    }

    /** Reports every problem of this section to {@link #problems}. */
    abstract void check();

    boolean namingUsable(int environmentIndex) {
        return problems.isUsable("repositoryNaming") && problems.isUsable("environments[" + environmentIndex + "].repositoryNaming");
    }

    /** Whether every environment's repository prefix and registry can be computed (the binder read what they need). */
    boolean repositoryPrefixesKnown() {
        if (platform.name() == null || !problems.isUsable("platform") || !problems.isUsable("repositoryNaming")) {
            return false;
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec e = platform.environments().get(i);
            if (e.name() == null || e.account() == null || e.region() == null || !namingUsable(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * ECR replicates within one partition only (aws, aws-cn, aws-us-gov): a destination elsewhere fails at deploy.
     * Returns whether a problem was reported.
     */
    boolean crossPartition(String path, String source, String destination) {
        String from = NameFormats.partition(source);
        String to = NameFormats.partition(destination);
        if (from.equals(to)) {
            return false;
        }
        problems.add(path, "region " + destination + " is in partition " + to + ", but the source region " + source
                + " is in partition " + from + ": ECR replicates only within a partition", "replicate to a region of " + from);
        return true;
    }

    <T> void unique(String listPath, List<T> items, Function<T, String> name, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String n = name.apply(items.get(i));
            if (n == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(n, i);
            if (first != null) {
                problems.add(listPath + "[" + i + "].name", what + " name \"" + n + "\" is also used by " + listPath + "[" + first + "]",
                        "give each " + what + " its own name");
            }
        }
    }

    void duplicates(String listPath, List<String> values, String what) {
        Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) != null && !seen.add(values.get(k))) {
                problems.add(listPath + "[" + k + "]", what + " \"" + values.get(k) + "\" is listed twice", "remove the second one");
            }
        }
    }

    void references(String listPath, List<String> given, String key, List<String> defined, String what) {
        if (!problems.isUsable(listPath)) {
            return;
        }
        for (int k = 0; k < given.size(); k++) {
            String name = given.get(k);
            if (!defined.contains(name)) {
                String hint = NameFormats.closest(name, defined).map(c -> "did you mean \"" + c + "\"?")
                        .orElse("use one of " + String.join(", ", defined.stream().distinct().toList()) + ", or define it under " + what + "s");
                problems.add(listPath + "[" + k + "]", what + " \"" + name + "\" is not defined", hint);
            }
        }
    }

    /** IAM's StringLike reads * and ? as wildcards: a subject holding either would trust every match. */
    static boolean hasGlob(String value) {
        return value != null && (value.contains("*") || value.contains("?"));
    }

    /**
     * The branches of a publisher that lists them by name: each must be a branch name, neither empty nor written as a
     * ref. A branch with a wildcard is refused because {@code noWildcardsBecause}, or, where that is null (a trust
     * pattern), only without allowWildcard ({@link #wildcard}).
     *
     * @param path the publisher's path
     * @param p the publisher
     * @param noWildcardsBecause why its branches take no wildcard, or null where allowWildcard decides
     */
    void namedBranches(String path, Publisher p, String noWildcardsBecause) {
        for (int k = 0; k < p.branches().size(); k++) {
            String branch = p.branches().get(k);
            if (branch == null) {
                continue;
            }
            String branchPath = path + ".branches[" + k + "]";
            if (branch.isBlank()) {
                problems.add(branchPath, "branch \"" + branch + "\" is empty", "name the branch, e.g. main");
            } else if (branch.startsWith("refs/")) {
                problems.add(branchPath, "branch \"" + branch + "\" is written as a ref; write the branch name only",
                        "write \"" + branch.replaceFirst("^refs/(heads/)?", "") + "\"");
            } else if (hasGlob(branch) && noWildcardsBecause != null) {
                problems.add(branchPath, "branch \"" + branch + "\" has a wildcard, but " + noWildcardsBecause, "name the branch");
            } else if (hasGlob(branch) && !p.allowWildcard()) {
                wildcard(branchPath, "branch \"" + branch + "\"", "name the branch");
            }
        }
    }

    /** A trust subject with a wildcard where the publisher did not opt in with allowWildcard. */
    void wildcard(String path, String what, String fix) {
        problems.add(path, what + " has a wildcard (* or ?) but allowWildcard is false",
                fix + ", or set allowWildcard: true to trust every match");
    }
}
