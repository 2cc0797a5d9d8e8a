package platform;

import java.util.List;

/** Scan-finding alerts of an environment. */
public record Alerts(
        @Field("Lowest finding severity that alerts. Default: the profile's (HIGH).")
        Severity severity,
        @Field(pattern = NameFormats.EMAIL, value = "Email addresses subscribed to the alert topic. Default: none.")
        List<String> email,
        @Field(pattern = NameFormats.HTTPS_URL, value = "HTTPS endpoints subscribed to the alert topic. Default: none.")
        List<String> https) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param severity lowest finding severity that alerts. Default: the profile's (HIGH).
     * @param email email addresses subscribed to the alert topic. Default: none.
     * @param https hTTPS endpoints subscribed to the alert topic. Default: none.
     */
    public Alerts {
        email = email == null ? List.of() : List.copyOf(email);
        https = https == null ? List.of() : List.copyOf(https);
    }
}
