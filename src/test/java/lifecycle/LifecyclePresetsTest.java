package lifecycle;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecyclePresetsTest {

    @Nested
    class SingleRules {
        @Test
        void keepLastImagesCountsEveryImage() {
            assertThat(LifecyclePresets.keepLastImages(9, 10)).isEqualTo(new LifecyclePolicyRule(9,
                    "Keep the newest 10 images; expire older images no earlier rule matched",
                    new Selection(ImageTagStatus.ANY, null, null, null, CountType.IMAGE_COUNT_MORE_THAN, null, 10),
                    Action.expire()));
        }

        @Test
        void expireUntaggedAfterDaysRendersAsEcrExpects() {
            assertThat(LifecyclePolicy.of(LifecyclePresets.expireUntaggedAfterDays(1, 7)).toJson()).isEqualTo(
                    "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images 7 days after push\","
                            + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
                            + "\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}}]}");
        }

        @Test
        void archiveNotPulledTransitionsAndIsValid() {
            LifecyclePolicy policy = LifecyclePolicy.of(LifecyclePresets.archiveNotPulledForDays(1, 90),
                    LifecyclePresets.expireArchivedAfterDays(2, 365));
            assertThat(policy.toJson()).contains("\"countType\":\"sinceImagePulled\"",
                    "\"action\":{\"type\":\"transition\",\"targetStorageClass\":\"archive\"}",
                    "\"storageClass\":\"archive\",\"countType\":\"sinceImageTransitioned\"");
        }

        @Test
        void expireArchivedBeforeNinetyDaysIsRejected() {
            assertThatThrownBy(() -> LifecyclePolicy.of(LifecyclePresets.expireArchivedAfterDays(1, 30)))
                    .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                    "rule 1: selection.countNumber 30 is too small for countType \"sinceImageTransitioned\": archived "
                            + "images must stay in archive at least 90 days before a lifecycle rule may expire them. "
                            + "Fix: use 90 or more"));
        }
    }

    @Nested
    class EnvironmentPolicy {
        @Test
        void composesEveryRuleWithTheAnyRuleLast() {
            LifecyclePolicy policy = LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                    .untaggedExpiryDays(7).releaseArchiveDays(365).promotionArchiveDays(90)
                    .promotionTagPrefixes(List.of("prod-")).buildRetentionDays(30).keepLastImages(50).build());

            assertThat(policy.toJson()).isEqualTo("{\"rules\":["
                    + "{\"rulePriority\":1,\"description\":\"Expire untagged images 7 days after push\",\"selection\":"
                    + "{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},"
                    + "\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":2,\"description\":\"Archive images tagged v* not pulled in 365 days\",\"selection\":"
                    + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"v*\"],\"countType\":\"sinceImagePulled\","
                    + "\"countUnit\":\"days\",\"countNumber\":365},\"action\":{\"type\":\"transition\",\"targetStorageClass\":\"archive\"}},"
                    + "{\"rulePriority\":3,\"description\":\"Archive images tagged prod-* not pulled in 90 days\",\"selection\":"
                    + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"prod-*\"],\"countType\":\"sinceImagePulled\","
                    + "\"countUnit\":\"days\",\"countNumber\":90},\"action\":{\"type\":\"transition\",\"targetStorageClass\":\"archive\"}},"
                    + "{\"rulePriority\":4,\"description\":\"Expire images tagged commit-* 30 days after push\",\"selection\":"
                    + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"commit-*\"],\"countType\":\"sinceImagePushed\","
                    + "\"countUnit\":\"days\",\"countNumber\":30},\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":5,\"description\":\"Expire images tagged pr-* 30 days after push\",\"selection\":"
                    + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"pr-*\"],\"countType\":\"sinceImagePushed\","
                    + "\"countUnit\":\"days\",\"countNumber\":30},\"action\":{\"type\":\"expire\"}},"
                    + "{\"rulePriority\":6,\"description\":\"Keep the newest 50 images; expire older images no earlier "
                    + "rule matched\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\","
                    + "\"countNumber\":50},\"action\":{\"type\":\"expire\"}}]}");
        }

        @Test
        void leavesOutTheRulesOfUnsetValuesAndUsesCustomPrefixes() {
            LifecyclePolicy policy = LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                    .releaseArchiveDays(90).buildRetentionDays(14).buildTagPrefixes(List.of("sha-")).keepLastImages(20).build());
            assertThat(policy.rules()).extracting(r -> r.selection().tagPatternList())
                    .containsExactly(List.of("v*"), List.of("sha-*"), null);
            assertThat(policy.rules()).extracting(LifecyclePolicyRule::rulePriority).containsExactly(1, 2, 3);
        }

        @Test
        void archivesOtherImagesInsteadOfCountingThem() {
            LifecyclePolicy policy = LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                    .untaggedExpiryDays(7).otherArchiveDays(90).build());
            assertThat(policy.rules()).extracting(r -> r.action().type())
                    .containsExactly(ActionType.EXPIRE, ActionType.TRANSITION);
            assertThat(policy.rules().get(1).selection().countType()).isEqualTo(CountType.SINCE_IMAGE_PULLED);
        }

        @Test
        void failsWithEveryInvalidValueAtOnce() {
            assertThatThrownBy(() -> LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                    .untaggedExpiryDays(0).buildRetentionDays(30).keepLastImages(10).otherArchiveDays(90)
                    .promotionTagPrefixes(List.of("prod-"))
                    .releaseTagPrefixes(List.of("v*")).buildTagPrefixes(List.of("v*", "")).build()))
                    .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                            "releaseTagPrefixes entry \"v*\" contains \"*\": give plain prefixes, the preset adds the "
                                    + "trailing wildcard. Fix: use \"v\"",
                            "buildTagPrefixes entry \"v*\" contains \"*\": give plain prefixes, the preset adds the "
                                    + "trailing wildcard. Fix: use \"v\"",
                            "buildTagPrefixes holds an empty prefix: it would match every tag. Fix: remove it",
                            "releaseArchiveDays is not set while keepLastImages or buildRetentionDays is: release images "
                                    + "would then be expired by those rules, and a rollback target lost. Fix: set releaseArchiveDays",
                            "promotionArchiveDays is not set while keepLastImages or buildRetentionDays is: promoted images "
                                    + "(which the environment runs) would then be expired by those rules. Fix: set promotionArchiveDays",
                            // what ECR refuses, once, by the policy's own check of the rules the values make
                            "rule 1: selection.countNumber 0 is invalid: must be a positive integer (0 is not accepted). "
                                    + "Fix: use 1 or more",
                            "rule 4: tagStatus \"any\" must have the highest rulePriority of the rules selecting storage "
                                    + "class standard, but rule 5 comes after it: ECR evaluates the \"any\" rule last. "
                                    + "Fix: give it a rulePriority above 5"));
        }

        @Test
        void reportsAValueEcrRefusesOnceByTheRuleItMakes() {
            assertThatThrownBy(() -> LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                    .untaggedExpiryDays(0).build()))
                    .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                            "rule 1: selection.countNumber 0 is invalid: must be a positive integer (0 is not accepted). "
                                    + "Fix: use 1 or more"));
        }

        @Test
        void failsWhenNothingIsSet() {
            assertThatThrownBy(() -> LifecyclePresets.environmentPolicy(LifecycleRetention.builder().build()))
                    .hasMessage("lifecycle policy is invalid (1 problem):\n  - no retention value is set: a repository "
                            + "needs at least one lifecycle rule. Fix: set untaggedExpiryDays, keepLastImages, "
                            + "releaseArchiveDays or buildRetentionDays");
        }
    }
}
