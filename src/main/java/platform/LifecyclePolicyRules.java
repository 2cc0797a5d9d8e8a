package platform;

/**
 * The retention settings of every environment and service and the lifecycle policy they make: checked by
 * {@link RetentionRules}, the one class that also turns them into lifecycle rules, so the file's values are checked
 * once and where they are read.
 */
final class LifecyclePolicyRules extends SectionRules {

    LifecyclePolicyRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        RetentionRules.check(platform, problems);
    }
}
