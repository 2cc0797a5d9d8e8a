package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Values of the lifecycle-policy field, spelled as ECR spells them in JSON. */
public enum ImageTagStatus {
    TAGGED("tagged"),
    UNTAGGED("untagged"),
    ANY("any");

    private final String json;

    ImageTagStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
