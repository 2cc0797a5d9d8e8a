package constructs.registry;

import software.amazon.awscdk.services.kms.IKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the registry of one account and region holds.
 *
 * @param contributions every request for this registry, one per place of the platform file
 * @param encryptionKey the region's KMS key for repositories created from templates; required when
 *                      any contribution has templates
 */
public record RegistrySettingsProps(List<RegistryContribution> contributions, IKey encryptionKey) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param contributions every request for this registry, one per place of the platform file
     * @param encryptionKey the region's KMS key for repositories created from templates; required when any contribution has templates
     */
    public RegistrySettingsProps {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    /**
     * A builder of {@link RegistrySettingsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RegistrySettingsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private final List<RegistryContribution> contributions = new ArrayList<>();
        private IKey encryptionKey;

        /**
         * Adds what one source (an environment, a platform-wide setting) contributes to the registry. Default: none
         * added.
         *
         * @param contribution the contribution
         * @return this builder
         */
        public Builder contribution(RegistryContribution contribution) {
            contributions.add(contribution);
            return this;
        }

        /**
         * The region's KMS key for repositories created from templates. Default: none; required when any contribution
         * has templates.
         *
         * @param encryptionKey the value of {@code encryptionKey}
         * @return this builder
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistrySettingsProps build() {
            return new RegistrySettingsProps(contributions, encryptionKey);
        }
    }
}
