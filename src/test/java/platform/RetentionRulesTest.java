package platform;

import lifecycle.ActionType;
import lifecycle.CountType;
import lifecycle.ImageTagStatus;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePolicyException;
import lifecycle.LifecyclePolicyRule;
import lifecycle.StorageClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The archive settings of the platform file ({@code otherArchiveDays}, {@code archivedExpiryDays}) and the promise
 * of {@link RetentionRules}: what the file validation accepts is exactly what the mapping can turn into rules, so a
 * retention value is checked in one place.
 */
class RetentionRulesTest {

    static final String FILE = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
                overrides:
            %s
              - name: prod
                account: "222222222222"
                region: eu-west-1
                profile: %s
                overrides:
            %s
            services:
              - name: api
                overrides:
            %s
            """;

    static String file(String dev, String profile, String prod, String service) {
        return FILE.formatted(indent(dev), profile, indent(prod), indent(service));
    }

    static String indent(String overrides) {
        return overrides.isEmpty() ? "      alerts: false" : "      " + overrides.replace("\n", "\n      ");
    }

    static List<String> problems(String text) {
        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text));
        return e == null ? List.of() : e.problems().stream().map(Problem::render).toList();
    }

    static LifecyclePolicy policy(String text, String environment) {
        Platform platform = PlatformLoader.parse("platform.yaml", text);
        EnvironmentSpec env = platform.environment(environment).orElseThrow();
        return platform.lifecyclePolicy(env, platform.service("api").orElseThrow());
    }

    @Nested
    class OtherArchiveDays {
        @Test
        void archivesWhatNoEarlierRuleMatchedInsteadOfTheCountRule() {
            LifecyclePolicy prod = policy(file("", "prod", "otherArchiveDays: 60\nkeepLastImages: 0", ""), "prod");

            LifecyclePolicyRule last = prod.rules().get(prod.rules().size() - 1);
            assertThat(last.selection().tagStatus()).isEqualTo(ImageTagStatus.ANY);
            assertThat(last.selection().countType()).isEqualTo(CountType.SINCE_IMAGE_PULLED);
            assertThat(last.selection().countNumber()).isEqualTo(60);
            assertThat(last.action().type()).isEqualTo(ActionType.TRANSITION);
            assertThat(prod.rules()).noneMatch(r -> r.selection().countType() == CountType.IMAGE_COUNT_MORE_THAN);
        }

        @Test
        void isRefusedBesideTheProfilesCountRuleWithTheFix() {
            assertThat(problems(file("", "prod", "otherArchiveDays: 60", ""))).containsExactly(
                    "environments[1].overrides.otherArchiveDays (line 14): otherArchiveDays 60 and keepLastImages 30 are "
                            + "both in force for environment \"prod\" (profile prod): each is the rule with tagStatus "
                            + "\"any\", which ECR allows once, evaluated last. Hint: set keepLastImages: 0 beside "
                            + "otherArchiveDays to archive these images instead of expiring them.");
        }

        @Test
        void aServiceThatBringsTheCountRuleBackIsNamed() {
            assertThat(problems(file("", "prod", "otherArchiveDays: 60\nkeepLastImages: 0", "keepLastImages: 5")))
                    .singleElement().asString()
                    .startsWith("services[0].overrides.keepLastImages (line 19): otherArchiveDays 60 and keepLastImages 5"
                            + " are both in force for service \"api\" in environment \"prod\" (profile prod)");
        }

        @Test
        void needsThirtyDaysOrZero() {
            assertThat(problems(file("otherArchiveDays: 10\nkeepLastImages: 0", "prod", "", ""))).containsExactly(
                    "environments[0].overrides.otherArchiveDays (line 8): otherArchiveDays 10 must be 0 or at least 30. "
                            + "Hint: give 30 or more days, or 0 to turn the rule off.");
            assertThat(problems(file("otherArchiveDays: 0", "prod", "", ""))).isEmpty();
        }
    }

    @Nested
    class ArchivedExpiryDays {
        @Test
        void expiresArchivedImagesInDevAfterTheDaysInArchive() {
            LifecyclePolicy dev = policy(file("archivedExpiryDays: 120", "prod", "", ""), "dev");

            LifecyclePolicyRule last = dev.rules().get(dev.rules().size() - 1);
            assertThat(last.selection().storageClass()).isEqualTo(StorageClass.ARCHIVE);
            assertThat(last.selection().countType()).isEqualTo(CountType.SINCE_IMAGE_TRANSITIONED);
            assertThat(last.selection().countNumber()).isEqualTo(120);
            assertThat(last.action().type()).isEqualTo(ActionType.EXPIRE);
        }

        @Test
        void isRefusedInProdAndStagingBecauseNoArchiveRuleCanSpareReleases() {
            for (String profile : List.of("prod", "staging")) {
                assertThat(problems(file("", profile, "archivedExpiryDays: 365", ""))).singleElement().asString()
                        .startsWith("environments[1].overrides.archivedExpiryDays (line 14): archivedExpiryDays 365 is in "
                                + "force for environment \"prod\" (profile " + profile + "): it would delete archived "
                                + "release and promotion images");
            }
            assertThat(problems(file("", "prod", "", "archivedExpiryDays: 365"))).singleElement().asString()
                    .startsWith("services[0].overrides.archivedExpiryDays (line 18): archivedExpiryDays 365 is in force"
                            + " for service \"api\" in environment \"prod\" (profile prod)");
        }

        @Test
        void needsArchivesMinimumOfNinetyDaysOrZero() {
            assertThat(problems(file("archivedExpiryDays: 30", "prod", "", ""))).containsExactly(
                    "environments[0].overrides.archivedExpiryDays (line 8): archivedExpiryDays 30 must be 0 or at least 90. "
                            + "Hint: give 90 or more days, or 0 to turn the rule off.");
        }

        @Test
        void aServiceInDevMayTurnAnInheritedOneOff() {
            LifecyclePolicy dev = policy(file("archivedExpiryDays: 120", "prod", "", "archivedExpiryDays: 0"), "dev");

            assertThat(dev.rules()).noneMatch(r -> r.selection().countType() == CountType.SINCE_IMAGE_TRANSITIONED);
        }
    }

    /**
     * Every combination of retention values the file can hold: the file validation either refuses it at a field, or
     * the mapping builds a valid policy for every repository. So the validation is complete, and neither it nor the
     * mapping needs to build a policy to find out (the policy checks its rules once, when the stacks build it).
     */
    @Test
    void whatTheFileValidationAcceptsTheMappingBuilds() {
        List<String> unexpected = new ArrayList<>();
        int accepted = 0;
        for (String profile : List.of("dev", "prod")) {
            for (String keep : List.of("", "keepLastImages: 0", "keepLastImages: 5")) {
                for (String build : List.of("", "buildTagRetentionDays: 14")) {
                    for (String other : List.of("", "otherArchiveDays: 20", "otherArchiveDays: 45")) {
                        for (String expiry : List.of("", "archivedExpiryDays: 60", "archivedExpiryDays: 180")) {
                            String overrides = String.join("\n", List.of(keep, build, other, expiry).stream()
                                    .filter(s -> !s.isEmpty()).toList());
                            for (String text : List.of(file("", profile, overrides, ""), file(overrides, profile, "", overrides))) {
                                if (!problems(text).isEmpty()) {
                                    continue;
                                }
                                accepted++;
                                for (String environment : List.of("prod", "dev")) {
                                    try {
                                        policy(text, environment);
                                    } catch (LifecyclePolicyException e) {
                                        unexpected.add(overrides + " in " + environment + ": " + e.problems());
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(accepted).as("combinations the file validation accepts").isGreaterThan(30);
    }
}
