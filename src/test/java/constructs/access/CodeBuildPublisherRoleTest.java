package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeBuildPublisherRoleTest {

    static final String API = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";
    static final String PROJECT = "arn:aws:codebuild:eu-west-1:111111111111:project/shop-api";

    static Template template;

    static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    @BeforeAll
    static void synth() {
        Stack stack = newStack(new App(), "CodeBuild");
        new CodeBuildPublisherRole(stack, "ApiPublisher", CodeBuildPublisherRoleProps.builder()
                .roleName(CodeBuildPublisherRole.defaultRoleName("shop", "dev", "api"))
                .repositoryArns(List.of(API))
                .projectArns(List.of(PROJECT))
                .build());
        template = Template.fromStack(stack);
    }

    @Test
    void trustsCodeBuildForTheListedProjectsOfThisAccountOnly() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "shop-dev-api-codebuild-publisher",
                "MaxSessionDuration", 3600,
                "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "publisher")),
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "codebuild.amazonaws.com"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", "111111111111"),
                                        "ArnLike", Map.of("aws:SourceArn", List.of(PROJECT)))))))));
    }

    @Test
    void grantsExactlyThePushActionsAndTheToken() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "PolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Sid", "PushImages", "Effect", "Allow",
                                        "Action", Persona.PUBLISHER.actions(), "Resource", List.of(API)),
                                Map.of("Sid", "ReadScanFindings", "Effect", "Allow",
                                        "Action", Persona.PUBLISHER_SCAN_GATE_ACTIONS, "Resource", List.of(API)),
                                Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                        "Action", List.of("ecr:GetAuthorizationToken"),
                                        "Resource", List.of("*")))))));
    }

    @Test
    void failsOnAProjectOfAnotherAccountOrAWildcardProject() {
        Stack s = newStack(new App(), "Invalid");
        assertThatThrownBy(() -> new CodeBuildPublisherRole(s, "P", CodeBuildPublisherRoleProps.builder()
                .roleName("shop-dev-api-codebuild-publisher")
                .repositoryArns(List.of(API))
                .projectArns(List.of("arn:aws:codebuild:eu-west-1:333333333333:project/shop-api",
                        "arn:aws:codebuild:eu-west-1:111111111111:project/*"))
                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CodeBuildPublisherRole Invalid/P: projectArns[0] "
                        + "\"arn:aws:codebuild:eu-west-1:333333333333:project/shop-api\" is in account 333333333333, "
                        + "not the role's account 111111111111: CodeBuild only uses service roles of its own account. "
                        + "Hint: create the role in the project's account; projectArns[1] "
                        + "\"arn:aws:codebuild:eu-west-1:111111111111:project/*\" is invalid: must be one CodeBuild "
                        + "project's ARN, without wildcards. Hint: "
                        + "\"arn:aws:codebuild:eu-west-1:111111111111:project/shop-api\"");
    }
}
