package platform;

/** An account and region whose private registry the platform configures: one registry stack each. */
public record RegistryLocation(String account, String region) {

    @Override
    public String toString() {
        return account + "/" + region;
    }
}
