package constructs.repository;

import lifecycle.LifecyclePolicy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.kms.IKey;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Props of {@link PrivateRepository}. Build with {@link #builder()}; the builder fills the defaults.
 *
 * @param repositoryName            required; validated by {@link RepositoryName}, e.g. {@code shop/dev/user-service}
 * @param lifecyclePolicy           required, with at least one rule; rendered with {@link LifecyclePolicy#toJson()}
 * @param removalPolicy             required: {@code RETAIN} keeps the repository and its images when it leaves the
 *                                  stack; {@code DESTROY} deletes it, images included ({@code EmptyOnDelete})
 * @param tagMutability             Default: {@code IMMUTABLE}, a pushed tag can never point at another image.
 *                                  {@code IMMUTABLE_WITH_EXCLUSION} is the only other value accepted
 * @param mutableTagExclusions      wildcard filters of tags that stay movable under {@code IMMUTABLE_WITH_EXCLUSION}
 *                                  (1 to 5, each 1 to 128 of {@code [0-9a-zA-Z._*-]}). Default: none
 * @param requireImmutableTags      what the prod profile sets: {@code IMMUTABLE_WITH_EXCLUSION} then fails unless
 *                                  {@code mutableTagOverrideReason} is given. Default: false (it warns only)
 * @param mutableTagOverrideReason  why a repository under {@code requireImmutableTags} still needs movable tags.
 *                                  Default: none
 * @param encryptionKey             the customer-managed key images are encrypted with; pass the environment's
 *                                  {@link RepositoryKey#key()}. Default: a {@link RepositoryKey} created for this
 *                                  repository (child id {@code Key}) with the repository's removal policy
 * @param repositoryPolicy          cross-account, organisation and Lambda access. Default: no repository policy
 *                                  (only IAM principals of this account, through IAM policies)
 * @param tags                      tags on the repository. Default: none
 * @param exportOutputs             Default: false, no stack outputs (an export locks every stack that imports it:
 *                                  CloudFormation refuses to change or remove it while imported). true: the name,
 *                                  ARN and URI are stack outputs with export names
 *                                  {@code <name with "/" as "-">-RepositoryName|RepositoryArn|RepositoryUri}
 * @param encryption                {@code KMS} or {@code KMS_DSSE} (dual-layer server-side encryption), always with
 *                                  {@code encryptionKey}; {@code AES_256} is rejected. Default: {@code KMS}. The type
 *                                  cannot change on an existing repository (ECR replaces it, and its fixed name
 *                                  makes CloudFormation refuse)
 */
public record PrivateRepositoryProps(
        String repositoryName,
        LifecyclePolicy lifecyclePolicy,
        RemovalPolicy removalPolicy,
        TagMutability tagMutability,
        List<String> mutableTagExclusions,
        boolean requireImmutableTags,
        String mutableTagOverrideReason,
        IKey encryptionKey,
        RepositoryPolicy repositoryPolicy,
        Map<String, String> tags,
        boolean exportOutputs,
        RepositoryEncryption encryption) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param repositoryName required; validated by {@link RepositoryName}, e.g. {@code shop/dev/user-service}
     * @param lifecyclePolicy required, with at least one rule; rendered with {@link LifecyclePolicy#toJson()}
     * @param removalPolicy required: {@code RETAIN} keeps the repository and its images when it leaves the stack; {@code DESTROY} deletes it, images included ({@code EmptyOnDelete})
     * @param tagMutability Default: {@code IMMUTABLE}, a pushed tag can never point at another image. {@code IMMUTABLE_WITH_EXCLUSION} is the only other value accepted
     * @param mutableTagExclusions wildcard filters of tags that stay movable under {@code IMMUTABLE_WITH_EXCLUSION} (1 to 5, each 1 to 128 of {@code [0-9a-zA-Z._*-]}). Default: none
     * @param requireImmutableTags what the prod profile sets: {@code IMMUTABLE_WITH_EXCLUSION} then fails unless {@code mutableTagOverrideReason} is given. Default: false (it warns only)
     * @param mutableTagOverrideReason why a repository under {@code requireImmutableTags} still needs movable tags. Default: none
     * @param encryptionKey the customer-managed key images are encrypted with; pass the environment's {@link RepositoryKey#key()}. Default: a {@link RepositoryKey} created for this repository (child id {@code Key}) with the repository's removal policy
     * @param repositoryPolicy cross-account, organisation and Lambda access. Default: no repository policy (only IAM principals of this account, through IAM policies)
     * @param tags tags on the repository. Default: none
     * @param exportOutputs Default: false, no stack outputs (an export locks every stack that imports it: CloudFormation refuses to change or remove it while imported). true: the name, ARN and URI are stack outputs with export names {@code <name with "/" as "-">-RepositoryName|RepositoryArn|RepositoryUri}
     * @param encryption {@code KMS} or {@code KMS_DSSE}, always with the customer-managed key. Default: {@code KMS}
     */
    public PrivateRepositoryProps {
        tagMutability = tagMutability == null ? TagMutability.IMMUTABLE : tagMutability;
        encryption = encryption == null ? RepositoryEncryption.KMS : encryption;
        mutableTagExclusions = mutableTagExclusions == null ? List.of() : List.copyOf(mutableTagExclusions);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * Props encrypted with {@code KMS} (release 0.x, before {@code encryption}).
     *
     * @param repositoryName see the record components
     * @param lifecyclePolicy see the record components
     * @param removalPolicy see the record components
     * @param tagMutability see the record components
     * @param mutableTagExclusions see the record components
     * @param requireImmutableTags see the record components
     * @param mutableTagOverrideReason see the record components
     * @param encryptionKey see the record components
     * @param repositoryPolicy see the record components
     * @param tags see the record components
     * @param exportOutputs see the record components
     */
    public PrivateRepositoryProps(String repositoryName, LifecyclePolicy lifecyclePolicy, RemovalPolicy removalPolicy,
                                  TagMutability tagMutability, List<String> mutableTagExclusions, boolean requireImmutableTags,
                                  String mutableTagOverrideReason, IKey encryptionKey, RepositoryPolicy repositoryPolicy,
                                  Map<String, String> tags, boolean exportOutputs) {
        this(repositoryName, lifecyclePolicy, removalPolicy, tagMutability, mutableTagExclusions, requireImmutableTags,
                mutableTagOverrideReason, encryptionKey, repositoryPolicy, tags, exportOutputs, null);
    }

    /**
     * Tags in key order, so the template does not depend on map iteration order.
     *
     * @return the tags, sorted by key
     */
    public Map<String, String> sortedTags() {
        return new TreeMap<>(tags);
    }

    /**
     * A builder of {@link PrivateRepositoryProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link PrivateRepositoryProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String repositoryName;
        private LifecyclePolicy lifecyclePolicy;
        private RemovalPolicy removalPolicy;
        private TagMutability tagMutability = TagMutability.IMMUTABLE;
        private List<String> mutableTagExclusions = List.of();
        private boolean requireImmutableTags;
        private RepositoryEncryption encryption = RepositoryEncryption.KMS;
        private String mutableTagOverrideReason;
        private IKey encryptionKey;
        private RepositoryPolicy repositoryPolicy;
        private Map<String, String> tags = Map.of();
        private boolean exportOutputs;

        /**
         * The repository name, validated by {@link RepositoryName}, e.g. {@code shop/dev/user-service}. Required.
         *
         * @param repositoryName the value of {@code repositoryName}
         * @return this builder
         */
        public Builder repositoryName(String repositoryName) {
            this.repositoryName = repositoryName;
            return this;
        }

        /**
         * The lifecycle policy, rendered with {@link LifecyclePolicy#toJson()}. Required, with at least one rule.
         *
         * @param lifecyclePolicy the value of {@code lifecyclePolicy}
         * @return this builder
         */
        public Builder lifecyclePolicy(LifecyclePolicy lifecyclePolicy) {
            this.lifecyclePolicy = lifecyclePolicy;
            return this;
        }

        /**
         * What happens to the repository when it leaves the stack: {@code RETAIN} keeps it and its images; {@code
         * DESTROY} deletes it, images included ({@code EmptyOnDelete}). Required.
         *
         * @param removalPolicy the value of {@code removalPolicy}
         * @return this builder
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /**
         * Tag mutability; {@code IMMUTABLE_WITH_EXCLUSION} is the only other value accepted. Default: {@code
         * IMMUTABLE}, a pushed tag can never point at another image.
         *
         * @param tagMutability the value of {@code tagMutability}
         * @return this builder
         */
        public Builder tagMutability(TagMutability tagMutability) {
            this.tagMutability = tagMutability;
            return this;
        }

        /**
         * Wildcard filters of tags that stay movable under {@code IMMUTABLE_WITH_EXCLUSION} (1 to 5, each 1 to 128 of
         * {@code [0-9a-zA-Z._*-]}). Default: none, no tag is movable.
         *
         * @param mutableTagExclusions the value of {@code mutableTagExclusions}
         * @return this builder
         */
        public Builder mutableTagExclusions(List<String> mutableTagExclusions) {
            this.mutableTagExclusions = mutableTagExclusions;
            return this;
        }

        /**
         * What the prod profile sets: {@code IMMUTABLE_WITH_EXCLUSION} then fails unless {@code
         * mutableTagOverrideReason} is given. Default: false, an exclusion only warns.
         *
         * @param requireImmutableTags the value of {@code requireImmutableTags}
         * @return this builder
         */
        public Builder requireImmutableTags(boolean requireImmutableTags) {
            this.requireImmutableTags = requireImmutableTags;
            return this;
        }

        /**
         * Why a repository under {@code requireImmutableTags} still needs movable tags. Default: none, an exclusion
         * under {@code requireImmutableTags} fails.
         *
         * @param mutableTagOverrideReason the value of {@code mutableTagOverrideReason}
         * @return this builder
         */
        public Builder mutableTagOverrideReason(String mutableTagOverrideReason) {
            this.mutableTagOverrideReason = mutableTagOverrideReason;
            return this;
        }

        /**
         * {@code KMS} or {@code KMS_DSSE} (dual-layer server-side encryption), always with the customer-managed key;
         * {@code AES_256} is rejected. Default: {@code KMS}. Cannot change on an existing repository.
         *
         * @param encryption the value of {@code encryption}
         * @return this builder
         */
        public Builder encryption(RepositoryEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * The customer-managed key images are encrypted with; pass the environment's {@link RepositoryKey#key()}.
         * Default: a {@link RepositoryKey} created for this repository (child id {@code Key})
         *
         * @param encryptionKey the value of {@code encryptionKey}
         * @return this builder
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Cross-account, organisation and Lambda access. Default: no repository policy (only IAM principals of this account, through IAM policies)
         *
         * @param repositoryPolicy the value of {@code repositoryPolicy}
         * @return this builder
         */
        public Builder repositoryPolicy(RepositoryPolicy repositoryPolicy) {
            this.repositoryPolicy = repositoryPolicy;
            return this;
        }

        /**
         * Tags on the repository. Default: none, the repository carries only the stack's tags.
         *
         * @param tags the value of {@code tags}
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * Whether the name, ARN and URI become stack outputs exported as {@code <name with "/" as
         * "-">-RepositoryName|RepositoryArn|RepositoryUri}. Default: false, no outputs: an export locks every stack
         * that imports it (CloudFormation refuses to change or remove it while imported).
         *
         * @param exportOutputs the value of {@code exportOutputs}
         * @return this builder
         */
        public Builder exportOutputs(boolean exportOutputs) {
            this.exportOutputs = exportOutputs;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public PrivateRepositoryProps build() {
            return new PrivateRepositoryProps(repositoryName, lifecyclePolicy, removalPolicy, tagMutability,
                    mutableTagExclusions, requireImmutableTags, mutableTagOverrideReason, encryptionKey,
                    repositoryPolicy, tags, exportOutputs, encryption);
        }
    }
}
