package constructs.registry;

import software.amazon.awscdk.services.kms.IKey;

import java.util.List;

/**
 * @param repositoryPrefixes the template prefixes the role creates repositories under ({@code "ROOT"}: any)
 * @param encryptionKeys     the KMS keys the templates encrypt with (the region's own key)
 */
public record RepositoryCreationTemplateRoleProps(List<String> repositoryPrefixes, List<IKey> encryptionKeys) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param repositoryPrefixes the template prefixes the role creates repositories under ({@code "ROOT"}: any)
     * @param encryptionKeys the KMS keys the templates encrypt with (the region's own key)
     */
    public RepositoryCreationTemplateRoleProps {
        repositoryPrefixes = repositoryPrefixes == null ? List.of() : List.copyOf(repositoryPrefixes);
        encryptionKeys = encryptionKeys == null ? List.of() : List.copyOf(encryptionKeys);
    }
}
