package constructs.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JenkinsPublisherRoleTest {

    static final String API = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";
    static final String AGENT = "arn:aws:iam::777777777777:role/jenkins-agent";

    static Template template;

    @BeforeAll
    static void synth() {
        Stack stack = CodeBuildPublisherRoleTest.newStack(new App(), "Jenkins");
        new JenkinsPublisherRole(stack, "ApiPublisher", JenkinsPublisherRoleProps.builder()
                .roleName(JenkinsPublisherRole.defaultRoleName("shop", "dev", "api"))
                .repositoryArns(List.of(API))
                .principalArns(List.of(AGENT))
                .externalId("shop-api-7f3a")
                .build());
        template = Template.fromStack(stack);
    }

    @Test
    void trustsTheAgentsAccountRootNarrowedToTheAgentPrincipalAndTheExternalId() {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "shop-dev-api-jenkins-publisher",
                "MaxSessionDuration", 3600,
                "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "publisher")),
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:aws:iam::777777777777:root"),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of(
                                        "ArnEquals", Map.of("aws:PrincipalArn", List.of(AGENT)),
                                        "StringEquals", Map.of("sts:ExternalId", "shop-api-7f3a"))))))));
    }

    @Test
    void grantsExactlyThePushActionsTheScanGateAndTheToken() {
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
    void withoutAnExternalIdTheTrustHasNoExternalIdCondition() {
        Stack stack = CodeBuildPublisherRoleTest.newStack(new App(), "NoExternalId");
        new JenkinsPublisherRole(stack, "P", JenkinsPublisherRoleProps.builder()
                .roleName("shop-dev-api-jenkins-publisher")
                .repositoryArns(List.of(API))
                .principalArns(List.of(AGENT, "arn:aws:iam::111111111111:role/jenkins-agent"))
                .build());
        Template.fromStack(stack).hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("AWS", List.of("arn:aws:iam::777777777777:root",
                                        "arn:aws:iam::111111111111:root")),
                                "Action", "sts:AssumeRole",
                                "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn",
                                        List.of(AGENT, "arn:aws:iam::111111111111:role/jenkins-agent")))))))));
    }

    @Test
    void failsOnAWildcardPrincipalNoPrincipalOrAMalformedExternalId() {
        Stack s = CodeBuildPublisherRoleTest.newStack(new App(), "Invalid");
        assertThatThrownBy(() -> new JenkinsPublisherRole(s, "P", JenkinsPublisherRoleProps.builder()
                .roleName("shop-dev-api-jenkins-publisher")
                .repositoryArns(List.of(API))
                .principalArns(List.of("arn:aws:iam::777777777777:role/*"))
                .externalId("x")
                .build()))
                .hasMessageContaining("principalArns[0] \"arn:aws:iam::777777777777:role/*\" is invalid: must be the literal ARN of one IAM role or user, without wildcards")
                .hasMessageContaining("externalId is invalid: STS takes 2 to 1224 characters");
        assertThatThrownBy(() -> new JenkinsPublisherRole(s, "Q", JenkinsPublisherRoleProps.builder()
                .roleName("shop-dev-api-jenkins-publisher")
                .repositoryArns(List.of(API))
                .build()))
                .hasMessageContaining("principalArns is empty: the role must name the principal the Jenkins agents run as");
    }
}
