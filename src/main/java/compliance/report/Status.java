package compliance.report;

/** The result of one control on one resource. */
public enum Status {
    PASS,
    FAIL,
    /** Fails the control, but a documented exception or a cdk-nag suppression with a reason covers it. */
    EXCEPTION
}
