package architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of {@code src/main/java} depend on each other in one direction only, as ARCHITECTURE.md draws
 * them: every dependency between two of our packages is listed in {@link #MAY_USE}, and the listed graph has no
 * cycle. A new package, or a new arrow, is a decision: add it here and to ARCHITECTURE.md together.
 */
class PackageGraphTest {

    /** Each of our packages (a sub-package belongs to its longest listed prefix) and the packages it may use. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            entry("limits", Set.of()),
            entry("lifecycle", Set.of()),
            entry("platform", Set.of("lifecycle", "limits")),
            entry("constructs.internal", Set.of("limits")),
            entry("constructs.access", Set.of("constructs.internal", "limits")),
            entry("constructs.repository", Set.of("constructs.internal", "constructs.access", "lifecycle", "limits")),
            // creation templates give the repositories ECR creates a repository policy (constructs.repository's)
            entry("constructs.registry", Set.of("constructs.internal", "constructs.access", "constructs.repository",
                    "lifecycle", "limits")),
            entry("constructs.network", Set.of("constructs.internal", "limits")),
            entry("constructs.observability", Set.of("constructs.internal", "constructs.repository", "limits")),
            entry("compliance", Set.of("constructs.internal", "constructs.access", "constructs.repository",
                    "constructs.registry", "constructs.network", "constructs.observability", "lifecycle", "limits", "validation")),
            entry("validation", Set.of()),
            entry("snapshots", Set.of("validation")),
            entry("stacks", Set.of("limits", "lifecycle", "platform", "constructs.internal", "constructs.access",
                    "constructs.repository", "constructs.registry", "constructs.network", "constructs.observability",
                    "compliance", "validation", "snapshots")),
            entry("publishing", Set.of("lifecycle", "platform", "stacks")),
            entry("bootstrap", Set.of("limits")),
            entry("cli", Set.of("limits", "lifecycle", "platform", "compliance", "publishing", "stacks", "validation",
                    "snapshots", "bootstrap")));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(MAY_USE.keySet().stream().map(p -> p.split("\\.")[0]).distinct().toList());
    }

    @Test
    void everyClassLivesInAListedPackage() {
        Set<String> unlisted = new TreeSet<>();
        for (JavaClass c : classes) {
            if (roomOf(c.getPackageName()).isEmpty()) {
                unlisted.add(c.getPackageName());
            }
        }
        assertThat(unlisted).as("packages missing from MAY_USE and ARCHITECTURE.md").isEmpty();
    }

    @Test
    void everyDependencyBetweenOurPackagesIsAllowed() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            Optional<String> from = roomOf(c.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                Optional<String> to = roomOf(d.getTargetClass().getPackageName());
                if (to.isPresent() && !to.equals(from) && !MAY_USE.get(from.get()).contains(to.get())) {
                    violations.add(from.get() + " -> " + to.get() + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).as("dependencies that point against the package order").isEmpty();
    }

    @Test
    void theAllowedGraphHasNoCycle() {
        for (String start : MAY_USE.keySet()) {
            assertThat(reachableFrom(start)).as("packages reachable from " + start).doesNotContain(start);
        }
    }

    @Test
    void theImportSeesDependenciesBetweenOurPackages() {
        // Guards the two checks above against passing on an empty or jar-less import.
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals("constructs.repository")
                && c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().equals("constructs.access"))))
                .as("the import saw the repository package's use of the access package").isTrue();
    }

    private static Set<String> reachableFrom(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(MAY_USE.get(start));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(MAY_USE.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /** The listed package that holds {@code packageName}: itself or its longest listed prefix. */
    static Optional<String> roomOf(String packageName) {
        return MAY_USE.keySet().stream()
                .filter(room -> packageName.equals(room) || packageName.startsWith(room + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }
}
