package constructs.observability;

/**
 * Props of {@link ReplicationFailureForwarder}.
 *
 * @param sourceRegion the region the images are replicated from, whose default event bus receives the failures. Required.
 * @param ruleName     the rule's name. Default: a name CloudFormation generates
 */
public record ReplicationFailureForwarderProps(String sourceRegion, String ruleName) {

    /**
     * A builder of {@link ReplicationFailureForwarderProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link ReplicationFailureForwarderProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String sourceRegion;
        private String ruleName;

        private Builder() {
        }

        /**
         * The region the images are replicated from, whose default event bus receives the failures. Required.
         *
         * @param value the value of {@code sourceRegion}
         * @return this builder
         */
        public Builder sourceRegion(String value) {
            this.sourceRegion = value;
            return this;
        }

        /**
         * The rule's name. Default: a name CloudFormation generates
         *
         * @param value the value of {@code ruleName}
         * @return this builder
         */
        public Builder ruleName(String value) {
            this.ruleName = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public ReplicationFailureForwarderProps build() {
            return new ReplicationFailureForwarderProps(sourceRegion, ruleName);
        }
    }
}
