package platform;

/**
 * Per-repository usage metrics of an environment: a scheduled function publishes each repository's image count and
 * storage to CloudWatch (AWS publishes neither), graphed on the environment's dashboard; with alerts, an alarm near the
 * images-per-repository quota. Present: on.
 *
 * @param imagesPerRepositoryQuota the images-per-repository quota applied to the account and region. Default: the
 *                                 documented default ({@code limits.AwsLimits.ECR_IMAGES_PER_REPOSITORY}).
 * @param alarmPercent             percent of the quota (1 to 100) at which the image-count alarm goes off. Default: 80.
 */
public record UsageMetrics(
        @Field(minimum = 1, value = "The images-per-repository quota applied to the environment's account and region"
                + " (Service Quotas: Amazon ECR, Images per repository; adjustable). Default: "
                + limits.AwsLimits.ECR_IMAGES_PER_REPOSITORY + ", the documented default.")
        Integer imagesPerRepositoryQuota,
        @Field(minimum = 1, value = "Percent of the quota (1 to 100) at which the image-count alarm goes off; the alarm"
                + " exists where the environment has alerts. Default: 80.")
        Integer alarmPercent) {
}
