package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Values of the lifecycle-policy field, spelled as ECR spells them in JSON. */
public enum CountUnit {
    DAYS("days");

    private final String json;

    CountUnit(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
