package constructs.repository;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryNameTest {

    @Nested
    class Accepts {

        @ParameterizedTest
        @ValueSource(strings = {"shop/dev/user-service", "ab", "a1", "team.x/svc_a", "shop/prod/checkout-api",
                "a/b/c/d/orders", "shop/dev/s3-sync"})
        void namesThatEcrAcceptsAndThatNameAService(String name) {
            assertThat(RepositoryName.of(name).value()).isEqualTo(name);
            assertThat(RepositoryName.problems("repositoryName", name)).isEmpty();
        }

        @Test
        void exactlyTwoHundredFiftySixCharacters() {
            String name = "a".repeat(250) + "/svc-x";
            assertThat(name).hasSize(256);
            assertThat(RepositoryName.problems("repositoryName", name)).isEmpty();
        }
    }

    @Nested
    class Rejects {

        @Test
        void aMissingName() {
            assertThat(RepositoryName.problems("repositoryName", null)).containsExactly(
                    "repositoryName is required: name the repository after the service it holds. "
                            + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"");
        }

        @Test
        void aOneCharacterName() {
            assertThat(RepositoryName.problems("repositoryName", "x")).containsExactly(
                    "repositoryName \"x\" is invalid: must be 2 to 256 characters (got 1). "
                            + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"");
        }

        @Test
        void aNameLongerThanTwoHundredFiftySixCharacters() {
            String name = "a".repeat(251) + "/svc-x";
            assertThat(RepositoryName.problems("repositoryName", name)).containsExactly(
                    "repositoryName \"" + name + "\" is invalid: must be 2 to 256 characters (got 257). "
                            + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"");
        }

        @Test
        void uppercaseWithAHintThatLowercasesIt() {
            assertThat(RepositoryName.problems("repositoryName", "Shop/Dev/User_Service")).containsExactly(
                    "repositoryName \"Shop/Dev/User_Service\" is invalid: must be lowercase path segments of "
                            + "[a-z0-9] joined by single \".\", \"_\" or \"-\" and separated by \"/\" (ECR pattern "
                            + RepositoryName.ECR_PATTERN + "). Hint: use \"shop/dev/user_service\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"shop//api", "/shop/api", "shop/api/", "shop/-api", "shop/api-", "shop/a--pi",
                "shop/a pi", "shop/a:pi"})
        void separatorsOutOfPlaceAndForeignCharacters(String name) {
            assertThat(RepositoryName.problems("repositoryName", name)).singleElement().asString()
                    .startsWith("repositoryName \"" + name + "\" is invalid: must be lowercase path segments");
        }

        @Test
        void separatorsAreCollapsedInTheHint() {
            assertThat(RepositoryName.suggest("Shop//a--pi/")).isEqualTo("shop/a-pi");
            assertThat(RepositoryName.suggest("shop/a pi")).isEqualTo("shop/a-pi");
        }

        @ParameterizedTest
        @ValueSource(strings = {"test", "repo1", "default", "temp", "new", "repo", "image", "app", "app-2", "tmp",
                "my-repo", "images01"})
        void genericLastSegments(String last) {
            assertThat(RepositoryName.problems("repositoryName", "shop/dev/" + last)).containsExactly(
                    "repositoryName \"shop/dev/" + last + "\" is too generic: its last segment \"" + last
                            + "\" does not say which service the repository holds. "
                            + "Hint: name the service, e.g. \"shop/dev/user-service\"");
        }

        @Test
        void aGenericNameWithoutNamespace() {
            assertThatThrownBy(() -> RepositoryName.of("test"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("repositoryName \"test\" is too generic: its last segment \"test\" does not say "
                            + "which service the repository holds. Hint: name the service, e.g. \"user-service\"");
        }

        @Test
        void genericIsJudgedOnTheLastSegmentOnly() {
            assertThat(RepositoryName.problems("repositoryName", "test/dev/orders")).isEmpty();
        }

        @Test
        void everyProblemAtOnce() {
            assertThatThrownBy(() -> RepositoryName.of("X"))
                    .hasMessage("repositoryName \"X\" is invalid: must be 2 to 256 characters (got 1). "
                            + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"\n"
                            + "repositoryName \"X\" is invalid: must be lowercase path segments of [a-z0-9] joined "
                            + "by single \".\", \"_\" or \"-\" and separated by \"/\" (ECR pattern "
                            + RepositoryName.ECR_PATTERN + "). Hint: use \"shop/dev/user-service\"");
        }
    }
}
