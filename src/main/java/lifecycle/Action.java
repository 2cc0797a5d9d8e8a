package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code action} block: expire, or transition to another storage class (archive).
 *
 * @param type               expire or transition
 * @param targetStorageClass required for transition (archive), absent for expire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "targetStorageClass"})
public record Action(ActionType type, StorageClass targetStorageClass) {

    public static Action expire() {
        return new Action(ActionType.EXPIRE, null);
    }

    public static Action transitionToArchive() {
        return new Action(ActionType.TRANSITION, StorageClass.ARCHIVE);
    }
}
