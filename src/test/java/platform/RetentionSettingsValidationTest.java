package platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the validator says about the retention settings of issue 22, and what 0 means for each. */
class RetentionSettingsValidationTest {

    static final String FILE = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
              - name: %s
                account: "222222222222"
                region: eu-west-1
                profile: prod
                overrides:
            %s
            services:
              - name: api
            """;

    static List<String> problems(String environment, String overrides) {
        var e = catchThrowableOfType(PlatformFileException.class,
                () -> PlatformLoader.parse("platform.yaml", FILE.formatted(environment, overrides)));
        return e == null ? List.of() : e.problems().stream().map(Problem::render).toList();
    }

    @Test
    void zeroTurnsOffTheCountAndBuildRulesOnly() {
        assertThat(problems("prod", "      keepLastImages: 0\n      buildTagRetentionDays: 0")).isEmpty();
        Platform platform = PlatformLoader.parse("platform.yaml", FILE.formatted("prod",
                "      keepLastImages: 0\n      buildTagRetentionDays: 0"));
        EnvironmentSpec prod = platform.environment("prod").orElseThrow();
        assertThat(platform.lifecyclePolicy(prod, platform.profile(prod)).rules())
                .extracting(r -> r.selection().tagPatternList())
                .containsExactly(null, List.of("v*"), List.of("prod-*"));
    }

    @Test
    void zeroIsRejectedForTheArchiveRulesOfImagesThatMayStillRun() {
        assertThat(problems("prod", "      releaseTagRetentionDays: 0\n      promotionArchiveDays: 7")).containsExactly(
                "environments[1].overrides.releaseTagRetentionDays (line 12): releaseTagRetentionDays 0 must be at least 30: "
                        + "these images may still run, and an image archived sooner after its last pull fails the next "
                        + "scale-out or rollback (archived images cannot be pulled). Hint: give 30 or more days; 0 cannot "
                        + "turn the rule off, because the images would then be expired by the count rule.",
                "environments[1].overrides.promotionArchiveDays (line 13): promotionArchiveDays 7 must be at least 30: "
                        + "these images may still run, and an image archived sooner after its last pull fails the next "
                        + "scale-out or rollback (archived images cannot be pulled). Hint: give 30 or more days; 0 cannot "
                        + "turn the rule off, because the images would then be expired by the count rule.");
    }

    @Test
    void zeroIsRejectedForUntaggedExpiry() {
        assertThat(problems("prod", "      untaggedExpiryDays: 0")).singleElement().asString()
                .startsWith("environments[1].overrides.untaggedExpiryDays (line 12): untaggedExpiryDays 0 must be at least 1");
    }

    @Test
    void anEnvironmentWhosePromotionTagsLookLikeBuildTagsIsRejected() {
        assertThat(problems("pr", "      alerts: true")).containsExactly(
                "environments[1].name (line 7): environment \"pr\" makes promotion tags \"pr-<date>-<digest>\" that the "
                        + "build prefix \"pr-\" also selects: lifecycle rules could not tell promoted images from build "
                        + "images. Hint: rename the environment, or change tagging.buildPrefixes.");
    }
}
