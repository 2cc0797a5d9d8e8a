package platform;

/**
 * The rules of a profile's {@code overrides}, the same for an environment and a service: retention values and scan
 * frequency. Not a section of its own: the environment and service rules apply it to their overrides.
 */
final class OverrideRules {

    private final Problems problems;

    OverrideRules(Problems problems) {
        this.problems = problems;
    }

    void check(String path, ProfileOverrides o, boolean forService) {
        atLeast(path + ".untaggedExpiryDays", "untaggedExpiryDays", o.untaggedExpiryDays(), 1);
        atLeast(path + ".keepLastImages", "keepLastImages", o.keepLastImages(), 0);
        archiveDays(path + ".releaseTagRetentionDays", "releaseTagRetentionDays", o.releaseTagRetentionDays());
        archiveDays(path + ".promotionArchiveDays", "promotionArchiveDays", o.promotionArchiveDays());
        atLeast(path + ".buildTagRetentionDays", "buildTagRetentionDays", o.buildTagRetentionDays(), 0);
        if (o.scanFrequency() == ScanFrequency.MANUAL) {
            problems.add(path + ".scanFrequency", "scanFrequency MANUAL leaves pushed images unscanned (Control Tower"
                    + " CT.ECR.PR.2 requires scan on push)", "use SCAN_ON_PUSH or CONTINUOUS_SCAN");
        }
        if (forService && o.terminationProtection() != null) {
            problems.add(path + ".terminationProtection", "terminationProtection is a stack setting and cannot differ per service",
                    "set it in the environment's overrides");
        }
    }

    /**
     * Release and promotion images are what an environment runs or rolls back to: they are never expired and never
     * archived sooner than {@link EnvironmentProfile#MINIMUM_ARCHIVE_DAYS} after their last pull, so 0 (no rule)
     * is refused: the images would fall through to the count and build rules, which expire.
     */
    private void archiveDays(String path, String key, Integer value) {
        if (value != null && value < EnvironmentProfile.MINIMUM_ARCHIVE_DAYS) {
            problems.add(path, key + " " + value + " must be at least " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS
                            + ": these images may still run, and an image archived sooner after its last pull fails the"
                            + " next scale-out or rollback (archived images cannot be pulled)",
                    "give " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS + " or more days; 0 cannot turn the rule off, "
                            + "because the images would then be expired by the count rule");
        }
    }

    private void atLeast(String path, String key, Integer value, int minimum) {
        if (value != null && value < minimum) {
            problems.add(path, key + " " + value + " must be at least " + minimum,
                    minimum == 0 ? "give a number of " + (key.endsWith("Days") ? "days" : "images") + ", or 0 to turn the rule off"
                            : "give a number of days, at least " + minimum);
        }
    }
}
