package platform;

import java.util.List;

/** Managed image signing: ECR signs pushed images with the AWS Signer profile, as the pushing identity. */
public record Signing(
        @Field(required = true, pattern = NameFormats.SIGNING_PROFILE_ARN, value = "The AWS Signer signing profile ARN.")
        String profileArn,
        @Field(pattern = NameFormats.WILDCARD_FILTER, value = "Repository filters with * wildcards. Default: every repository of the platform (<platform>/*).")
        List<String> filters) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param profileArn the AWS Signer signing profile ARN.
     * @param filters repository filters with * wildcards. Default: every repository of the platform (&lt;platform&gt;/*).
     */
    public Signing {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
