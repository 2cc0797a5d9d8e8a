package compliance.report;

/**
 * A deliberate departure from a control, with the reason it is right here.
 *
 * @param path     the construct path of the resource that departs
 * @param controls the controls it departs from, e.g. {@code ECR.2, CT.ECR.PR.3, CKV_AWS_51}
 */
public record DocumentedException(String template, String path, String controls, String reason) {
}
