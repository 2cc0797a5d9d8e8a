package platform;

/**
 * Who pulls images. {@code ecs}, {@code eks-node}, {@code eks-fargate}, {@code app-runner} and {@code ec2} get a role in the
 * environment's account; {@code lambda} and {@code account} are granted by the repository policy.
 */
public enum PullerType implements FileValue {
    /** ECS task execution role. */
    ECS("ecs"),
    /** EKS node role (the kubelet pulls with it). */
    EKS_NODE("eks-node"),
    /** EKS Fargate pod execution role. */
    EKS_FARGATE("eks-fargate"),
    /** Lambda functions of an account, through the repository policy. */
    LAMBDA("lambda"),
    /** App Runner access role (legacy opt-in; also needs ecr:DescribeImages). */
    APP_RUNNER("app-runner"),
    /** Another account (or one existing role in it), through the repository policy. */
    ACCOUNT("account"),
    /** A plain EC2 instance's role, with its instance profile. */
    EC2("ec2");

    private final String fileValue;

    PullerType(String fileValue) {
        this.fileValue = fileValue;
    }

    @Override
    public String fileValue() {
        return fileValue;
    }
}
