package platform;

import java.util.List;

/** Catalog data of a service's ECR Public repository, shown in the Amazon ECR Public Gallery. */
public record PublicCatalog(
        @Field("One line shown in search results (at most 256 characters). Default: none.")
        String description,
        @Field("The About section, Markdown (at most 10,240 characters). Default: none.")
        String about,
        @Field("The Usage section, Markdown (at most 10,240 characters). Default: none.")
        String usage,
        @Field("Operating systems of the images, e.g. Linux. Default: [Linux].")
        List<String> operatingSystems) {

    /** ECR Public's longest short description. */
    public static final int MAX_DESCRIPTION = 256;
    /** ECR Public's longest about and usage texts. */
    public static final int MAX_TEXT = 10_240;

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param description one line shown in search results (at most 256 characters). Default: none.
     * @param about the About section, Markdown (at most 10,240 characters). Default: none.
     * @param usage the Usage section, Markdown (at most 10,240 characters). Default: none.
     * @param operatingSystems operating systems of the images, e.g. Linux. Default: [Linux].
     */
    public PublicCatalog {
        operatingSystems = operatingSystems == null || operatingSystems.isEmpty() ? List.of("Linux") : List.copyOf(operatingSystems);
    }
}
