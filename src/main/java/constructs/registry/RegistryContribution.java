package constructs.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What one place of the platform file (usually one environment) asks of the registry of its
 * account and region. {@link RegistrySettings} merges every contribution of a registry and
 * names both places when two of them conflict.
 *
 * @param source         where the request comes from, used in messages, e.g. {@code "environment dev"}
 * @param scanning       scanning rules wanted. Default: none from this place
 * @param replication    the registry's replication configuration; only one place may declare it
 * @param registryPolicy the registry policy; only one place may declare it
 * @param cacheRules     pull-through cache rules; identical rules from several places are one rule
 * @param templates      repository creation templates without {@code encryptionKey} and {@code role}
 *                       (RegistrySettings supplies both); identical templates from several places are one
 * @param exclusions     principal ARNs excluded from pull-time updates; duplicates are one exclusion
 */
public record RegistryContribution(String source, RegistryScanningProps scanning, RegistryReplicationProps replication,
                                   RegistryPolicyProps registryPolicy, List<PullThroughCacheRuleProps> cacheRules,
                                   List<RepositoryCreationTemplateProps> templates, List<String> exclusions) {

    public RegistryContribution {
        cacheRules = cacheRules == null ? List.of() : List.copyOf(cacheRules);
        templates = templates == null ? List.of() : List.copyOf(templates);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    public static final class Builder {
        private final String source;
        private RegistryScanningProps scanning;
        private RegistryReplicationProps replication;
        private RegistryPolicyProps registryPolicy;
        private final List<PullThroughCacheRuleProps> cacheRules = new ArrayList<>();
        private final List<RepositoryCreationTemplateProps> templates = new ArrayList<>();
        private final List<String> exclusions = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        public Builder scanning(RegistryScanningProps scanning) {
            this.scanning = scanning;
            return this;
        }

        public Builder replication(RegistryReplicationProps replication) {
            this.replication = replication;
            return this;
        }

        public Builder registryPolicy(RegistryPolicyProps registryPolicy) {
            this.registryPolicy = registryPolicy;
            return this;
        }

        public Builder cacheRule(PullThroughCacheRuleProps rule) {
            cacheRules.add(rule);
            return this;
        }

        public Builder template(RepositoryCreationTemplateProps template) {
            templates.add(template);
            return this;
        }

        public Builder exclusion(String principalArn) {
            exclusions.add(principalArn);
            return this;
        }

        public RegistryContribution build() {
            return new RegistryContribution(source, scanning, replication, registryPolicy, cacheRules, templates, exclusions);
        }
    }
}
