package architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mapping from profile settings to lifecycle rules, owned by {@code platform} (issue 25): each retention field of
 * the platform file is read in exactly one place on its way to a rule. The file's value
 * ({@code ProfileOverrides}) is read by the check and the merge only, the merged value ({@code EnvironmentProfile})
 * by {@code platform.RetentionRules} only, and nothing outside it builds retention rules; the stacks and the command
 * line receive a finished policy and never hand a profile back to {@code platform} (no round trip).
 *
 * <p>And each value is validated twice, no more: the platform validator checks the file (with path and line), and
 * the lifecycle model checks its own rules once, in the constructor of {@code lifecycle.LifecyclePolicy}, whoever
 * builds it. The tests below fail when a second pass returns: the file's validation building a policy to see
 * whether it would be valid, a construct or a stack looking into a policy, or a caller validating a built policy again.
 */
class RetentionMappingTest {

    static final String RULES = "platform.RetentionRules";
    /** The settings that decide lifecycle rules, by the name of their accessor. */
    static final Set<String> RETENTION = Set.of("untaggedExpiryDays", "keepLastImages", "releaseTagRetentionDays",
            "promotionArchiveDays", "buildTagRetentionDays", "otherArchiveDays", "archivedExpiryDays");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = PackageGraphTest.mainClasses();
    }

    /** Per accessor of {@code owner} in {@code names}, the top-level classes (other than the owner) that call it. */
    static Map<String, Set<String>> readers(String owner, Set<String> names) {
        JavaClass target = classes.get(owner);
        Map<String, Set<String>> readers = new TreeMap<>();
        for (String name : names) {
            readers.put(name, new TreeSet<>());
        }
        Stream.concat(target.getMethodCallsToSelf().stream(), target.getMethodReferencesToSelf().stream())
                .filter(call -> names.contains(call.getName()))
                .forEach(call -> {
                    String reader = topLevel(call);
                    if (!reader.equals(owner)) {
                        readers.get(call.getName()).add(reader);
                    }
                });
        return readers;
    }

    static String topLevel(JavaAccess<?> access) {
        String name = access.getOriginOwner().getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Test
    void everyMergedRetentionSettingIsReadOnlyByTheMapping() {
        Map<String, Set<String>> readers = readers("platform.EnvironmentProfile", RETENTION);

        readers.forEach((setting, by) -> assertThat(by).as("classes reading EnvironmentProfile." + setting + "()")
                .containsExactly(RULES));
    }

    @Test
    void everyRetentionValueOfTheFileIsReadByItsCheckAndItsMergeOnly() {
        Map<String, Set<String>> readers = readers("platform.ProfileOverrides", RETENTION);

        readers.forEach((setting, by) -> assertThat(by).as("classes reading ProfileOverrides." + setting + "()")
                .containsExactlyInAnyOrder(RULES, "platform.EnvironmentProfile"));
    }

    @Test
    void nothingElseBuildsRetentionRules() {
        Set<String> builders = new TreeSet<>();
        for (String owner : List.of("lifecycle.LifecycleRetention", "lifecycle.LifecycleRetention$Builder",
                "lifecycle.LifecyclePresets")) {
            classes.get(owner).getAccessesToSelf().stream()
                    .filter(access -> !access.getOriginOwner().getPackageName().equals("lifecycle"))
                    .forEach(access -> builders.add(topLevel(access)));
        }

        assertThat(builders).containsExactly(RULES);
    }

    @Test
    void stacksAndTheCommandLineReceiveFinishedPoliciesWithoutHandingAProfileBack() {
        Set<String> callers = new TreeSet<>();
        classes.get("platform.Platform").getMethodCallsToSelf().stream()
                .filter(call -> call.getName().equals("lifecyclePolicy")
                        && call.getTarget().getRawParameterTypes().stream()
                        .anyMatch(type -> type.getName().equals("platform.EnvironmentProfile")))
                .forEach(call -> callers.add(topLevel(call)));

        assertThat(callers).as("callers of Platform.lifecyclePolicy(EnvironmentSpec, EnvironmentProfile)").isEmpty();
        assertThat(classes.get("platform.Platform").getMethodCallsToSelf().stream()
                .filter(call -> call.getName().startsWith("lifecyclePolicy") || call.getName().equals("cacheLifecyclePolicy"))
                .map(RetentionMappingTest::topLevel))
                .as("the stacks and the preview use the finished policies").contains("stacks.EnvironmentStack",
                        "stacks.RegistryPlan", "cli.LifecyclePreviewCommand");
    }

    /** "Class.method" of every call to one of {@code names} of {@code owner}, from outside {@code excludedPackage}. */
    static Set<String> callers(String owner, Set<String> names, String excludedPackage) {
        Set<String> callers = new TreeSet<>();
        classes.get(owner).getMethodCallsToSelf().stream()
                .filter(call -> names.contains(call.getName()))
                .filter(call -> !call.getOriginOwner().getPackageName().equals(excludedPackage))
                .forEach(call -> callers.add(topLevel(call) + "." + call.getOrigin().getName()));
        return callers;
    }

    @Test
    void theLifecycleModelChecksItsRulesOnlyWhereAPolicyIsBuilt() {
        Set<String> validators = new TreeSet<>();
        classes.get("lifecycle.LifecycleValidator").getMethodCallsToSelf().stream()
                .filter(call -> call.getName().equals("validate"))
                .forEach(call -> validators.add(topLevel(call) + "." + call.getOrigin().getName()));

        // the constructor, and the presets only to add ECR's problems to their own when they throw anyway
        assertThat(validators).containsExactlyInAnyOrder("lifecycle.LifecyclePolicy.<init>",
                "lifecycle.LifecyclePresets.environmentPolicy");
        assertThat(callers("lifecycle.LifecyclePolicy", Set.of("problems", "validated"), ""))
                .as("callers re-validating a built policy (it is valid by construction)").isEmpty();
    }

    @Test
    void theFilesValidationNeverBuildsAPolicyToSeeWhetherItWouldBeValid() {
        assertThat(callers(RULES, Set.of("policy", "cachePolicy"), ""))
                .as("callers of RetentionRules.policy and cachePolicy")
                .containsExactlyInAnyOrder("platform.Platform.lifecyclePolicy", "platform.Platform.cacheLifecyclePolicy");
        assertThat(callers("lifecycle.LifecyclePresets", Set.of("environmentPolicy"), "lifecycle"))
                .containsExactlyInAnyOrder(RULES + ".policy", RULES + ".cachePolicy");
        assertThat(callers("platform.Platform", Set.of("lifecyclePolicy", "cacheLifecyclePolicy"), "")).allSatisfy(
                caller -> assertThat(caller).as("no class of the platform package builds a policy")
                        .doesNotStartWith("platform."));
    }

    @Test
    void theConstructsAndTheStacksTakeAPolicyAsItIs() {
        Set<String> lookingIn = new TreeSet<>();
        classes.get("lifecycle.LifecyclePolicy").getMethodCallsToSelf().stream()
                .filter(call -> !call.getName().equals("toJson"))
                .filter(call -> call.getOriginOwner().getPackageName().startsWith("constructs")
                        || call.getOriginOwner().getPackageName().equals("stacks"))
                .forEach(call -> lookingIn.add(topLevel(call) + "." + call.getOrigin().getName() + " calls "
                        + call.getName()));

        assertThat(lookingIn).as("constructs and stacks only render a policy (toJson)").isEmpty();
    }
}
