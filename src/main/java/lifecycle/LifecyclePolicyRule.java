package lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One rule of a lifecycle policy. Lower {@code rulePriority} is evaluated first.
 *
 * @param rulePriority unique, at least 1; lower numbers win
 * @param description  free text shown in the console; optional
 * @param selection    which images the rule selects
 * @param action       what happens to them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rulePriority", "description", "selection", "action"})
public record LifecyclePolicyRule(int rulePriority, String description, Selection selection, Action action) {
}
