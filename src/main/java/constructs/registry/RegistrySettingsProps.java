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

    public RegistrySettingsProps {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<RegistryContribution> contributions = new ArrayList<>();
        private IKey encryptionKey;

        public Builder contribution(RegistryContribution contribution) {
            contributions.add(contribution);
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public RegistrySettingsProps build() {
            return new RegistrySettingsProps(contributions, encryptionKey);
        }
    }
}
