package constructs.observability;

import limits.AwsLimits;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;

import java.util.List;

/**
 * Props of {@link RepositoryUsageMetrics}.
 *
 * @param repositoryNames          the repositories measured, e.g. {@code shop/prod/cart}. Required, at least one.
 * @param repositoryNamePrefix     the prefix every name starts with, e.g. {@code shop/prod/}: the function's role may
 *                                 describe the images of {@code repository/<prefix>*}. Default: none, the role names
 *                                 each repository's ARN (for estates whose list would pass IAM's policy size, give
 *                                 the prefix).
 * @param namespace                the CloudWatch namespace of the metrics. Default: {@value RepositoryUsageMetrics#DEFAULT_NAMESPACE}.
 * @param scope                    the value of the {@code Scope} dimension of {@code MaxImageCount}, the largest image
 *                                 count of these repositories. Default: the stack name.
 * @param functionName             the Lambda function's name; its log group is {@code /aws/lambda/<functionName>}.
 *                                 Default: a name derived from the construct's path.
 * @param interval                 how often the function runs, in whole minutes, 1 minute to 1 day. Default: 1 hour.
 * @param imagesPerRepositoryQuota the images-per-repository quota applied to the account (Service Quotas, Amazon ECR,
 *                                 "Images per repository"; adjustable). Default: {@value AwsLimits#ECR_IMAGES_PER_REPOSITORY}.
 * @param alarmPercent             percent of the quota at which the image-count alarm goes off, 1 to 100. Default: 80.
 * @param alarmTopic               where the alarms notify. Default: none, and no alarms (Control Tower's
 *                                 CT.CLOUDWATCH.PR.1 refuses an alarm without an action); the dashboard still shows
 *                                 the metrics.
 * @param removalPolicy            what happens to the log group and its KMS key when they leave the stack. Default:
 *                                 RETAIN.
 */
public record RepositoryUsageMetricsProps(
        List<String> repositoryNames,
        String repositoryNamePrefix,
        String namespace,
        String scope,
        String functionName,
        Duration interval,
        Integer imagesPerRepositoryQuota,
        Integer alarmPercent,
        AlertTopic alarmTopic,
        RemovalPolicy removalPolicy) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param repositoryNames the repositories measured. Required, at least one.
     * @param repositoryNamePrefix the prefix every name starts with, scoping the role. Default: none, the role names each repository's ARN.
     * @param namespace the CloudWatch namespace of the metrics. Default: {@value RepositoryUsageMetrics#DEFAULT_NAMESPACE}.
     * @param scope the value of the {@code Scope} dimension of {@code MaxImageCount}. Default: the stack name.
     * @param functionName the Lambda function's name. Default: a name derived from the construct's path.
     * @param interval how often the function runs. Default: 1 hour.
     * @param imagesPerRepositoryQuota the images-per-repository quota applied to the account. Default: {@value AwsLimits#ECR_IMAGES_PER_REPOSITORY}.
     * @param alarmPercent percent of the quota at which the image-count alarm goes off. Default: 80.
     * @param alarmTopic where the alarms notify. Default: none, and no alarms.
     * @param removalPolicy what happens to the log group and its KMS key when they leave the stack. Default: RETAIN.
     */
    public RepositoryUsageMetricsProps {
        repositoryNames = repositoryNames == null ? List.of() : List.copyOf(repositoryNames);
        namespace = namespace == null ? RepositoryUsageMetrics.DEFAULT_NAMESPACE : namespace;
        interval = interval == null ? Duration.hours(1) : interval;
        imagesPerRepositoryQuota = imagesPerRepositoryQuota == null ? AwsLimits.ECR_IMAGES_PER_REPOSITORY : imagesPerRepositoryQuota;
        alarmPercent = alarmPercent == null ? RepositoryUsageMetrics.DEFAULT_ALARM_PERCENT : alarmPercent;
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
    }

    /**
     * A builder of {@link RepositoryUsageMetricsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RepositoryUsageMetricsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private List<String> repositoryNames;
        private String repositoryNamePrefix;
        private String namespace;
        private String scope;
        private String functionName;
        private Duration interval;
        private Integer imagesPerRepositoryQuota;
        private Integer alarmPercent;
        private AlertTopic alarmTopic;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /**
         * The repositories measured, e.g. {@code shop/prod/cart}. Required, at least one.
         *
         * @param value the value of {@code repositoryNames}
         * @return this builder
         */
        public Builder repositoryNames(List<String> value) {
            this.repositoryNames = value;
            return this;
        }

        /**
         * The prefix every name starts with, e.g. {@code shop/prod/}: the role may describe the images of
         * {@code repository/<prefix>*}. Default: none, the role names each repository's ARN.
         *
         * @param value the value of {@code repositoryNamePrefix}
         * @return this builder
         */
        public Builder repositoryNamePrefix(String value) {
            this.repositoryNamePrefix = value;
            return this;
        }

        /**
         * The CloudWatch namespace of the metrics. Default: {@value RepositoryUsageMetrics#DEFAULT_NAMESPACE}.
         *
         * @param value the value of {@code namespace}
         * @return this builder
         */
        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        /**
         * The value of the {@code Scope} dimension of {@code MaxImageCount}. Default: the stack name.
         *
         * @param value the value of {@code scope}
         * @return this builder
         */
        public Builder scope(String value) {
            this.scope = value;
            return this;
        }

        /**
         * The Lambda function's name; its log group is {@code /aws/lambda/<functionName>}. Default: a name derived
         * from the construct's path.
         *
         * @param value the value of {@code functionName}
         * @return this builder
         */
        public Builder functionName(String value) {
            this.functionName = value;
            return this;
        }

        /**
         * How often the function runs, in whole minutes, 1 minute to 1 day. Default: 1 hour.
         *
         * @param value the value of {@code interval}
         * @return this builder
         */
        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        /**
         * The images-per-repository quota applied to the account (adjustable in Service Quotas).
         * Default: {@value AwsLimits#ECR_IMAGES_PER_REPOSITORY}.
         *
         * @param value the value of {@code imagesPerRepositoryQuota}
         * @return this builder
         */
        public Builder imagesPerRepositoryQuota(Integer value) {
            this.imagesPerRepositoryQuota = value;
            return this;
        }

        /**
         * Percent of the quota at which the image-count alarm goes off, 1 to 100. Default: 80.
         *
         * @param value the value of {@code alarmPercent}
         * @return this builder
         */
        public Builder alarmPercent(Integer value) {
            this.alarmPercent = value;
            return this;
        }

        /**
         * Where the alarms notify. Default: none, and no alarms (Control Tower's CT.CLOUDWATCH.PR.1 refuses an alarm
         * without an action).
         *
         * @param value the value of {@code alarmTopic}
         * @return this builder
         */
        public Builder alarmTopic(AlertTopic value) {
            this.alarmTopic = value;
            return this;
        }

        /**
         * What happens to the log group and its KMS key when they leave the stack. Default: RETAIN.
         *
         * @param value the value of {@code removalPolicy}
         * @return this builder
         */
        public Builder removalPolicy(RemovalPolicy value) {
            this.removalPolicy = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RepositoryUsageMetricsProps build() {
            return new RepositoryUsageMetricsProps(repositoryNames, repositoryNamePrefix, namespace, scope, functionName,
                    interval, imagesPerRepositoryQuota, alarmPercent, alarmTopic, removalPolicy);
        }
    }
}
