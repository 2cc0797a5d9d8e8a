package constructs.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ECR account settings and Inspector's re-scan durations, written through aws-cdk-lib's AwsCustomResource. */
class AccountSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Stack stack;
    private static Template template;

    @BeforeAll
    static void synth() {
        stack = RegistryTestSupport.stack();
        new EcrAccountSetting(stack, "BlobMounting", EcrAccountSettingProps.of(AccountSettingName.BLOB_MOUNTING, "ENABLED"));
        new EcrAccountSetting(stack, "PolicyScope", EcrAccountSettingProps.of(AccountSettingName.REGISTRY_POLICY_SCOPE, "V2"));
        new InspectorEcrRescan(stack, "Rescan", new InspectorEcrRescanProps("DAYS_90", "DAYS_30", "LAST_IN_USE_AT"));
        Aspects.of(stack).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        Aspects.of(stack).add(NIST80053R5Checks.Builder.create().verbose(true).build());
        template = Template.fromStack(stack);
    }

    private static JsonNode call(String type, String key, String physicalIdOrNull) throws Exception {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        for (Map<String, Object> resource : resources.values()) {
            Object value = ((Map<?, ?>) resource.get("Properties")).get(key);
            if (value instanceof String text) {
                JsonNode node = JSON.readTree(text);
                if (physicalIdOrNull == null || physicalIdOrNull.equals(node.path("physicalResourceId").path("id").asText())) {
                    return node;
                }
            }
        }
        return null;
    }

    @Test
    void writesTheSettingOnCreateAndUpdateWithPutAccountSetting() throws Exception {
        JsonNode create = call(EcrAccountSetting.RESOURCE_TYPE, "Create", "BLOB_MOUNTING");
        assertThat(create.path("service").asText()).isEqualTo("ECR");
        assertThat(create.path("action").asText()).isEqualTo("PutAccountSetting");
        assertThat(create.path("parameters")).isEqualTo(JSON.readTree("{\"name\":\"BLOB_MOUNTING\",\"value\":\"ENABLED\"}"));
        assertThat(call(EcrAccountSetting.RESOURCE_TYPE, "Update", "BLOB_MOUNTING")).isEqualTo(create);
    }

    @Test
    void readsThePreviousValueOnlyWhenFirstCreatedAndWritesItBackOnDelete() throws Exception {
        JsonNode read = call(EcrAccountSetting.PREVIOUS_RESOURCE_TYPE, "Create", "previous-BLOB_MOUNTING");
        assertThat(read.path("action").asText()).isEqualTo("GetAccountSetting");
        assertThat(read.path("parameters").path("name").asText()).isEqualTo("BLOB_MOUNTING");
        template.hasResource(EcrAccountSetting.PREVIOUS_RESOURCE_TYPE, Map.of("Properties", Match.objectLike(Map.of(
                "Update", Match.absent()))));
        template.hasResourceProperties(EcrAccountSetting.RESOURCE_TYPE, Map.of("Delete", Map.of("Fn::Join", List.of("",
                List.of("{\"action\":\"PutAccountSetting\",\"service\":\"ECR\",\"ignoreErrorCodesMatching\":"
                                + "\"InvalidParameterException|ValidationException\",\"parameters\":{\"name\":\"BLOB_MOUNTING\",\"value\":\"",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("BlobMountingPrevious.*"), "value")),
                        "\"},\"logApiResponseData\":false}")))));
    }

    @Test
    void theFunctionMayCallExactlyTheSettingActions() {
        List<Object> actions = template.findResources("AWS::IAM::Policy").values().stream()
                .map(r -> ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) r.get("Properties")).get("PolicyDocument"))).get("Statement"))
                .flatMap(s -> ((List<?>) s).stream()).map(s -> ((Map<?, ?>) s).get("Action")).map(a -> (Object) a).toList();
        assertThat(actions).containsOnly(EcrAccountSetting.GET_ACTION, EcrAccountSetting.PUT_ACTION,
                InspectorEcrRescan.GET_ACTION, InspectorEcrRescan.UPDATE_ACTION);
        template.resourceCountIs("AWS::Lambda::Function", 1);
        template.resourceCountIs(EcrAccountSetting.RESOURCE_TYPE, 2);
    }

    @Test
    void writesInspectorsEcrConfigurationAndRestoresThePushDateDurationOnDelete() throws Exception {
        JsonNode update = call(InspectorEcrRescan.RESOURCE_TYPE, "Create", "ecr-rescan");
        assertThat(update.path("service").asText()).isEqualTo("Inspector2");
        assertThat(update.path("action").asText()).isEqualTo("UpdateConfiguration");
        assertThat(update.path("parameters")).isEqualTo(JSON.readTree("{\"ecrConfiguration\":{\"rescanDuration\":\"DAYS_90\","
                + "\"pullDateRescanDuration\":\"DAYS_30\",\"pullDateRescanMode\":\"LAST_IN_USE_AT\"}}"));
        template.hasResourceProperties(InspectorEcrRescan.RESOURCE_TYPE, Map.of("Delete", Map.of("Fn::Join", List.of("",
                List.of(Match.stringLikeRegexp(".*\"rescanDuration\":\"$"),
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RescanPrevious.*"),
                                "ecrConfiguration.rescanDurationState.rescanDuration")),
                        Match.anyValue())))));
    }

    @Test
    void passesAwsSolutionsAndNistWithEveryFindingAnsweredOnTheResourceItConcerns() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("(AwsSolutions|NIST).*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("(AwsSolutions|NIST).*"))).isEmpty();
        template.hasResource("AWS::Lambda::Function", Map.of("Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress",
                Match.arrayWith(List.of(Match.objectLike(Map.of("id", "AwsSolutions-IAM4", "applies_to",
                        List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")))))))));
    }

    @Test
    void rejectsAValueEcrDoesNotDocumentForTheSetting() {
        assertThatThrownBy(() -> new EcrAccountSetting(RegistryTestSupport.stack(), "Scope",
                EcrAccountSettingProps.of(AccountSettingName.REGISTRY_POLICY_SCOPE, "V3")))
                .hasMessage("EcrAccountSetting: value \"V3\" is not a value of REGISTRY_POLICY_SCOPE. Hint: one of [V1, V2]");
    }

    @Test
    void rejectsARescanDurationInspectorDoesNotAccept() {
        assertThatThrownBy(() -> new InspectorEcrRescan(RegistryTestSupport.stack(), "Rescan",
                new InspectorEcrRescanProps("DAYS_90", "LIFETIME", null)))
                .hasMessage("InspectorEcrRescan: pullDateRescanDuration \"LIFETIME\" is not an Inspector value."
                        + " Hint: one of [DAYS_14, DAYS_30, DAYS_60, DAYS_90, DAYS_180]");
    }
}
