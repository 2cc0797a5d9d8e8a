package platform;

/**
 * How long Amazon Inspector keeps re-scanning ECR images (enhanced scanning) after their push and after their last
 * pull, written in every registry (account and region) where the platform's environments live and whose ownership
 * says {@code inspector: managed}. Inspector takes the configuration of its delegated administrator: member accounts
 * cannot change it. Values as the Inspector API spells them
 * (https://docs.aws.amazon.com/inspector/v2/APIReference/API_EcrConfiguration.html).
 */
public record InspectorRescan(
        @Field(required = true, value = "After the push: LIFETIME, DAYS_14, DAYS_30, DAYS_60, DAYS_90 or DAYS_180.")
        RescanDuration rescanDuration,
        @Field("After the last pull: DAYS_14, DAYS_30, DAYS_60, DAYS_90 or DAYS_180. Default: left as it is.")
        PullDateRescanDuration pullDateRescanDuration,
        @Field("Which pull counts: LAST_PULL_DATE or LAST_IN_USE_AT (last seen running in Amazon ECS or EKS). Default: left as it is.")
        PullDateRescanMode pullDateRescanMode) {

    /** Re-scan duration after the push. */
    public enum RescanDuration implements FileValue {
        /** As long as the image exists. */
        LIFETIME, /** 14 days. */ DAYS_14, /** 30 days. */ DAYS_30, /** 60 days. */ DAYS_60, /** 90 days. */ DAYS_90,
        /** 180 days. */ DAYS_180;

        @Override
        public String fileValue() {
            return name();
        }
    }

    /** Re-scan duration after the last pull. */
    public enum PullDateRescanDuration implements FileValue {
        /** 14 days. */ DAYS_14, /** 30 days. */ DAYS_30, /** 60 days. */ DAYS_60, /** 90 days. */ DAYS_90,
        /** 180 days. */ DAYS_180;

        @Override
        public String fileValue() {
            return name();
        }
    }

    /** Which pull date counts. */
    public enum PullDateRescanMode implements FileValue {
        /** The image's last pull. */
        LAST_PULL_DATE,
        /** When the image was last seen in use by a running container (Amazon ECS, Amazon EKS). */
        LAST_IN_USE_AT;

        @Override
        public String fileValue() {
            return name();
        }
    }
}
