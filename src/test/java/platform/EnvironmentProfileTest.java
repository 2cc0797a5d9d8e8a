package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentProfileTest {

    @Nested
    class Defaults {

        @Test
        void devKeepsTenImagesAndIsDestroyedWithItsStack() {
            assertThat(EnvironmentProfile.defaults(Profile.DEV)).isEqualTo(new EnvironmentProfile(Profile.DEV, 7, 10, 30, 30, null, null, null,
                    RepositoryRemoval.DESTROY, false, ScanFrequency.SCAN_ON_PUSH, false, Severity.HIGH, false));
        }

        @Test
        void stagingKeepsTwentyImagesAndIsRetained() {
            assertThat(EnvironmentProfile.defaults(Profile.STAGING)).isEqualTo(new EnvironmentProfile(Profile.STAGING, 7, 20,
                    90, 90, null, null, null, RepositoryRemoval.RETAIN, false, ScanFrequency.SCAN_ON_PUSH, false, Severity.HIGH, false));
        }

        @Test
        void prodArchivesReleasesAfterAYearUnpulledKeepsThirtyImagesScansContinuouslyAlertsAndIsProtected() {
            assertThat(EnvironmentProfile.defaults(Profile.PROD)).isEqualTo(new EnvironmentProfile(Profile.PROD, 7, 30,
                    365, 90, null, null, null, RepositoryRemoval.RETAIN, true, ScanFrequency.CONTINUOUS_SCAN, true, Severity.HIGH, true));
        }

        @Test
        void untaggedImagesExpireAfterSevenDaysEverywhere() {
            for (Profile profile : Profile.values()) {
                assertThat(EnvironmentProfile.defaults(profile).untaggedExpiryDays()).isEqualTo(7);
            }
        }

        @Test
        void onlyDestroyedRepositoriesAreEmptiedOnDelete() {
            assertThat(EnvironmentProfile.defaults(Profile.DEV).emptyOnDelete()).isTrue();
            assertThat(EnvironmentProfile.defaults(Profile.PROD).emptyOnDelete()).isFalse();
        }
    }

    @Nested
    class Overrides {

        private final Platform platform = PlatformLoader.parse("platform.yaml", """
                platform: shop
                environments:
                  - name: prod
                    account: "222222222222"
                    region: eu-west-1
                    profile: prod
                    alerts:
                      severity: CRITICAL
                    overrides:
                      releaseTagRetentionDays: 730
                      keepLastImages: 50
                      buildTagRetentionDays: 30
                services:
                  - name: user-service
                  - name: legacy-service
                    overrides:
                      buildTagRetentionDays: 0
                      promotionArchiveDays: 180
                      removalPolicy: DESTROY
                """);
        private final EnvironmentSpec prod = platform.environments().get(0);

        @Test
        void anEnvironmentOverridesItsProfile() {
            EnvironmentProfile resolved = platform.profile(prod);

            assertThat(resolved.releaseTagRetentionDays()).isEqualTo(730);
            assertThat(resolved.keepLastImages()).isEqualTo(50);
            assertThat(resolved.buildTagRetentionDays()).isEqualTo(30);
            assertThat(resolved.terminationProtection()).isTrue();
        }

        @Test
        void theAlertSeverityOfAnEnvironmentRaisesTheThreshold() {
            assertThat(platform.profile(prod).alertSeverity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void aServiceOverridesItsEnvironmentAndZeroTurnsARuleOff() {
            EnvironmentProfile legacy = platform.profile(prod, platform.service("legacy-service").orElseThrow());
            EnvironmentProfile user = platform.profile(prod, platform.service("user-service").orElseThrow());

            assertThat(legacy.buildTagRetentionDays()).isNull();
            assertThat(legacy.removalPolicy()).isEqualTo(RepositoryRemoval.DESTROY);
            assertThat(legacy.releaseTagRetentionDays()).isEqualTo(730);
            assertThat(legacy.promotionArchiveDays()).isEqualTo(180);
            assertThat(user.promotionArchiveDays()).isEqualTo(90);
            assertThat(user).isEqualTo(platform.profile(prod));
        }
    }
}
