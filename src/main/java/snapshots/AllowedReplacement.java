package snapshots;

/**
 * A reviewed entry of the allow-list: the replacement of this resource (named as in the base snapshots)
 * is intended. The only way past the {@link StatefulResourceGuard}.
 *
 * @param suite      the snapshot suite it applies to; absent for every suite
 * @param stack      the stack that holds the resource in the base snapshots
 * @param logicalId  the resource's logical id in the base snapshots
 * @param reason     why losing or recreating the resource is acceptable
 * @param reviewedBy who reviewed that reason
 */
public record AllowedReplacement(String suite, String stack, String logicalId, String reason, String reviewedBy) {

    boolean covers(String suiteName, Replacement replacement) {
        return (suite == null || suite.equals(suiteName))
                && stack.equals(replacement.stack()) && logicalId.equals(replacement.logicalId());
    }
}
