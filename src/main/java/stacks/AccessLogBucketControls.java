package stacks;

import constructs.internal.AccessLogBuckets;
import software.amazon.awscdk.services.s3.CfnBucket;
import validation.ControlTowerSettings;

/**
 * The Control Tower controls an access-log bucket cannot meet, recorded on it with their reasons: it logs nowhere
 * itself (CT.S3.PR.2), and S3 server access logging delivers neither to Object Lock (CT.S3.PR.9) nor to SSE-KMS
 * (CT.S3.PR.10) buckets. For the delivery pipeline's log buckets and an image pipeline's.
 */
final class AccessLogBucketControls {

    private AccessLogBucketControls() {
    }

    static void except(CfnBucket logs) {
        ControlTowerSettings.exceptResource(logs, "CT.S3.PR.2", AccessLogBuckets.LOGGING_ITSELF_LOOPS);
        ControlTowerSettings.exceptResource(logs, "CT.S3.PR.9", AccessLogBuckets.NO_OBJECT_LOCK);
        ControlTowerSettings.exceptResource(logs, "CT.S3.PR.10", AccessLogBuckets.NO_KMS_KEY);
    }
}
