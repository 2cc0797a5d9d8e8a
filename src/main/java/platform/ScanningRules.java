package platform;

import limits.AwsLimits;

/**
 * The rules of {@code registry.scanning}: ECR's filter limit and what BASIC scanning cannot do.
 */
final class ScanningRules extends SectionRules {

    ScanningRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        scanning();
    }

    private void scanning() {
        Scanning scanning = platform.registry().scanning();
        // ECR takes at most AwsLimits.ECR_SCANNING_RULES rules, one per frequency: a third rule repeats a frequency or
        // has one the scan type refuses (MANUAL with ENHANCED, CONTINUOUS_SCAN with BASIC), each reported below.
        for (int i = 0; i < scanning.rules().size(); i++) {
            ScanRule rule = scanning.rules().get(i);
            String path = "registry.scanning.rules[" + i + "]";
            for (int k = 0; k < i; k++) {
                if (rule.frequency() != null && rule.frequency() == scanning.rules().get(k).frequency()) {
                    problems.add(path + ".frequency", "frequency " + rule.frequency().name() + " is also the frequency of"
                                    + " registry.scanning.rules[" + k + "]: ECR takes one rule per frequency",
                            "move these filters into registry.scanning.rules[" + k + "]");
                    break;
                }
            }
            if (rule.frequency() == ScanFrequency.MANUAL && platform.scanType() == ScanType.ENHANCED) {
                problems.add(path + ".frequency", "MANUAL is not a frequency of ENHANCED scanning (Amazon Inspector scans on"
                                + " push or continuously)" + (scanning.type() == null ? "; the scan type is ENHANCED by default" : ""),
                        "use SCAN_ON_PUSH or CONTINUOUS_SCAN, or set type: BASIC");
            }
            for (int k = 0; k < rule.filters().size(); k++) {
                String filter = rule.filters().get(k);
                if (filter != null && filter.length() > AwsLimits.ECR_SCANNING_FILTER) {
                    problems.add(path + ".filters[" + k + "]", "filter has " + filter.length() + " characters, more than ECR's "
                            + AwsLimits.ECR_SCANNING_FILTER, "shorten it with a * wildcard, e.g. \"shop/prod/*\"");
                }
            }
            if (rule.filters().size() > AwsLimits.ECR_FILTERS_PER_RULE) {
                problems.add(path + ".filters", rule.filters().size() + " filters exceed ECR's limit of "
                        + AwsLimits.ECR_FILTERS_PER_RULE + " a rule", "use broader wildcards or split the rule");
            }
            if (rule.frequency() == ScanFrequency.CONTINUOUS_SCAN && scanning.type() == ScanType.BASIC) {
                problems.add(path + ".frequency", "CONTINUOUS_SCAN needs ENHANCED scanning, but type is BASIC",
                        "set registry.scanning.type: ENHANCED, or use SCAN_ON_PUSH");
            }
        }
        if (scanning.otherRepositories() == ScanFrequency.MANUAL) {
            problems.add("registry.scanning.otherRepositories", "MANUAL would leave the registry's other repositories"
                    + " unscanned wherever this platform writes the scanning configuration", "use SCAN_ON_PUSH (the default)"
                    + " or CONTINUOUS_SCAN, or set scanning: existing in registry.ownership where another owner scans them");
        } else if (scanning.otherRepositories() == ScanFrequency.CONTINUOUS_SCAN && scanning.type() == ScanType.BASIC) {
            problems.add("registry.scanning.otherRepositories", "CONTINUOUS_SCAN needs ENHANCED scanning, but type is BASIC",
                    "set registry.scanning.type: ENHANCED, or use SCAN_ON_PUSH");
        }
        if (scanning.type() != ScanType.BASIC) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.profile() == null) {
                continue;
            }
            for (Service service : platform.services()) {
                if (platform.profile(env, service).scanFrequency() == ScanFrequency.CONTINUOUS_SCAN) {
                    problems.add("registry.scanning.type", "type BASIC cannot scan continuously, but environment \""
                                    + env.name() + "\" (profile " + env.profile().fileValue() + ") asks for CONTINUOUS_SCAN",
                            "set type: ENHANCED (Amazon Inspector), or set overrides.scanFrequency: SCAN_ON_PUSH in environment \""
                                    + env.name() + "\"");
                    return;
                }
            }
        }
    }
}
