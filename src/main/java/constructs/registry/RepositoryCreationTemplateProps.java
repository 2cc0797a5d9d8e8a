package constructs.registry;

import constructs.internal.Tokens;
import constructs.repository.PrivateRepository;
import constructs.repository.RepositoryPolicy;

import lifecycle.LifecyclePolicy;
import limits.AwsLimits;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A repository creation template: the settings of repositories ECR creates on its own
 * (replicas, pull-through cache repositories, create-on-push).
 *
 * <p>Enforced: KMS encryption with {@code encryptionKey}; tags IMMUTABLE, except MUTABLE for
 * PULL_THROUGH_CACHE (ECR must refresh cached tags; services pin base images by digest).
 * Scanning cannot be set by a template: the region's scanning rules must cover {@code prefix}
 * ({@link RegistryScanningProps#scansAutomatically}).
 *
 * @param prefix          repository namespace ({@code "shop/prod"}) or {@code "ROOT"} for every
 *                        repository no other template matches
 * @param appliedFor      non-empty; PULL_THROUGH_CACHE cannot be mixed with the others
 * @param encryptionKey   the region's KMS key; required
 * @param role            the role ECR assumes to apply KMS and tags ({@link RepositoryCreationTemplateRole}); required
 * @param lifecyclePolicy the lifecycle policy of created repositories; required (CT.ECR.PR.1)
 * @param description     Default: {@code "ecr-blueprint: <appliedFor> repositories under <prefix>"}
 * @param resourceTags    tags of created repositories. Default: none
 * @param repositoryPolicy the repository policy of created repositories (ECR replicates images, not repository policies: a
 *  REPLICATION template is where consumers of replicas are granted). Default: none, created repositories have no policy
 * @param mutableTagExclusions tag filters (wildcards allowed, at most 5) that stay mutable in created repositories:
 *  {@code IMMUTABLE_WITH_EXCLUSION}; not for PULL_THROUGH_CACHE templates, whose repositories are MUTABLE. Default: none,
 *  every tag immutable
 */
public record RepositoryCreationTemplateProps(String prefix, List<CreationTemplateAppliedFor> appliedFor,
                                              IKey encryptionKey, IRole role, LifecyclePolicy lifecyclePolicy,
                                              String description, Map<String, String> resourceTags, RepositoryPolicy repositoryPolicy, List<String> mutableTagExclusions) {

    /** CreateRepositoryCreationTemplate prefix, from the ECR API reference (1 to {@link AwsLimits#ECR_CREATION_TEMPLATE_PREFIX} characters). */
    static final Pattern PREFIX = Pattern.compile(
            "^((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*/?|ROOT)$");
    /** ImageTagMutabilityExclusionFilterValue, as for repositories. */
    private static final Pattern EXCLUSION_FILTER = Pattern.compile("[0-9a-zA-Z._*-]{1,128}");
    /**
     * Service quota "Lifecycle policy length".
     *
     * @deprecated checked by {@code lifecycle.LifecyclePolicy} when a policy is built; this is
     *             {@code lifecycle.LifecycleValidator.MAX_TEXT_LENGTH}
     */
    @Deprecated
    public static final int MAX_LIFECYCLE_POLICY_LENGTH = lifecycle.LifecycleValidator.MAX_TEXT_LENGTH;

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param prefix repository namespace ({@code "shop/prod"}) or {@code "ROOT"} for every repository no other template matches
     * @param appliedFor non-empty; PULL_THROUGH_CACHE cannot be mixed with the others
     * @param encryptionKey the region's KMS key; required
     * @param role the role ECR assumes to apply KMS and tags ({@link RepositoryCreationTemplateRole}); required
     * @param lifecyclePolicy the lifecycle policy of created repositories; required (CT.ECR.PR.1)
     * @param description Default: {@code "ecr-blueprint: <appliedFor> repositories under <prefix>"}
     * @param resourceTags tags of created repositories. Default: none
     * @param repositoryPolicy the repository policy of created repositories; default: none
     * @param mutableTagExclusions tag filters that stay mutable in created repositories; default: none
     */
    public RepositoryCreationTemplateProps {
        mutableTagExclusions = mutableTagExclusions == null ? List.of() : List.copyOf(mutableTagExclusions);
        appliedFor = appliedFor == null ? List.of() : List.copyOf(appliedFor);
        resourceTags = resourceTags == null ? Map.of() : Map.copyOf(new TreeMap<>(resourceTags));
        if (description == null && prefix != null) {
            description = "ecr-blueprint: " + String.join(", ", appliedFor.stream().map(Enum::name).toList())
                    + " repositories under " + prefix;
            // A long prefix (ECR allows 256 characters) must not make the default longer than ECR's description.
            if (description.length() > AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION) {
                description = description.substring(0, AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION - 3) + "...";
            }
        }
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param prefix see the record components
     * @param appliedFor see the record components
     * @param encryptionKey see the record components
     * @param role see the record components
     * @param lifecyclePolicy see the record components
     * @param description see the record components
     * @param resourceTags see the record components
     * @deprecated use {@link #builder()}
     */
    @Deprecated
    public RepositoryCreationTemplateProps(String prefix, List<CreationTemplateAppliedFor> appliedFor, IKey encryptionKey,
                                           IRole role, LifecyclePolicy lifecyclePolicy, String description,
                                           Map<String, String> resourceTags) {
        this(prefix, appliedFor, encryptionKey, role, lifecyclePolicy, description, resourceTags, null, List.of());
    }

    /**
     * A builder of {@link RepositoryCreationTemplateProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * MUTABLE only for pull-through cache repositories, IMMUTABLE otherwise (with exclusions where given).
     *
     * @return {@code MUTABLE}, {@code IMMUTABLE} or {@code IMMUTABLE_WITH_EXCLUSION}
     */
    public String imageTagMutability() {
        if (appliedFor.contains(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)) {
            return "MUTABLE";
        }
        return mutableTagExclusions.isEmpty() ? "IMMUTABLE" : "IMMUTABLE_WITH_EXCLUSION";
    }

    /**
     * Every problem ECR would reject, each message starting with {@code path}.
     *
     * @param path where the template is declared
     * @return the problems, empty when valid
     */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (prefix == null) {
            problems.add(path + "prefix is missing. Hint: e.g. \"shop/prod\", or \"ROOT\" for every repository");
        } else if (!Tokens.isUnresolved(prefix) && (prefix.length() > AwsLimits.ECR_CREATION_TEMPLATE_PREFIX || !PREFIX.matcher(prefix).matches())) {
            problems.add(path + "prefix \"" + prefix + "\" is invalid: must be a repository namespace of lowercase letters,"
                    + " digits, . _ - separated by /, or ROOT. Hint: e.g. \"shop/prod\"");
        }
        if (appliedFor.isEmpty()) {
            problems.add(path + "appliedFor is empty: name the scenarios the template applies to. Hint: e.g. REPLICATION");
        } else if (EnumSet.copyOf(appliedFor).size() != appliedFor.size()) {
            problems.add(path + "appliedFor " + appliedFor + " repeats a scenario. Hint: list each scenario once");
        } else if (appliedFor.contains(CreationTemplateAppliedFor.PULL_THROUGH_CACHE) && appliedFor.size() > 1) {
            problems.add(path + "appliedFor " + appliedFor + " mixes PULL_THROUGH_CACHE with other scenarios: cached"
                    + " repositories stay MUTABLE so ECR can refresh upstream tags, all others are IMMUTABLE."
                    + " Hint: one template for PULL_THROUGH_CACHE under the cache prefix, another for the rest");
        }
        if (encryptionKey == null) {
            problems.add(path + "encryptionKey is missing: created repositories are encrypted with the region's KMS key."
                    + " Hint: pass the registry stack's key");
        }
        if (role == null) {
            problems.add(path + "role is missing: ECR needs a role to apply KMS encryption and tags."
                    + " Hint: pass RepositoryCreationTemplateRole.role()");
        }
        // Only whether there is one: a LifecyclePolicy checks its rules and its length when it is built.
        if (lifecyclePolicy == null) {
            problems.add(path + "lifecyclePolicy is missing: every repository needs one (CT.ECR.PR.1)."
                    + " Hint: pass the environment profile's lifecycle.LifecyclePolicy");
        }
        if (!mutableTagExclusions.isEmpty()) {
            if (appliedFor.contains(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)) {
                problems.add(path + "mutableTagExclusions " + mutableTagExclusions + " is invalid for a PULL_THROUGH_CACHE "
                        + "template: cached repositories are MUTABLE already. Hint: drop mutableTagExclusions");
            } else if (mutableTagExclusions.size() > PrivateRepository.MAX_EXCLUSION_FILTERS
                    || mutableTagExclusions.stream().anyMatch(f -> f == null || !EXCLUSION_FILTER.matcher(f).matches())) {
                problems.add(path + "mutableTagExclusions " + mutableTagExclusions + " is invalid: 1 to "
                        + PrivateRepository.MAX_EXCLUSION_FILTERS + " filters of letters, digits, . _ - and * (at most 128 "
                        + "characters each). Hint: [\"latest\"]");
            }
        }
        if (description != null && description.length() > AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION) {
            problems.add(path + "description has " + description.length() + " characters: ECR accepts at most "
                    + AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION + "."
                    + " Hint: shorten it");
        }
        return problems;
    }

    /**
     * Builds {@link RepositoryCreationTemplateProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String prefix;
        private List<CreationTemplateAppliedFor> appliedFor;
        private IKey encryptionKey;
        private IRole role;
        private LifecyclePolicy lifecyclePolicy;
        private String description;
        private Map<String, String> resourceTags;
        private RepositoryPolicy repositoryPolicy;
        private List<String> mutableTagExclusions = List.of();

        /**
         * Repository namespace ({@code "shop/prod"}) or {@code "ROOT"} for every repository no other template
         * matches. Required.
         *
         * @param prefix the value of {@code prefix}
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * What the template applies to; PULL_THROUGH_CACHE cannot be mixed with the others. Required: at least one.
         *
         * @param appliedFor the value of {@code appliedFor}
         * @return this builder
         */
        public Builder appliedFor(CreationTemplateAppliedFor... appliedFor) {
            this.appliedFor = List.of(appliedFor);
            return this;
        }

        /**
         * What the template applies to; PULL_THROUGH_CACHE cannot be mixed with the others. Required: at least one.
         *
         * @param appliedFor the value of {@code appliedFor}
         * @return this builder
         */
        public Builder appliedFor(List<CreationTemplateAppliedFor> appliedFor) {
            this.appliedFor = appliedFor;
            return this;
        }

        /**
         * The region's KMS key the created repositories are encrypted with. Required for a template built on its own;
         * in a {@link RegistryContribution}, {@link RegistrySettings} supplies its own.
         *
         * @param encryptionKey the value of {@code encryptionKey}
         * @return this builder
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * The role ECR assumes to apply KMS and tags ({@link RepositoryCreationTemplateRole}). Required for a template
         * built on its own; in a {@link RegistryContribution}, {@link RegistrySettings} supplies its own.
         *
         * @param role the value of {@code role}
         * @return this builder
         */
        public Builder role(IRole role) {
            this.role = role;
            return this;
        }

        /**
         * The lifecycle policy of created repositories (CT.ECR.PR.1). Required.
         *
         * @param lifecyclePolicy the value of {@code lifecyclePolicy}
         * @return this builder
         */
        public Builder lifecyclePolicy(LifecyclePolicy lifecyclePolicy) {
            this.lifecyclePolicy = lifecyclePolicy;
            return this;
        }

        /**
         * The template's description. Default: {@code "ecr-blueprint: <appliedFor> repositories under <prefix>"}.
         *
         * @param description the template's description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Tags the created repositories get. Default: no tags.
         *
         * @param resourceTags the tags of the repositories the template creates
         * @return this builder
         */
        public Builder resourceTags(Map<String, String> resourceTags) {
            this.resourceTags = resourceTags;
            return this;
        }

        /**
         * The repository policy of created repositories. Default: none, created repositories have no repository
         * policy.
         *
         * @param repositoryPolicy the value
         * @return this builder
         */
        public Builder repositoryPolicy(RepositoryPolicy repositoryPolicy) {
            this.repositoryPolicy = repositoryPolicy;
            return this;
        }

        /**
         * Tags that stay movable in created repositories ({@code IMMUTABLE_WITH_EXCLUSION}). Default: none, every tag
         * is immutable.
         *
         * @param mutableTagExclusions the value
         * @return this builder
         */
        public Builder mutableTagExclusions(List<String> mutableTagExclusions) {
            this.mutableTagExclusions = mutableTagExclusions;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RepositoryCreationTemplateProps build() {
            return new RepositoryCreationTemplateProps(prefix, appliedFor, encryptionKey, role, lifecyclePolicy,
                    description, resourceTags, repositoryPolicy, mutableTagExclusions);
        }
    }
}
