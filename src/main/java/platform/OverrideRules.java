package platform;

/**
 * The rules of a profile's {@code overrides}, the same for an environment and a service: scan frequency and the
 * stack-level settings. Not a section of its own: the environment and service rules apply it to their overrides. The
 * retention values are checked by {@link RetentionRules}, with the mapping that turns them into lifecycle rules.
 */
final class OverrideRules {

    private final Problems problems;

    OverrideRules(Problems problems) {
        this.problems = problems;
    }

    void check(String path, ProfileOverrides o, boolean forService) {
        if (o.scanFrequency() == ScanFrequency.MANUAL) {
            problems.add(path + ".scanFrequency", "scanFrequency MANUAL leaves pushed images unscanned (Control Tower"
                    + " CT.ECR.PR.2 requires scan on push)", "use SCAN_ON_PUSH or CONTINUOUS_SCAN");
        }
        if (forService && o.terminationProtection() != null) {
            problems.add(path + ".terminationProtection", "terminationProtection is a stack setting and cannot differ per service",
                    "set it in the environment's overrides");
        }
    }
}
