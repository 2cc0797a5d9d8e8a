package compliance.report;

/**
 * @param control the catalog control, e.g. {@code ECR.1}, {@code CT.ECR.PR.2}, {@code CKV_AWS_32}
 * @param status  pass, fail, or exception (with the reason in {@code detail})
 * @param detail  what was found, in one sentence
 */
public record ControlResult(String control, Status status, String detail) {
}
