package lifecycle;

/**
 * Monthly storage prices used by the preview's cost estimate, in US dollars per GB-month (1 GB = 2^30 bytes,
 * as AWS bills storage).
 *
 * @param standardPerGbMonth price of the standard storage class. Default: {@link #DEFAULT_STANDARD_PER_GB_MONTH}
 * @param archivePerGbMonth  price of the archive storage class. Default: {@link #DEFAULT_ARCHIVE_PER_GB_MONTH}
 */
public record StoragePricing(double standardPerGbMonth, double archivePerGbMonth) {

    /** $0.10 per GB-month, Amazon ECR private repository storage. */
    public static final double DEFAULT_STANDARD_PER_GB_MONTH = 0.10;
    /**
     * $0.10 per GB-month: ECR archive storage for the first 150 TB a month ($0.07 above that). Not verified against
     * AWS's own pricing page, which the project could not consult: the user guide ("Archiving an image in Amazon
     * ECR", https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive_restore_image.html) states no price and
     * points to https://aws.amazon.com/ecr/pricing/; the figure is the one two independent reviews of March 2026
     * report (us-east-1 and ap-northeast-1). Hence {@link #ARCHIVE_SOURCE} says so, and the command line takes the
     * price as an option.
     */
    public static final double DEFAULT_ARCHIVE_PER_GB_MONTH = 0.10;

    public static final String STANDARD_SOURCE = "Amazon ECR pricing, https://aws.amazon.com/ecr/pricing/ "
            + "(private repository storage, $0.10 per GB-month)";
    public static final String ARCHIVE_SOURCE = "Amazon ECR pricing, https://aws.amazon.com/ecr/pricing/ "
            + "(archive storage class: $0.10 per GB-month for the first 150 TB a month, $0.07 above, as reported in "
            + "March 2026 and not verified against AWS's page: check your region; restores are charged per GB, and "
            + "archived images are billed for at least 90 days per the ECR user guide)";
    public static final String UPPER_BOUND_NOTE = "upper bound: image sizes are summed, so layers shared between "
            + "images are counted once per image; no free tier is subtracted; restore fees are not included";

    private static final double BYTES_PER_GB = 1024.0 * 1024.0 * 1024.0;

    public StoragePricing {
        // NaN and Infinity would print as costs no JSON reader accepts: a price is a finite amount of dollars.
        if (!(standardPerGbMonth >= 0) || !(archivePerGbMonth >= 0)
                || !Double.isFinite(standardPerGbMonth) || !Double.isFinite(archivePerGbMonth)) {
            throw new IllegalArgumentException("storage prices must be finite and zero or more (got standard "
                    + standardPerGbMonth + ", archive " + archivePerGbMonth
                    + "). Fix: give prices in US dollars per GB-month, e.g. 0.10");
        }
    }

    public static StoragePricing defaults() {
        return new StoragePricing(DEFAULT_STANDARD_PER_GB_MONTH, DEFAULT_ARCHIVE_PER_GB_MONTH);
    }

    public double monthlyCost(long standardBytes, long archiveBytes) {
        return standardBytes / BYTES_PER_GB * standardPerGbMonth + archiveBytes / BYTES_PER_GB * archivePerGbMonth;
    }
}
