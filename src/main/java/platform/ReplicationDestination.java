package platform;

/** A replication destination; a cross-account one gets a registry policy in its own stack. */
public record ReplicationDestination(
        @Field(required = true, pattern = NameFormats.REGION, value = "The destination region.")
        String region,
        @Field(pattern = NameFormats.ACCOUNT, value = "The destination account. Default: the source environment's account.")
        String account) {

    /**
     * The destination account: as written, else the source environment's.
     *
     * @param source the environment replicated from
     * @return the destination account
     */
    public String account(EnvironmentSpec source) {
        return account != null ? account : source.account();
    }
}
