package constructs.registry;

import java.util.Set;

/**
 * How often a scanning rule scans the repositories its filters match.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_RegistryScanningRule.html
 */
public enum RegistryScanFrequency {
    /** Scan each image when it is pushed (BASIC and ENHANCED). */
    SCAN_ON_PUSH(Set.of(RegistryScanType.BASIC, RegistryScanType.ENHANCED)),
    /** Rescan whenever Amazon Inspector learns of a new CVE (ENHANCED only). */
    CONTINUOUS_SCAN(Set.of(RegistryScanType.ENHANCED)),
    /**
     * Scan only on request (BASIC only). This is what ECR does for every repository no rule
     * matches, and CloudFormation accepts only SCAN_ON_PUSH and CONTINUOUS_SCAN, so a MANUAL
     * rule is never rendered: it records intent (and takes part in conflict checks).
     */
    MANUAL(Set.of(RegistryScanType.BASIC));

    private final Set<RegistryScanType> acceptedWith;

    RegistryScanFrequency(Set<RegistryScanType> acceptedWith) {
        this.acceptedWith = acceptedWith;
    }

    /**
     * Whether ECR accepts this frequency under the given scan type.
     *
     * @param type the registry's scan type
     * @return whether ECR accepts this frequency under the given scan type
     */
    public boolean acceptedWith(RegistryScanType type) {
        return acceptedWith.contains(type);
    }

    /**
     * Whether repositories matched by a rule of this frequency are scanned without anyone asking.
     *
     * @return whether repositories matched by a rule of this frequency are scanned without anyone asking
     */
    public boolean automatic() {
        return this != MANUAL;
    }
}
