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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private RemovalPolicy removalPolicy;
        private String alias;
        private String description;

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public RepositoryKeyProps build() {
            return new RepositoryKeyProps(removalPolicy, alias, description);
        }
    }
}
