package architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
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
            // the image pipeline: its build role's extra actions come from the persona table, its key's grant guard
            // from the repository key
            entry("constructs.pipeline", Set.of("constructs.internal", "constructs.access", "constructs.repository", "limits")),
            entry("compliance", Set.of("constructs.internal", "constructs.access", "constructs.repository",
                    "constructs.registry", "constructs.network", "constructs.observability", "lifecycle", "limits", "validation")),
            entry("validation", Set.of()),
            entry("snapshots", Set.of("validation")),
            entry("stacks", Set.of("limits", "lifecycle", "platform", "constructs.internal", "constructs.access",
                    "constructs.repository", "constructs.registry", "constructs.network", "constructs.observability",
                    "constructs.pipeline", "compliance", "validation", "snapshots")),
            entry("publishing", Set.of("lifecycle", "platform", "stacks")),
            entry("bootstrap", Set.of("limits")),
            entry("cli", Set.of("limits", "lifecycle", "platform", "compliance", "publishing", "stacks", "validation",
                    "snapshots", "bootstrap")));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = mainClasses();
    }

    private static JavaClasses imported;

    /** The compiled main classes of our packages, imported once per test JVM (the import is the slow part). */
    static synchronized JavaClasses mainClasses() {
        if (imported == null) {
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages(MAY_USE.keySet().stream().map(p -> p.split("\\.")[0]).distinct().toList());
        }
        return imported;
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

    /** The public API (pom.xml's {@code api.packages}; release.ApiPackagesTest keeps that list honest). */
    static final Set<String> API_PACKAGES = Set.of("constructs.access", "constructs.repository", "constructs.registry",
            "constructs.network", "constructs.observability", "constructs.pipeline", "stacks", "platform");

    @Test
    void noPublicSignatureOfTheApiNamesAnInternalType() {
        // constructs.internal is left out of the javadoc and the compatibility check, so the API must not need it:
        // no public or protected member takes or returns an internal type, no API class extends or implements one.
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!API_PACKAGES.contains(c.getPackageName()) || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            c.getRawSuperclass().filter(PackageGraphTest::isInternal)
                    .ifPresent(t -> leaks.add(c.getName() + " extends " + t.getName()));
            c.getRawInterfaces().stream().filter(PackageGraphTest::isInternal)
                    .forEach(t -> leaks.add(c.getName() + " implements " + t.getName()));
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                if (!isVisible(unit.getModifiers())) {
                    continue;
                }
                if (isInternal(unit.getRawReturnType())) {
                    leaks.add(unit.getFullName() + " returns " + unit.getRawReturnType().getName());
                }
                unit.getRawParameterTypes().stream().filter(PackageGraphTest::isInternal)
                        .forEach(t -> leaks.add(unit.getFullName() + " takes " + t.getName()));
            }
            for (JavaField field : c.getFields()) {
                if (isVisible(field.getModifiers()) && isInternal(field.getRawType())) {
                    leaks.add(field.getFullName() + " is a " + field.getRawType().getName());
                }
            }
        }
        assertThat(leaks).as("internal types in the public API").isEmpty();
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaClass type) {
        return roomOf(type.getBaseComponentType().getPackageName()).filter("constructs.internal"::equals).isPresent();
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
