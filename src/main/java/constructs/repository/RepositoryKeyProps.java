package constructs.repository;

import software.amazon.awscdk.RemovalPolicy;

/**
 * Props of {@link RepositoryKey}.
 *
 * @param removalPolicy what happens to the key when it leaves the stack: {@code RETAIN} (prod; images
 *                      encrypted with it stay readable) or {@code DESTROY} (schedules deletion after the
 *                      pending window). Required.
 * @param alias         optional alias, with or without the {@code alias/} prefix, e.g. {@code shop-dev-ecr}.
 *                      Default: no alias (the key is found through the repositories that use it).
 * @param description   Default: "Encrypts the Amazon ECR repositories of stack &lt;stack name&gt; at rest".
 */
public record RepositoryKeyProps(RemovalPolicy removalPolicy, String alias, String description) {

    /**
     * A builder of {@link RepositoryKeyProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RepositoryKeyProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private RemovalPolicy removalPolicy;
        private String alias;
        private String description;

        /**
         * What happens to the key when it leaves the stack: {@code RETAIN} (prod; images encrypted with it stay readable) or {@code DESTROY} (schedules deletion after the pending window). Required.
         *
         * @param removalPolicy the value of {@code removalPolicy}
         * @return this builder
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /**
         * An alias, with or without the {@code alias/} prefix, e.g. {@code shop-dev-ecr}. Default: no alias (the key
         * is found through the repositories that use it).
         *
         * @param alias the value of {@code alias}
         * @return this builder
         */
        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /**
         * The key's description. Default: "Encrypts the Amazon ECR repositories of stack &lt;stack name&gt; at rest".
         *
         * @param description the value of {@code description}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RepositoryKeyProps build() {
            return new RepositoryKeyProps(removalPolicy, alias, description);
        }
    }
}
