package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Values of the lifecycle-policy field, spelled as ECR spells them in JSON. */
public enum StorageClass {
    STANDARD("standard"),
    ARCHIVE("archive");

    private final String json;

    StorageClass(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
