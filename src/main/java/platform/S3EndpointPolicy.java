package platform;

/** The S3 gateway endpoint's policy; every S3 request from the VPC's listed route tables passes it. */
public enum S3EndpointPolicy implements FileValue {
    /** Any S3 request, anonymous ones included: the VPC's S3 use keeps working as before the endpoint. */
    OPEN("open"),
    /** The ECR layer bucket for anyone, other S3 for the own account's (or organisation's) principals only. */
    OWN_PRINCIPALS("ownPrincipals"),
    /** The ECR layer bucket only. */
    ECR_LAYERS_ONLY("ecrLayersOnly");

    private final String fileValue;

    S3EndpointPolicy(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
