package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a lifecycle policy does to one image, spelled as the preview's JSON output spells it. */
public enum PreviewAction {
    KEEP("keep"),
    EXPIRE("expire"),
    TRANSITION("transition");

    private final String json;

    PreviewAction(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
