package constructs.repository;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicRepositoryTest {

    static final PublicRepositoryProps.CatalogData CATALOG = new PublicRepositoryProps.CatalogData(
            "Command-line client of the shop", "# shop-cli\nOrders from the terminal.", "docker run public.ecr.aws/x/shop/cli",
            List.of("x86-64", "ARM 64"), List.of("Linux"));

    static PublicRepositoryProps.Builder valid() {
        return PublicRepositoryProps.builder()
                .repositoryName("shop/cli")
                .catalogData(CATALOG)
                .publisher("222222222222", "shop-public-cli-publisher")
                .tags(Map.of("platform", "shop", "service", "cli"));
    }

    @Nested
    class Synthesized {
        static Template template;

        @BeforeAll
        static void synth() {
            Stack stack = new Stack(new App(), "Public", StackProps.builder()
                    .env(Environment.builder().account("222222222222").region("us-east-1").build()).build());
            new PublicRepository(stack, "Cli", valid().build());
            template = Template.fromStack(stack);
        }

        @Test
        void writesCatalogDataAsTheGalleryShowsIt() {
            template.hasResourceProperties("AWS::ECR::PublicRepository", Map.of(
                    "RepositoryName", "shop/cli",
                    "RepositoryCatalogData", Map.of(
                            "RepositoryDescription", "Command-line client of the shop",
                            "AboutText", "# shop-cli\nOrders from the terminal.",
                            "UsageText", "docker run public.ecr.aws/x/shop/cli",
                            "Architectures", List.of("x86-64", "ARM 64"),
                            "OperatingSystems", List.of("Linux"))));
        }

        @Test
        void isTaggedSortedByKey() {
            template.hasResourceProperties("AWS::ECR::PublicRepository", Map.of("Tags", List.of(
                    Map.of("Key", "platform", "Value", "shop"), Map.of("Key", "service", "Value", "cli"))));
        }

        @Test
        void onlyTheCiPublisherRoleMayPushNamedThroughItsAccountRoot() {
            var policy = template.findResources("AWS::ECR::PublicRepository").values().iterator().next();
            @SuppressWarnings("unchecked")
            var text = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("RepositoryPolicyText");
            assertThat(text.toString()).contains("PushFromCiPublisherOnly")
                    .contains("ecr-public:PutImage")
                    .contains("aws:PrincipalArn")
                    .contains(":role/shop-public-cli-publisher")
                    .doesNotContain("ecr-public:*");
            @SuppressWarnings("unchecked")
            var statement = (Map<String, Object>) ((List<Object>) text.get("Statement")).get(0);
            assertThat(statement.get("Action")).isEqualTo(PublicRepository.PUSH_ACTIONS);
            assertThat(statement).doesNotContainKey("Resource");
        }

        @Test
        void isRetainedByDefault() {
            template.hasResource("AWS::ECR::PublicRepository", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        }
    }

    @Nested
    class Validation {

        @Test
        void failsWithoutCatalogDataAndTags() {
            var props = valid().catalogData(null).tags(Map.of()).build();
            assertThatThrownBy(() -> PublicRepository.validate(props))
                    .hasMessage("PublicRepository shop/cli: catalogData is missing: a public repository must describe its images"
                            + " in the ECR Public Gallery. Hint: set description, aboutText, usageText, architectures and"
                            + " operatingSystems; tags is empty: a public repository must be tagged (Security Hub ECR.4)."
                            + " Hint: the stacks add platform, service and managed-by tags");
        }

        @Test
        void failsOnAnArchitectureTheGalleryDoesNotShow() {
            var props = valid().catalogData(new PublicRepositoryProps.CatalogData("d", "a", "u",
                    List.of("amd64"), List.of("Linux"))).build();
            assertThatThrownBy(() -> PublicRepository.validate(props))
                    .hasMessage("PublicRepository shop/cli: catalogData.architectures value \"amd64\" is not one the ECR Public"
                            + " Gallery shows: use one of [ARM, ARM 64, x86, x86-64]");
        }

        @Test
        void failsOnADescriptionLongerThan1024Characters() {
            var props = valid().catalogData(new PublicRepositoryProps.CatalogData("x".repeat(1025), "a", "u",
                    List.of("x86-64"), List.of("Linux"))).build();
            assertThatThrownBy(() -> PublicRepository.validate(props))
                    .hasMessage("PublicRepository shop/cli: catalogData.description has 1025 characters: at most 1024 are"
                            + " accepted by ECR Public");
        }

        @Test
        void failsOnAnUppercaseNameAndABadPublisher() {
            var props = valid().repositoryName("Shop/CLI").publisher("2222", "role/with/slash").build();
            assertThatThrownBy(() -> PublicRepository.validate(props))
                    .hasMessageContaining("repositoryName \"Shop/CLI\" is invalid")
                    .hasMessageContaining("publisherAccount \"2222\" is invalid: must be a 12-digit AWS account id")
                    .hasMessageContaining("publisherRoleName \"role/with/slash\" is invalid");
        }
    }
}
