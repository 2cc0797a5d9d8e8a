package lifecycle;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleValidatorTest {

    private static final String DESCRIPTION = "A description long enough to reach ECR's 100-character minimum";

    static LifecyclePolicyRule rule(int priority, Selection selection, Action action) {
        return new LifecyclePolicyRule(priority, DESCRIPTION, selection, action);
    }

    static Selection selection(ImageTagStatus status, List<String> prefixes, List<String> patterns, StorageClass storage,
                               CountType type, CountUnit unit, Integer number) {
        return new Selection(status, prefixes, patterns, storage, type, unit, number);
    }

    static Selection untaggedOlderThan(int days) {
        return selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, days);
    }

    static Selection anyMoreThan(int count) {
        return selection(ImageTagStatus.ANY, null, null, null, CountType.IMAGE_COUNT_MORE_THAN, null, count);
    }

    static Selection taggedPatterns(List<String> patterns, int count) {
        return selection(ImageTagStatus.TAGGED, null, patterns, null, CountType.IMAGE_COUNT_MORE_THAN, null, count);
    }

    static List<String> problems(LifecyclePolicyRule... rules) {
        return LifecycleValidator.validate(List.of(rules));
    }

    @Test
    void aPolicyFollowingEveryRuleHasNoProblem() {
        assertThat(problems(
                rule(1, untaggedOlderThan(7), Action.expire()),
                rule(2, taggedPatterns(List.of("v*"), 50), Action.expire()),
                rule(3, anyMoreThan(100), Action.expire()))).isEmpty();
    }

    @Nested
    class PolicyWide {
        @Test
        void failsWhenThereIsNoRule() {
            assertThat(LifecycleValidator.validate(List.of())).containsExactly(
                    "rules is empty: a lifecycle policy needs at least one rule. Fix: add a rule");
        }

        @Test
        void failsWithMoreThanFiftyRules() {
            List<LifecyclePolicyRule> rules = new ArrayList<>();
            for (int p = 1; p <= 51; p++) {
                rules.add(rule(p, taggedPatterns(List.of("t" + p + "-*"), 1), Action.expire()));
            }
            assertThat(LifecycleValidator.validate(rules)).containsExactly(
                    "rules has 51 rules: ECR accepts at most 50 in one policy. Fix: merge or remove 1 of them");
        }

        @Test
        void failsWhenTheTextIsShorterThanOneHundredCharacters() {
            // a complete rule always renders longer than 100 characters: only a broken one can be this short
            assertThat(problems(new LifecyclePolicyRule(1, null, null, Action.expire()))).contains(
                    "the policy text is 57 characters long: ECR accepts 100 to 30,720. Fix: add a description to a rule");
        }

        @Test
        void failsWhenTheTextIsLongerThan30720Characters() {
            List<LifecyclePolicyRule> rules = new ArrayList<>();
            for (int p = 1; p <= 40; p++) {
                rules.add(new LifecyclePolicyRule(p, "x".repeat(800), taggedPatterns(List.of("t" + p + "-*"), 1), Action.expire()));
            }
            assertThat(LifecycleValidator.validate(rules)).containsExactly(
                    "the policy text is 38993 characters long: ECR accepts 100 to 30,720. Fix: shorten descriptions or remove rules");
        }

        @Test
        void failsOnDuplicatePriorities() {
            assertThat(problems(
                    rule(1, untaggedOlderThan(7), Action.expire()),
                    rule(1, taggedPatterns(List.of("v*"), 5), Action.expire()))).containsExactly(
                    "rulePriority 1 is used by 2 rules (rules[0], rules[1]): every rule needs a unique rulePriority. "
                            + "Fix: renumber them (gaps are allowed)");
        }

        @Test
        void failsWhenTheAnyRuleIsNotLast() {
            assertThat(problems(
                    rule(1, anyMoreThan(10), Action.expire()),
                    rule(5, untaggedOlderThan(7), Action.expire()))).containsExactly(
                    "rule 1: tagStatus \"any\" must have the highest rulePriority of the rules selecting storage class "
                            + "standard, but rule 5 comes after it: ECR evaluates the \"any\" rule last. Fix: give it a "
                            + "rulePriority above 5");
        }

        @Test
        void acceptsAnAnyRulePerStorageClassAsTheGuideCombinesThem() {
            assertThat(problems(
                    rule(1, selection(ImageTagStatus.ANY, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, 30),
                            Action.transitionToArchive()),
                    rule(2, selection(ImageTagStatus.ANY, null, null, StorageClass.ARCHIVE, CountType.SINCE_IMAGE_TRANSITIONED,
                            CountUnit.DAYS, 365), Action.expire()))).isEmpty();
        }

        @Test
        void failsOnTwoUntaggedRulesForOneStorageClass() {
            assertThat(problems(
                    rule(1, untaggedOlderThan(7), Action.expire()),
                    rule(2, selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.IMAGE_COUNT_MORE_THAN, null, 5),
                            Action.expire()))).containsExactly(
                    "rule 2: selects untagged images in storage class standard as rule 1 already does: ECR allows one "
                            + "such rule per storage class. Fix: merge the two rules");
        }

        @Test
        void failsOnARepeatedTagFilterInOneStorageClass() {
            assertThat(problems(
                    rule(1, taggedPatterns(List.of("v*", "rc*"), 5), Action.expire()),
                    rule(2, selection(ImageTagStatus.TAGGED, null, List.of("rc*", "v*"), null, CountType.SINCE_IMAGE_PUSHED,
                            CountUnit.DAYS, 30), Action.expire()))).containsExactly(
                    "rule 2: selection.tagPatternList [\"rc*\", \"v*\"] repeats the tag filter of rule 1 in storage "
                            + "class standard: ECR requires the rules selecting a storage class to have a unique set of "
                            + "prefixes, and this rule could never act on an image the earlier one matched. Fix: merge "
                            + "the two rules or change one filter");
        }
    }

    @Nested
    class Tags {
        @Test
        void failsWithoutTagStatus() {
            assertThat(problems(rule(1, selection(null, null, null, null, CountType.IMAGE_COUNT_MORE_THAN, null, 1),
                    Action.expire()))).containsExactly(
                    "rule 1: selection.tagStatus is missing: ECR requires one of tagged, untagged, any. Fix: add \"tagStatus\"");
        }

        @Test
        void failsWhenTaggedHasNoTagFilter() {
            assertThat(problems(rule(1, selection(ImageTagStatus.TAGGED, null, null, null, CountType.IMAGE_COUNT_MORE_THAN,
                    null, 1), Action.expire()))).containsExactly(
                    "rule 1: selection.tagStatus \"tagged\" needs a tagPatternList or a tagPrefixList: ECR must know "
                            + "which tags the rule selects. Fix: add \"tagPatternList\": [\"v*\"] or use tagStatus \"any\"");
        }

        @Test
        void failsWithBothPrefixAndPatternList() {
            assertThat(problems(rule(1, selection(ImageTagStatus.TAGGED, List.of("prod"), List.of("prod*"), null,
                    CountType.IMAGE_COUNT_MORE_THAN, null, 1), Action.expire()))).containsExactly(
                    "rule 1: selection has both tagPrefixList and tagPatternList: ECR accepts only one per rule. Fix: "
                            + "keep one (the pattern \"prod*\" selects what the prefix \"prod\" does)");
        }

        @Test
        void failsWhenUntaggedOrAnyCarriesATagFilter() {
            assertThat(problems(
                    rule(1, selection(ImageTagStatus.UNTAGGED, List.of("v"), null, null, CountType.IMAGE_COUNT_MORE_THAN, null, 1),
                            Action.expire()),
                    rule(2, selection(ImageTagStatus.ANY, null, List.of("v*"), null, CountType.IMAGE_COUNT_MORE_THAN, null, 1),
                            Action.expire()))).containsExactly(
                    "rule 1: selection.tagPrefixList is not allowed with tagStatus \"untagged\": tag filters apply only "
                            + "to tagged images. Fix: remove tagPrefixList or set tagStatus \"tagged\"",
                    "rule 2: selection.tagPatternList is not allowed with tagStatus \"any\": tag filters apply only to "
                            + "tagged images. Fix: remove tagPatternList or set tagStatus \"tagged\"");
        }

        @Test
        void failsOnEmptyTagLists() {
            assertThat(problems(
                    rule(1, selection(ImageTagStatus.TAGGED, List.of(), null, null, CountType.IMAGE_COUNT_MORE_THAN, null, 1),
                            Action.expire()),
                    rule(2, taggedPatterns(List.of(), 1), Action.expire()))).containsExactly(
                    "rule 1: selection.tagPrefixList is empty: it must name at least one prefix. Fix: add a prefix such "
                            + "as \"v\" or remove the list",
                    "rule 2: selection.tagPatternList is empty: it must name at least one pattern. Fix: add a pattern "
                            + "such as \"v*\" or remove the list");
        }

        @Test
        void failsWhenTagPatternHasFiveWildcards() {
            assertThat(problems(rule(1, taggedPatterns(List.of("*test*1*2*3", "test*1*2*3*4*"), 1), Action.expire())))
                    .containsExactly("rule 1: selection.tagPatternList entry \"test*1*2*3*4*\" has 5 wildcards: ECR "
                            + "allows at most 4 \"*\" per pattern. Fix: merge adjacent wildcards or split the pattern "
                            + "into several list entries");
        }
    }

    @Nested
    class Counts {
        @Test
        void failsWithoutCountType() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, null, null, null, 1), Action.expire())))
                    .containsExactly("rule 1: selection.countType is missing: ECR requires imageCountMoreThan, "
                            + "sinceImagePushed, sinceImagePulled or sinceImageTransitioned. Fix: add \"countType\"");
        }

        @Test
        void failsWhenASinceTypeHasNoCountUnit() {
            assertThat(problems(rule(1, selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED,
                    null, 7), Action.expire()))).containsExactly(
                    "rule 1: selection.countUnit is missing: countType \"sinceImagePushed\" requires countUnit \"days\". "
                            + "Fix: add \"countUnit\": \"days\"");
        }

        @Test
        void failsWhenImageCountHasACountUnit() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, null, CountType.IMAGE_COUNT_MORE_THAN,
                    CountUnit.DAYS, 7), Action.expire()))).containsExactly(
                    "rule 1: selection.countUnit \"days\" is not allowed with countType \"imageCountMoreThan\": a number "
                            + "of images has no unit. Fix: remove countUnit");
        }

        @Test
        void failsWithoutCountNumber() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, null, CountType.IMAGE_COUNT_MORE_THAN,
                    null, null), Action.expire()))).containsExactly(
                    "rule 1: selection.countNumber is missing: ECR requires a positive integer. Fix: add \"countNumber\" "
                            + "(1 or more)");
        }

        @Test
        void failsWhenCountNumberIsZero() {
            assertThat(problems(rule(1, anyMoreThan(0), Action.expire()))).containsExactly(
                    "rule 1: selection.countNumber 0 is invalid: must be a positive integer (0 is not accepted). Fix: "
                            + "use 1 or more");
        }

        @Test
        void failsOnANonPositivePriority() {
            assertThat(problems(rule(0, anyMoreThan(1), Action.expire()))).containsExactly(
                    "rules[0]: rulePriority 0 is invalid: must be a positive integer. Fix: use 1 or more");
        }
    }

    @Nested
    class StorageClassesAndActions {
        @Test
        void failsWhenArchiveIsSelectedByAPushAgeRule() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, StorageClass.ARCHIVE,
                    CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, 30), Action.expire()))).containsExactly(
                    "rule 1: selection.storageClass \"archive\" is not allowed with countType \"sinceImagePushed\": only "
                            + "sinceImageTransitioned selects archived images. Fix: remove storageClass or use countType "
                            + "\"sinceImageTransitioned\"");
        }

        @Test
        void failsWhenSinceImageTransitionedDoesNotSelectArchive() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, null, CountType.SINCE_IMAGE_TRANSITIONED,
                    CountUnit.DAYS, 365), Action.expire()))).containsExactly(
                    "rule 1: selection.storageClass is missing: countType \"sinceImageTransitioned\" selects archived "
                            + "images and requires storageClass \"archive\". Fix: set \"storageClass\": \"archive\"");
        }

        @Test
        void failsWhenArchivedImagesWouldBeExpiredBeforeNinetyDays() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, StorageClass.ARCHIVE,
                    CountType.SINCE_IMAGE_TRANSITIONED, CountUnit.DAYS, 30), Action.expire()))).containsExactly(
                    "rule 1: selection.countNumber 30 is too small for countType \"sinceImageTransitioned\": archived "
                            + "images must stay in archive at least 90 days before a lifecycle rule may expire them. "
                            + "Fix: use 90 or more");
        }

        @Test
        void failsWhenAnArchivedImageWouldBeTransitionedAgain() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, StorageClass.ARCHIVE,
                    CountType.SINCE_IMAGE_TRANSITIONED, CountUnit.DAYS, 90), Action.transitionToArchive()))).containsExactly(
                    "rule 1: action.type \"transition\" is not allowed with countType \"sinceImageTransitioned\": "
                            + "archived images can only be expired. Fix: use {\"type\": \"expire\"}");
        }

        @Test
        void failsWhenAPullAgeRuleExpires() {
            assertThat(problems(rule(1, selection(ImageTagStatus.ANY, null, null, null, CountType.SINCE_IMAGE_PULLED,
                    CountUnit.DAYS, 90), Action.expire()))).containsExactly(
                    "rule 1: action.type \"expire\" is not allowed with countType \"sinceImagePulled\": pull-age rules "
                            + "can only transition images to archive. Fix: use {\"type\": \"transition\", "
                            + "\"targetStorageClass\": \"archive\"} and expire them later with a sinceImageTransitioned rule");
        }

        @Test
        void failsOnATransitionWithoutOrWithTheWrongTarget() {
            assertThat(problems(
                    rule(1, untaggedOlderThan(7), new Action(ActionType.TRANSITION, null)),
                    rule(2, taggedPatterns(List.of("v*"), 5), new Action(ActionType.TRANSITION, StorageClass.STANDARD))))
                    .containsExactly(
                            "rule 1: action.targetStorageClass is missing: action type \"transition\" requires "
                                    + "targetStorageClass \"archive\". Fix: add \"targetStorageClass\": \"archive\"",
                            "rule 2: action.targetStorageClass \"standard\" is invalid: ECR transitions images only to "
                                    + "\"archive\". Fix: use \"archive\"");
        }

        @Test
        void failsOnAnExpireWithATarget() {
            assertThat(problems(rule(1, untaggedOlderThan(7), new Action(ActionType.EXPIRE, StorageClass.ARCHIVE))))
                    .containsExactly("rule 1: action.targetStorageClass \"archive\" is not allowed with action type "
                            + "\"expire\": only a transition has a target. Fix: remove targetStorageClass");
        }

        @Test
        void failsWithoutActionTypeOrSelectionOrAction() {
            assertThat(problems(
                    rule(1, untaggedOlderThan(7), new Action(null, null)),
                    new LifecyclePolicyRule(2, DESCRIPTION, null, null))).containsExactly(
                    "rule 1: action.type is missing: ECR requires expire or transition. Fix: add \"type\": \"expire\"",
                    "rule 2: selection is missing: every rule selects images. Fix: add \"selection\": {\"tagStatus\": "
                            + "..., \"countType\": ..., \"countNumber\": ...}",
                    "rule 2: action is missing: every rule needs one. Fix: add \"action\": {\"type\": \"expire\"}");
        }
    }

    @Test
    void reportsEveryProblemOfEveryRuleAtOnce() {
        assertThat(problems(
                rule(1, anyMoreThan(0), Action.expire()),
                rule(1, selection(ImageTagStatus.TAGGED, null, null, null, CountType.SINCE_IMAGE_PULLED, null, 3),
                        Action.expire()))).hasSize(6);
    }
}
