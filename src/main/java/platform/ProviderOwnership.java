package platform;

/**
 * Who creates an OIDC provider of the account (GitHub Actions, GitLab). IAM allows one provider per URL and account, so an
 * account that already trusts the issuer (created by hand, by another tool or another platform file) must say so.
 */
public enum ProviderOwnership implements FileValue {
    /** The platform's account stack creates it. */
    CREATED("created"),
    /** It exists already; roles trust it by its deterministic ARN and nothing here creates, changes or deletes it. */
    EXISTING("existing");

    private final String fileValue;

    ProviderOwnership(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
