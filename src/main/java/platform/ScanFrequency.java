package platform;

/** Registry scan frequency; CONTINUOUS_SCAN needs ENHANCED scanning. */
public enum ScanFrequency implements FileValue {
    /** Scan each image when it is pushed. */
    SCAN_ON_PUSH,
    /** Scan on push and again whenever new vulnerabilities are published (ENHANCED only). */
    CONTINUOUS_SCAN,
    /** Scan only on request. */
    MANUAL
}
