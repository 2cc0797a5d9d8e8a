package platform;

/** Registry scan type: BASIC (ECR, CVEs of OS packages) or ENHANCED (Amazon Inspector). */
public enum ScanType implements FileValue {
    BASIC, ENHANCED
}
