package lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/** Values of the lifecycle-policy field, spelled as ECR spells them in JSON. */
public enum CountType {
    IMAGE_COUNT_MORE_THAN("imageCountMoreThan"),
    SINCE_IMAGE_PUSHED("sinceImagePushed"),
    SINCE_IMAGE_PULLED("sinceImagePulled"),
    SINCE_IMAGE_TRANSITIONED("sinceImageTransitioned");

    private final String json;

    CountType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
