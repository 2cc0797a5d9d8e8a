package snapshots;

/**
 * One stateful resource of the base snapshots that the current synthesis would replace or delete.
 *
 * @param stack     the stack that holds it in the base snapshots
 * @param logicalId its logical id there
 * @param type      its CloudFormation type
 * @param kind      what happens to it
 * @param detail    what changed, in words, naming the new logical id, stack or property values
 */
public record Replacement(String stack, String logicalId, String type, Kind kind, String detail) {

    public enum Kind { DISAPPEARS, CHANGES_LOGICAL_ID, MOVES_TO_ANOTHER_STACK, CHANGES_CREATE_ONLY_PROPERTY }

    /** {@code stack "shop-dev", AWS::ECR::Repository "Repo": <detail>}. */
    public String describe() {
        return "stack \"" + stack + "\", " + type + " \"" + logicalId + "\": " + detail;
    }
}
