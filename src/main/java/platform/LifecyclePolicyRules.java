package platform;

/**
 * The lifecycle policy every repository gets from its profile and overrides: what {@link Platform#lifecyclePolicy} would
 * refuse at synthesis is reported here, at the overrides that caused it.
 */
final class LifecyclePolicyRules extends SectionRules {

    LifecyclePolicyRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        lifecyclePolicies();
    }

    /**
     * Every repository's lifecycle policy is built at synthesis from its profile and overrides by
     * {@link Platform#lifecyclePolicy}; the same call here reports what it would refuse (a release retention shorter
     * than the build retention, no rule at all) at the overrides that caused it.
     */
    private void lifecyclePolicies() {
        if (!problems.isUsable("tagging")) {
            return;
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.profile() == null) {
                continue;
            }
            for (int k = 0; k < platform.services().size(); k++) {
                Service service = platform.services().get(k);
                if (negativeRetention(env.overrides()) || negativeRetention(service.overrides())
                        || problems.reportedAtOrBelow("environments[" + i + "]")
                        || problems.reportedAtOrBelow("services[" + k + "]")) {
                    continue; // already reported: the values themselves are wrong, not the policy they make
                }
                try {
                    platform.lifecyclePolicy(env, platform.profile(env, service));
                } catch (lifecycle.LifecyclePolicyException e) {
                    boolean byService = !service.overrides().equals(ProfileOverrides.NONE);
                    String where = byService ? "services[" + k + "].overrides" : "environments[" + i + "].overrides";
                    problems.add(where, "the lifecycle policy of " + (byService ? "service \"" + service.name() + "\" in " : "")
                                    + "environment \"" + env.name() + "\" (profile " + env.profile().fileValue() + ") is invalid: "
                                    + String.join("; ", e.problems().stream().map(LifecyclePolicyRules::withoutFix).toList()),
                            "give each retention setting of the profile overrides a value docs/lifecycle.md allows, and keep at least one rule on");
                    return;
                }
            }
        }
    }

    private static boolean negativeRetention(ProfileOverrides o) {
        return (o.untaggedExpiryDays() != null && o.untaggedExpiryDays() < 1) || (o.keepLastImages() != null && o.keepLastImages() < 0)
                || (o.releaseTagRetentionDays() != null && o.releaseTagRetentionDays() < 0)
                || (o.buildTagRetentionDays() != null && o.buildTagRetentionDays() < 0);
    }

    private static String withoutFix(String problem) {
        int fix = problem.indexOf(". Fix:");
        return fix < 0 ? problem : problem.substring(0, fix);
    }
}
