package platform;

import java.util.List;

/**
 * A repository creation template: repositories ECR creates under {@code prefix} get the platform's encryption,
 * immutability and the profile's lifecycle rules.
 */
public record CreationTemplate(
        @Field(required = true, pattern = NameFormats.TEMPLATE_PREFIX, value = "The repository prefix the template applies to, or ROOT: every repository no other template covers.")
        String prefix,
        @Field(required = true, value = "PULL_THROUGH_CACHE, REPLICATION and/or CREATE_ON_PUSH.")
        List<TemplateAppliesTo> appliedFor,
        @Field("What the template is for. Default: none.")
        String description) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param prefix the repository prefix the template applies to, or ROOT: every repository no other template covers.
     * @param appliedFor pULL_THROUGH_CACHE, REPLICATION and/or CREATE_ON_PUSH.
     * @param description what the template is for. Default: none.
     */
    public CreationTemplate {
        appliedFor = appliedFor == null ? List.of() : List.copyOf(appliedFor);
    }
}
