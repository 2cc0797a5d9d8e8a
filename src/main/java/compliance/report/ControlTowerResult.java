package compliance.report;

/**
 * One AWS Control Tower proactive control on one template, as the synthesis's cfn-guard run found it
 * (validation.ControlTowerValidation): pass, fail, or exception (a documented exception, or a family the platform
 * does not enforce) with what failed and why.
 *
 * @param template the template, relative to the cloud assembly
 * @param control  the control id, {@code CT.KMS.PR.3}
 * @param detail   the failing resources, or the exception's reason
 */
public record ControlTowerResult(String template, String control, Status status, String detail) {
}
