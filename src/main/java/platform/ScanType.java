package platform;

/** Registry scan type: BASIC (ECR, CVEs of OS packages) or ENHANCED (Amazon Inspector). */
public enum ScanType implements FileValue {
    /** ECR's own scanning: CVEs of operating-system packages. */
    BASIC,
    /** Amazon Inspector: OS and language packages, continuous re-scans. */
    ENHANCED
}
