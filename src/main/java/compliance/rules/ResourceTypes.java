package compliance.rules;

/** The CloudFormation resource types the rules look at, each spelled once. */
final class ResourceTypes {

    static final String REPOSITORY = "AWS::ECR::Repository";
    static final String CREATION_TEMPLATE = "AWS::ECR::RepositoryCreationTemplate";
    static final String REGISTRY_POLICY = "AWS::ECR::RegistryPolicy";
    static final String KEY = "AWS::KMS::Key";
    static final String ROLE = "AWS::IAM::Role";
    static final String MANAGED_POLICY = "AWS::IAM::ManagedPolicy";
    static final String POLICY = "AWS::IAM::Policy";
    static final String VPC_ENDPOINT = "AWS::EC2::VPCEndpoint";
    static final String TOPIC = "AWS::SNS::Topic";
    static final String TOPIC_POLICY = "AWS::SNS::TopicPolicy";
    static final String ALARM = "AWS::CloudWatch::Alarm";
    static final String EVENT_RULE = "AWS::Events::Rule";

    private ResourceTypes() {
    }
}
