package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Values of the lifecycle-policy field, spelled as ECR spells them in JSON. */
public enum ActionType {
    EXPIRE("expire"),
    TRANSITION("transition");

    private final String json;

    ActionType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
