package platform;

/** Finding severities of ECR basic scanning and Amazon Inspector, lowest first. */
public enum Severity implements FileValue {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL
}
