package constructs.pipeline;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.util.List;

/**
 * Props of {@link ImagePipeline}.
 *
 * @param pipelineName      the pipeline's name; required
 * @param buildProjectName  the build project's name (the publisher role trusts it by ARN); required
 * @param buildRole         the service's CodeBuild publisher role, the build project's service role; required
 * @param promotionRoleName the name of the role the promotion builds run as; required with promotions
 * @param source            where the code comes from; required
 * @param branches          the branches whose pushes start the pipeline; at least one (exactly one for CodeCommit)
 * @param buildSpecPath     the generated buildspec in the source repository; default {@value #DEFAULT_BUILD_SPEC}
 * @param buildImage        a CodeBuild curated image; default {@value #DEFAULT_BUILD_IMAGE}
 * @param computeType       default SMALL
 * @param vpc               the VPC the builds run in (its private subnets); default: none, CodeBuild's own network
 * @param promotions        one manual-approval stage each, in order; default: none
 * @param logRetention      of the build logs; default one year (AWS Control Tower CT.CLOUDWATCH.PR.2 asks for 365 days)
 * @param removalPolicy     of the artifact and log buckets, the log group and the key; default RETAIN
 */
public record ImagePipelineProps(String pipelineName, String buildProjectName, IRole buildRole, String promotionRoleName,
                                 ImagePipelineSource source, List<String> branches, String buildSpecPath, String buildImage,
                                 ComputeType computeType, IVpc vpc, List<ImagePipelinePromotion> promotions,
                                 RetentionDays logRetention, RemovalPolicy removalPolicy) {

    /** The build's buildspec where none is given: the generated {@code buildspec.yml} at the repository root. */
    public static final String DEFAULT_BUILD_SPEC = "buildspec.yml";
    /** The build image where none is given. */
    public static final String DEFAULT_BUILD_IMAGE = "aws/codebuild/standard:7.0";

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param pipelineName the pipeline's name; required
     * @param buildProjectName the build project's name; required
     * @param buildRole the service's CodeBuild publisher role; required
     * @param promotionRoleName the promotion builds' role name; required with promotions
     * @param source where the code comes from; required
     * @param branches the branches that start the pipeline; at least one
     * @param buildSpecPath default {@value #DEFAULT_BUILD_SPEC}
     * @param buildImage default {@value #DEFAULT_BUILD_IMAGE}
     * @param computeType default SMALL
     * @param vpc default: none
     * @param promotions default: none
     * @param logRetention default one year
     * @param removalPolicy default RETAIN
     */
    public ImagePipelineProps {
        branches = branches == null ? List.of() : List.copyOf(branches);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        buildSpecPath = buildSpecPath == null ? DEFAULT_BUILD_SPEC : buildSpecPath;
        buildImage = buildImage == null ? DEFAULT_BUILD_IMAGE : buildImage;
        computeType = computeType == null ? ComputeType.SMALL : computeType;
        logRetention = logRetention == null ? RetentionDays.ONE_YEAR : logRetention;
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
    }

    /**
     * A builder of {@link ImagePipelineProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImagePipelineProps}; every prop left unset takes its documented default. */
    public static final class Builder {
        private String pipelineName;
        private String buildProjectName;
        private IRole buildRole;
        private String promotionRoleName;
        private ImagePipelineSource source;
        private List<String> branches = List.of();
        private String buildSpecPath;
        private String buildImage;
        private ComputeType computeType;
        private IVpc vpc;
        private List<ImagePipelinePromotion> promotions = List.of();
        private RetentionDays logRetention;
        private RemovalPolicy removalPolicy;

        /**
         * The pipeline's name. Required.
         *
         * @param pipelineName the value
         * @return this builder
         */
        public Builder pipelineName(String pipelineName) {
            this.pipelineName = pipelineName;
            return this;
        }

        /**
         * The build project's name; the publisher role trusts the project by this name's ARN. Required.
         *
         * @param buildProjectName the value
         * @return this builder
         */
        public Builder buildProjectName(String buildProjectName) {
            this.buildProjectName = buildProjectName;
            return this;
        }

        /**
         * The build project's service role: the service's CodeBuild publisher role (push-only), imported by its name's
         * {@code Ref} ({@code Role.fromRoleName}) so that the policy below names it the way CloudFormation and the
         * persona rule link policies to roles, and everything here waits for it. The pipeline adds
         * one managed policy to it with what a build needs besides pushing: its log group, the artifact bucket's
         * objects and key, and with a VPC the network interfaces. Required.
         *
         * @param buildRole the value
         * @return this builder
         */
        public Builder buildRole(IRole buildRole) {
            this.buildRole = buildRole;
            return this;
        }

        /**
         * The name of the role the promotion builds run as; it may only assume the promoters' roles. Required with
         * promotions. Default: none, and then no promotions.
         *
         * @param promotionRoleName the value
         * @return this builder
         */
        public Builder promotionRoleName(String promotionRoleName) {
            this.promotionRoleName = promotionRoleName;
            return this;
        }

        /**
         * Where the code comes from. Required.
         *
         * @param source the value
         * @return this builder
         */
        public Builder source(ImagePipelineSource source) {
            this.source = source;
            return this;
        }

        /**
         * The branches whose pushes start the pipeline: the trigger's branch filter for a connection, the one
         * watched branch for CodeCommit. Required: at least one.
         *
         * @param branches the value
         * @return this builder
         */
        public Builder branches(List<String> branches) {
            this.branches = branches;
            return this;
        }

        /**
         * The build's buildspec in the source repository. Default: {@value ImagePipelineProps#DEFAULT_BUILD_SPEC}.
         *
         * @param buildSpecPath the value
         * @return this builder
         */
        public Builder buildSpecPath(String buildSpecPath) {
            this.buildSpecPath = buildSpecPath;
            return this;
        }

        /**
         * A CodeBuild curated Linux image. Default: {@value ImagePipelineProps#DEFAULT_BUILD_IMAGE}.
         *
         * @param buildImage the value
         * @return this builder
         */
        public Builder buildImage(String buildImage) {
            this.buildImage = buildImage;
            return this;
        }

        /**
         * The build's compute size. Default: SMALL.
         *
         * @param computeType the value
         * @return this builder
         */
        public Builder computeType(ComputeType computeType) {
            this.computeType = computeType;
            return this;
        }

        /**
         * The VPC the builds run in, on its private subnets, with a security group that allows egress only.
         * Default: none, CodeBuild's own network.
         *
         * @param vpc the value
         * @return this builder
         */
        public Builder vpc(IVpc vpc) {
            this.vpc = vpc;
            return this;
        }

        /**
         * The promotion stages, in order. Default: none.
         *
         * @param promotions the value
         * @return this builder
         */
        public Builder promotions(List<ImagePipelinePromotion> promotions) {
            this.promotions = promotions;
            return this;
        }

        /**
         * How long the build logs are kept. Default: one year (AWS Control Tower CT.CLOUDWATCH.PR.2).
         *
         * @param logRetention the value
         * @return this builder
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /**
         * What happens to the buckets, the log group and the key when the pipeline is removed. Default: RETAIN.
         *
         * @param removalPolicy the value
         * @return this builder
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public ImagePipelineProps build() {
            return new ImagePipelineProps(pipelineName, buildProjectName, buildRole, promotionRoleName, source, branches,
                    buildSpecPath, buildImage, computeType, vpc, promotions, logRetention, removalPolicy);
        }
    }
}
