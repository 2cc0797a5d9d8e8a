package platform;

/** The VPC endpoints the platform creates for ECR, by the service name suffix AWS gives them. */
public enum VpcEndpointService implements FileValue {
    ECR_API("ecr.api"), ECR_DKR("ecr.dkr"), S3("s3"), LOGS("logs");

    private final String fileValue;

    VpcEndpointService(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
