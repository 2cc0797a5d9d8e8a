package platform;

import java.util.List;

/**
 * The rules of a platform file that span values and sections, one class a section of the file ({@link SectionRules}),
 * run in this order: the later sections read what the earlier ones found usable.
 */
final class PlatformValidator {

    private PlatformValidator() {
    }

    static void validate(Platform platform, Problems problems) {
        for (SectionRules section : List.of(
                new ControlTowerRules(platform, problems),
                new NamingRules(platform, problems),
                new EnvironmentRules(platform, problems),
                new ServiceRules(platform, problems),
                new PublisherRules(platform, problems),
                new CodePipelineRules(platform, problems),
                new TrustPolicyRules(platform, problems),
                new PullerRules(platform, problems),
                new ScanningRules(platform, problems),
                new SigningRules(platform, problems),
                new ReplicationRules(platform, problems),
                new OwnershipRules(platform, problems),
                new PullThroughCacheRules(platform, problems),
                new CachePullerRules(platform, problems),
                new CreationTemplateRules(platform, problems),
                new TaggingRules(platform, problems),
                new PromotionOrderRules(platform, problems),
                new LifecyclePolicyRules(platform, problems),
                new DeliveryRules(platform, problems))) {
            section.check();
        }
        GeneratedNameRules.check(platform, problems);
        AccountSettingsRules.check(platform, problems);
        EscapeHatchRules.check(platform, problems);
        PullThroughCacheUpstreamRules.check(platform, problems);
    }
}
