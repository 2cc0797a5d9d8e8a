package constructs.access;

import java.util.List;

/**
 * Props of {@link GitHubOidcProvider}.
 *
 * @param thumbprints server-certificate thumbprints; default: none, IAM verifies GitHub's certificate
 *                    through its library of trusted root certificate authorities
 */
public record GitHubOidcProviderProps(List<String> thumbprints) {

    public GitHubOidcProviderProps {
        thumbprints = thumbprints == null ? List.of() : List.copyOf(thumbprints);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> thumbprints = List.of();

        public Builder thumbprints(List<String> thumbprints) {
            this.thumbprints = thumbprints;
            return this;
        }

        public GitHubOidcProviderProps build() {
            return new GitHubOidcProviderProps(thumbprints);
        }
    }
}
