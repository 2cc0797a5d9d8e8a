package platform;

/** The VPC endpoints the platform creates for ECR, by the service name suffix AWS gives them. */
public enum VpcEndpointService implements FileValue {
    /** The ECR API interface endpoint ({@code com.amazonaws.<region>.ecr.api}). */
    ECR_API("ecr.api"),
    /** The Docker registry interface endpoint ({@code com.amazonaws.<region>.ecr.dkr}). */
    ECR_DKR("ecr.dkr"),
    /** The S3 gateway endpoint, through which image layers are pulled. */
    S3("s3"),
    /** The CloudWatch Logs interface endpoint. */
    LOGS("logs");

    private final String fileValue;

    VpcEndpointService(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
