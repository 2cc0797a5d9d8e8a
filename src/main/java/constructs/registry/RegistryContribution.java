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
 * @param scanOtherRepositories a catch-all scanning rule ({@code "*"}) at this frequency, so that a configuration
 *                       written for some prefixes never leaves the registry's other repositories unscanned; it
 *                       needs {@code scanning} for the scan type. ECR applies CONTINUOUS_SCAN over SCAN_ON_PUSH where
 *                       filters overlap, so a SCAN_ON_PUSH catch-all lowers no other rule. Default: no catch-all
 */
public record RegistryContribution(String source, RegistryScanningProps scanning, RegistryReplicationProps replication,
                                   RegistryPolicyProps registryPolicy, List<RegistryPullThroughCacheRuleProps> cacheRules,
                                   List<RepositoryCreationTemplateProps> templates, List<String> exclusions,
                                   RegistryScanFrequency scanOtherRepositories) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param source where the request comes from, used in messages, e.g. {@code "environment dev"}
     * @param scanning scanning rules wanted. Default: none from this place
     * @param replication the registry's replication configuration; only one place may declare it
     * @param registryPolicy the registry policy; only one place may declare it
     * @param cacheRules pull-through cache rules; identical rules from several places are one rule
     * @param templates repository creation templates without {@code encryptionKey} and {@code role} (RegistrySettings supplies both); identical templates from several places are one
     * @param exclusions principal ARNs excluded from pull-time updates; duplicates are one exclusion
     * @param scanOtherRepositories a catch-all scanning rule {@code "*"} at this frequency, so repositories of other teams keep scanning. Default: none
     */
    public RegistryContribution {
        cacheRules = cacheRules == null ? List.of() : List.copyOf(cacheRules);
        templates = templates == null ? List.of() : List.copyOf(templates);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /**
     * A contribution without a catch-all scanning rule.
     *
     * @param source where the request comes from, used in messages
     * @param scanning scanning rules wanted
     * @param replication the registry's replication configuration
     * @param registryPolicy the registry policy
     * @param cacheRules pull-through cache rules
     * @param templates repository creation templates
     * @param exclusions principal ARNs excluded from pull-time updates
     */
    public RegistryContribution(String source, RegistryScanningProps scanning, RegistryReplicationProps replication,
                                RegistryPolicyProps registryPolicy, List<RegistryPullThroughCacheRuleProps> cacheRules,
                                List<RepositoryCreationTemplateProps> templates, List<String> exclusions) {
        this(source, scanning, replication, registryPolicy, cacheRules, templates, exclusions, null);
    }

    /**
     * A builder of what {@code source} contributes.
     *
     * @param source what contributes (an environment, a platform-wide setting), named in messages
     * @return a new builder
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /**
     * Builds {@link RegistryContribution}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private final String source;
        private RegistryScanningProps scanning;
        private RegistryReplicationProps replication;
        private RegistryPolicyProps registryPolicy;
        private final List<RegistryPullThroughCacheRuleProps> cacheRules = new ArrayList<>();
        private final List<RepositoryCreationTemplateProps> templates = new ArrayList<>();
        private final List<String> exclusions = new ArrayList<>();
        private RegistryScanFrequency scanOtherRepositories;

        private Builder(String source) {
            this.source = source;
        }

        /**
         * Scanning rules wanted. Default: none from this place, no scanning rule contributed.
         *
         * @param scanning the value of {@code scanning}
         * @return this builder
         */
        public Builder scanning(RegistryScanningProps scanning) {
            this.scanning = scanning;
            return this;
        }

        /**
         * The registry's replication configuration; only one place may declare it. Default: none from this place, no
         * replication contributed.
         *
         * @param replication the value of {@code replication}
         * @return this builder
         */
        public Builder replication(RegistryReplicationProps replication) {
            this.replication = replication;
            return this;
        }

        /**
         * The registry policy; only one place may declare it. Default: none from this place, no registry policy
         * contributed.
         *
         * @param registryPolicy the value of {@code registryPolicy}
         * @return this builder
         */
        public Builder registryPolicy(RegistryPolicyProps registryPolicy) {
            this.registryPolicy = registryPolicy;
            return this;
        }

        /**
         * Adds a pull-through cache rule this source contributes. Default: none added.
         *
         * @param rule the cache rule
         * @return this builder
         */
        public Builder cacheRule(RegistryPullThroughCacheRuleProps rule) {
            cacheRules.add(rule);
            return this;
        }

        /**
         * Adds a repository creation template this source contributes. Default: none added.
         *
         * @param template the creation template
         * @return this builder
         */
        public Builder template(RepositoryCreationTemplateProps template) {
            templates.add(template);
            return this;
        }

        /**
         * Adds a pull-time update exclusion (a principal whose pulls do not update an image's last-pull time).
         * Default: none added, every pull counts as use.
         *
         * @param principalArn the ARN of the principal
         * @return this builder
         */
        public Builder exclusion(String principalArn) {
            exclusions.add(principalArn);
            return this;
        }

        /**
         * A catch-all scanning rule {@code "*"} at this frequency. Default: no catch-all rule from this place.
         *
         * @param frequency the frequency of the catch-all rule
         * @return this builder
         */
        public Builder scanOtherRepositories(RegistryScanFrequency frequency) {
            this.scanOtherRepositories = frequency;
            return this;
        }

        /**
         * Builds the contribution.
         *
         * @return the contribution, with the defaults applied
         */
        public RegistryContribution build() {
            return new RegistryContribution(source, scanning, replication, registryPolicy, cacheRules, templates, exclusions,
                    scanOtherRepositories);
        }
    }
}
