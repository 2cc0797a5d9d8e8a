package stacks;

import constructs.registry.RegistryContribution;
import constructs.registry.RegistrySettings;
import constructs.registry.RegistrySettingsProps;
import platform.DerivedRule;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each registry stack merges, checked by {@code validate} before synthesis: a registry's scanning configuration,
 * cache rules, creation templates and pull-time exclusions come from several places of the file (every environment
 * there, {@code registry.scanning}, {@code registry.pullThroughCache}, {@code registry.creationTemplates}, the replicas
 * of other environments), and only their merge shows some conflicts, e.g. a filter of {@code registry.scanning.rules}
 * that overlaps an environment's generated filter at another frequency.
 *
 * <p>Why a {@link DerivedRule} and not a {@code SectionRules} of package {@code platform}: the contributions are the
 * ones {@link RegistryPlan} gives {@link RegistryStack}, and the merge is {@link RegistrySettings}'s own
 * ({@link RegistrySettings#problems(RegistrySettingsProps, String, String)}); repeating either in {@code platform}
 * would let the two drift. Each problem is reported at the section of the file that contributed it, with its line.
 */
public final class RegistrySettingsRule implements DerivedRule {

    /** A section of the file, as {@link RegistryPlan} names the contributions that come from it. */
    private static final Pattern SECTION = Pattern.compile("registry\\.(scanning|pullThroughCache|creationTemplates|pullTimeUpdateExclusions)");
    /** An environment's own contribution, or its replicas'. */
    private static final Pattern ENVIRONMENT = Pattern.compile("environment ([a-z0-9-]+)");
    /** Asked of the registry stack, which always gives the key its templates need. */
    private static final String KEY_MISSING = "encryptionKey is missing";

    /** Creates the rule; it holds no state. */
    public RegistrySettingsRule() {
    }

    @Override
    public List<Problem> check(Platform platform) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<RegistryPlan.Registry, List<RegistryContribution>> entry : RegistryPlan.of(platform).contributions().entrySet()) {
            RegistryPlan.Registry registry = entry.getKey();
            for (String problem : RegistrySettings.problems(new RegistrySettingsProps(entry.getValue(), null),
                    registry.account(), registry.region())) {
                if (problem.startsWith(KEY_MISSING)) {
                    continue;
                }
                int hint = problem.indexOf(" Hint: ");
                String what = hint < 0 ? problem : problem.substring(0, hint);
                String how = hint < 0 ? "change the file so that the registry " + registry.account() + "/" + registry.region()
                        + " gets one consistent configuration" : problem.substring(hint + " Hint: ".length());
                problems.add(new Problem(path(platform, problem), null, "registry " + registry.account() + "/" + registry.region()
                        + ": " + strip(what), strip(how)));
            }
        }
        return problems;
    }

    /** The section of the file the problem names first, else the environment it names, else the registry section. */
    private static String path(Platform platform, String problem) {
        Matcher section = SECTION.matcher(problem);
        Matcher environment = ENVIRONMENT.matcher(problem);
        boolean hasSection = section.find();
        boolean hasEnvironment = environment.find();
        if (hasSection && (!hasEnvironment || section.start() < environment.start())) {
            return section.group();
        }
        if (hasEnvironment) {
            List<EnvironmentSpec> environments = platform.environments();
            for (int i = 0; i < environments.size(); i++) {
                if (environments.get(i).name().equals(environment.group(1))) {
                    return "environments[" + i + "].name";
                }
            }
        }
        return "registry";
    }

    private static String strip(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
