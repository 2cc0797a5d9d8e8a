package constructs.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Internal, not API: the S3 server access logs of a pipeline's artifact buckets, shared by the image pipeline
 * ({@code constructs.pipeline.ImagePipeline}) and the delivery pipeline ({@code stacks.DeliveryPipelineStack}): the log
 * bucket, the artifact bucket's logging into it, and the EventBridge setting both kinds of bucket carry. Creates
 * constructs under the ids its callers give, so their logical ids are the callers' own.
 */
public final class AccessLogBuckets {

    /** Where the artifact bucket's access logs go in the log bucket. */
    public static final String PREFIX = "artifacts/";
    /** Days after which an unfinished multipart upload is removed, in the artifact and the log buckets. */
    public static final int INCOMPLETE_UPLOAD_DAYS = 7;
    /** Days a replaced log object is kept (logs themselves are kept). */
    public static final int LOG_NONCURRENT_VERSION_DAYS = 90;
    /** Why the access-log bucket logs nowhere itself (AwsSolutions-S1, CT.S3.PR.2). */
    public static final String LOGGING_ITSELF_LOOPS = "This bucket receives the artifact bucket's server access logs;"
            + " logging it to itself would loop and logging it elsewhere would only move the same finding to another bucket.";
    /** Why the access-log bucket has no Object Lock (CT.S3.PR.9). */
    public static final String NO_OBJECT_LOCK = "S3 server access logging cannot deliver to a bucket"
            + " with Object Lock (Amazon S3 user guide, \"Configuring S3 Object Lock\").";
    /** Why the access-log bucket is not encrypted with a KMS key (CT.S3.PR.10). */
    public static final String NO_KMS_KEY = "S3 server access logging delivers only to buckets"
            + " whose default encryption is SSE-S3, not SSE-KMS (Amazon S3 user guide, \"Enabling Amazon S3 server"
            + " access logging\"); the bucket blocks public access and enforces TLS.";

    private AccessLogBuckets() {
    }

    /**
     * An access-log bucket: SSE-S3 and no Object Lock, because S3 server access logging cannot write to SSE-KMS or
     * Object Lock buckets; versioned, TLS only, no public access, its events to EventBridge, and a lifecycle rule that
     * removes only old versions and abandoned uploads (logs are kept). Carries the AwsSolutions-S1 suppression; the
     * Control Tower exceptions are the caller's ({@link #LOGGING_ITSELF_LOOPS}, {@link #NO_OBJECT_LOCK},
     * {@link #NO_KMS_KEY}).
     *
     * @param scope the scope
     * @param id the construct id (stateful: keep it)
     * @param removalPolicy what happens to the logs when the bucket leaves the stack
     * @return the bucket
     */
    public static Bucket create(Construct scope, String id, RemovalPolicy removalPolicy) {
        Bucket logs = Bucket.Builder.create(scope, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(removalPolicy)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("RemoveOldVersionsAndAbandonedUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(INCOMPLETE_UPLOAD_DAYS))
                        .noncurrentVersionExpiration(Duration.days(LOG_NONCURRENT_VERSION_DAYS))
                        .build()))
                .build();
        sendEventsToEventBridge((CfnBucket) logs.getNode().getDefaultChild());
        NagSuppressions.addResourceSuppressions(logs, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason(LOGGING_ITSELF_LOOPS)
                .build()));
        return logs;
    }

    /**
     * Points {@code bucket}'s server access logs (CT.S3.PR.2, AwsSolutions-S1) at {@code logs} under {@link #PREFIX},
     * with the log bucket's policy for the logging service, both set on the L1s: the L2's {@code serverAccessLogsBucket}
     * grants by ACL unless a feature flag of the app says otherwise, and CodePipeline's own buckets have no such prop.
     * Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
     *
     * @param logs the access-log bucket, in the bucket's stack
     * @param bucket the bucket whose access is logged
     */
    public static void logAccess(Bucket logs, IBucket bucket) {
        logs.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogsFromArtifactBucket")
                .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(logs.arnForObjects(PREFIX + "*")))
                .conditions(new TreeMap<>(Map.of(
                        "ArnLike", Map.of("aws:SourceArn", bucket.getBucketArn()),
                        "StringEquals", Map.of("aws:SourceAccount", Stack.of(logs).getAccount()))))
                .build());
        ((CfnBucket) bucket.getNode().getDefaultChild()).setLoggingConfiguration(CfnBucket.LoggingConfigurationProperty.builder()
                .destinationBucketName(logs.getBucketName())
                .logFilePrefix(PREFIX)
                .build());
    }

    /**
     * Events to the account's default EventBridge bus (CT.S3.PR.4), on the L1: the L2's {@code eventBridgeEnabled}
     * adds a custom-resource Lambda function for it.
     *
     * @param bucket the bucket's L1
     */
    public static void sendEventsToEventBridge(CfnBucket bucket) {
        bucket.setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder().eventBridgeEnabled(true).build())
                .build());
    }
}
