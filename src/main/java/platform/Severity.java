package platform;

/** Finding severities of ECR basic scanning and Amazon Inspector, lowest first. */
public enum Severity implements FileValue {
    /** Informational: no known risk. */
    INFORMATIONAL,
    /** Low. */
    LOW,
    /** Medium. */
    MEDIUM,
    /** High: the default alert threshold. */
    HIGH,
    /** Critical. */
    CRITICAL
}
