package lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecyclePolicyParseTest {

    private static final String VALID = """
            {"rules":[{"rulePriority":1,"description":"Expire untagged images after 14 days",
              "selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},
              "action":{"type":"expire"}}]}""";

    @Test
    void readsEveryFieldIntoTheModel() {
        LifecyclePolicy policy = LifecyclePolicy.parse(VALID);

        assertThat(policy).isEqualTo(LifecyclePolicy.of(new LifecyclePolicyRule(1, "Expire untagged images after 14 days",
                new Selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, 14),
                Action.expire())));
    }

    @Test
    void rendersCompactWithFieldsInDocumentedOrder() {
        String json = LifecyclePolicy.parse(VALID).toJson();

        assertThat(json).isEqualTo("{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images after 14 days\","
                + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
                + "\"countNumber\":14},\"action\":{\"type\":\"expire\"}}]}");
    }

    @Test
    void failsOnEveryUnknownFieldAtOnce() {
        String text = """
                {"rules":[{"rulePriority":1,"priority":2,
                  "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5,"tagRegex":"x"},
                  "action":{"type":"expire","when":"now"}}],"version":1}""";

        assertThatThrownBy(() -> LifecyclePolicy.parse(text))
                .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                        "version is not a lifecycle-policy field: ECR rejects unknown fields here. Fix: remove it or "
                                + "correct its spelling (accepted: rules)",
                        "rules[0].priority is not a lifecycle-policy field: ECR rejects unknown fields here. Fix: remove "
                                + "it or correct its spelling (accepted: rulePriority, description, selection, action)",
                        "rules[0].selection.tagRegex is not a lifecycle-policy field: ECR rejects unknown fields here. "
                                + "Fix: remove it or correct its spelling (accepted: tagStatus, tagPatternList, "
                                + "tagPrefixList, storageClass, countType, countUnit, countNumber)",
                        "rules[0].action.when is not a lifecycle-policy field: ECR rejects unknown fields here. Fix: "
                                + "remove it or correct its spelling (accepted: type, targetStorageClass)"));
    }

    @Test
    void failsOnValuesOfTheWrongTypeOrSpelling() {
        String text = """
                {"rules":[{"rulePriority":"1",
                  "selection":{"tagStatus":"Tagged","tagPrefixList":"v","countType":"imageCountMoreThan","countNumber":1.5},
                  "action":{"type":"delete"}}]}""";

        assertThatThrownBy(() -> LifecyclePolicy.parse(text))
                .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                        "rules[0].rulePriority \"1\" is not an integer. Fix: write a whole number without quotes",
                        "rules[0].selection.tagStatus \"Tagged\" is not a value ECR accepts (one of: tagged, untagged, "
                                + "any, spelled exactly). Fix: use one of them",
                        "rules[0].selection.tagPrefixList \"v\" is not a list of strings. Fix: write it as [\"...\"]",
                        "rules[0].selection.countNumber 1.5 is not an integer. Fix: write a whole number without quotes",
                        "rules[0].action.type \"delete\" is not a value ECR accepts (one of: expire, transition, "
                                + "spelled exactly). Fix: use one of them"));
    }

    @Test
    void failsOnAMissingRulePriority() {
        String text = """
                {"rules":[{"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},
                  "action":{"type":"expire"}}]}""";

        assertThatThrownBy(() -> LifecyclePolicy.parse(text))
                .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).containsExactly(
                        "rules[0].rulePriority is missing: every rule needs a unique positive rulePriority. "
                                + "Fix: add \"rulePriority\": 1"));
    }

    @Test
    void failsOnMalformedJsonNamingTheLocation() {
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": [\n  {\"rulePriority\": 1,,}]}"))
                .isInstanceOf(LifecyclePolicyException.class)
                .hasMessageStartingWith("lifecycle policy is invalid (1 problem):\n  - the policy text is not valid JSON "
                        + "at line 2, column 22: Unexpected character (',' (code 44)): was expecting double-quote to "
                        + "start field name. Fix: correct the JSON syntax");
    }

    @Test
    void failsWhenTheTextIsNotAnObject() {
        assertThatThrownBy(() -> LifecyclePolicy.parse("[]"))
                .isInstanceOfSatisfying(LifecyclePolicyException.class, e -> assertThat(e.problems()).isEqualTo(List.of(
                        "the policy text is a JSON array, not an object: a lifecycle policy is {\"rules\": [...]}. "
                                + "Fix: wrap the rules in {\"rules\": [...]}")));
    }

    @Test
    void aWellFormedPolicyEcrWouldRejectThrowsEveryProblemInOneException() {
        assertThatThrownBy(() -> LifecyclePolicy.parse("""
                {"rules":[{"rulePriority":1,"description":"Keep the newest five images of any kind",
                  "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countUnit":"days","countNumber":0},
                  "action":{"type":"expire"}}]}"""))
                .isInstanceOf(LifecyclePolicyException.class)
                .hasMessage("lifecycle policy is invalid (2 problems):\n"
                        + "  - rule 1: selection.countUnit \"days\" is not allowed with countType \"imageCountMoreThan\": "
                        + "a number of images has no unit. Fix: remove countUnit\n"
                        + "  - rule 1: selection.countNumber 0 is invalid: must be a positive integer (0 is not "
                        + "accepted). Fix: use 1 or more");
    }
}
