package constructs.registry;

/** The registry's scan type (PutRegistryScanningConfiguration {@code scanType}). */
public enum RegistryScanType {
    /** Amazon ECR's own CVE scan, on push or on demand. */
    BASIC,
    /** Amazon Inspector: OS and language-package findings, on push or continuously. */
    ENHANCED
}
