package platform;

/** Registry scan frequency; CONTINUOUS_SCAN needs ENHANCED scanning. */
public enum ScanFrequency implements FileValue {
    SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL
}
