package constructs.access;

import java.util.List;

/**
 * Props of {@link GitHubOidcProvider}.
 *
 * @param thumbprints server-certificate thumbprints. Default: none, IAM verifies GitHub's certificate
 *                    through its library of trusted root certificate authorities
 */
public record GitHubOidcProviderProps(List<String> thumbprints) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param thumbprints server-certificate thumbprints. Default: none, IAM verifies GitHub's certificate through its library of trusted root certificate authorities
     */
    public GitHubOidcProviderProps {
        thumbprints = thumbprints == null ? List.of() : List.copyOf(thumbprints);
    }

    /**
     * A builder of {@link GitHubOidcProviderProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link GitHubOidcProviderProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private List<String> thumbprints = List.of();

        /**
         * Server-certificate thumbprints. Default: none, IAM verifies GitHub's certificate through its library of
         * trusted root certificate authorities.
         *
         * @param thumbprints the value of {@code thumbprints}
         * @return this builder
         */
        public Builder thumbprints(List<String> thumbprints) {
            this.thumbprints = thumbprints;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public GitHubOidcProviderProps build() {
            return new GitHubOidcProviderProps(thumbprints);
        }
    }
}
