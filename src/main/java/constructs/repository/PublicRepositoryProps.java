package constructs.repository;

import java.util.List;
import java.util.Map;

/**
 * Properties of a {@link PublicRepository}.
 *
 * @param repositoryName       the public repository name; validated like a private one (no generic names)
 * @param catalogData          what the ECR Public Gallery shows; required, since an undescribed public image is unusable
 * @param publisherAccount     the account of the CI role allowed to push
 * @param publisherRoleName    the CI publisher role's name; the repository policy grants push to exactly this role
 *                             through the account root plus {@code aws:PrincipalArn}, so it need not exist yet
 * @param tags                 tags on the repository; at least one is required (Security Hub ECR.4)
 * @param retain               Default: true — the repository and its images survive stack deletion
 */
public record PublicRepositoryProps(
        String repositoryName,
        CatalogData catalogData,
        String publisherAccount,
        String publisherRoleName,
        Map<String, String> tags,
        boolean retain) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param repositoryName the public repository name; validated like a private one (no generic names)
     * @param catalogData what the ECR Public Gallery shows; required, since an undescribed public image is unusable
     * @param publisherAccount the account of the CI role allowed to push
     * @param publisherRoleName the CI publisher role's name; the repository policy grants push to exactly this role through the account root plus {@code aws:PrincipalArn}, so it need not exist yet
     * @param tags tags on the repository; at least one is required (Security Hub ECR.4)
     * @param retain Default: true — the repository and its images survive stack deletion
     */
    public PublicRepositoryProps {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * A builder of {@link PublicRepositoryProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ECR Public Gallery entry. Limits from the ECR Public API reference (RepositoryCatalogDataInput).
     *
     * @param description      short description, at most 1,024 characters
     * @param aboutText        Markdown, at most 25,600 characters
     * @param usageText        Markdown, at most 25,600 characters
     * @param architectures    of ARM, ARM 64, x86, x86-64 (other values are not discoverable in the Gallery)
     * @param operatingSystems of Linux, Windows
     */
    public record CatalogData(String description, String aboutText, String usageText,
                              List<String> architectures, List<String> operatingSystems) {
        /**
         * Copies the lists.
         *
         * @param description short description, at most 1,024 characters
         * @param aboutText Markdown, at most 25,600 characters
         * @param usageText Markdown, at most 25,600 characters
         * @param architectures of ARM, ARM 64, x86, x86-64
         * @param operatingSystems of Linux, Windows
         */
        public CatalogData {
            architectures = architectures == null ? List.of() : List.copyOf(architectures);
            operatingSystems = operatingSystems == null ? List.of() : List.copyOf(operatingSystems);
        }
    }

    /**
     * Builds {@link PublicRepositoryProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String repositoryName;
        private CatalogData catalogData;
        private String publisherAccount;
        private String publisherRoleName;
        private Map<String, String> tags = Map.of();
        private boolean retain = true;

        /**
         * The public repository name, validated like a private one (no generic names). Required.
         *
         * @param value the value of {@code repositoryName}
         * @return this builder
         */
        public Builder repositoryName(String value) {
            this.repositoryName = value;
            return this;
        }

        /**
         * What the ECR Public Gallery shows. Required: an undescribed public image is unusable.
         *
         * @param value the value of {@code catalogData}
         * @return this builder
         */
        public Builder catalogData(CatalogData value) {
            this.catalogData = value;
            return this;
        }

        /**
         * Adds a publisher: the role {@code roleName} in {@code account} may push to the public repository. Default:
         * none added, nobody may push.
         *
         * @param account the AWS account id (12 digits)
         * @param roleName the name of the IAM role
         * @return this builder
         */
        public Builder publisher(String account, String roleName) {
            this.publisherAccount = account;
            this.publisherRoleName = roleName;
            return this;
        }

        /**
         * Tags on the repository. Required: at least one (Security Hub ECR.4).
         *
         * @param value the value of {@code tags}
         * @return this builder
         */
        public Builder tags(Map<String, String> value) {
            this.tags = value;
            return this;
        }

        /**
         * Whether the repository and its images survive stack deletion. Default: true, they do.
         *
         * @param value the value of {@code retain}
         * @return this builder
         */
        public Builder retain(boolean value) {
            this.retain = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public PublicRepositoryProps build() {
            return new PublicRepositoryProps(repositoryName, catalogData, publisherAccount, publisherRoleName, tags, retain);
        }
    }
}
