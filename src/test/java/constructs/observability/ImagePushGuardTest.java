package constructs.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static constructs.observability.EventSamples.matches;
import static constructs.observability.EventSamples.putImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's synthesized pattern against AWS's CloudTrail samples, matched by EventBridge's Event Ruler. */
class ImagePushGuardTest {

    private static final String PROMOTER = "arn:aws:iam::111111111111:role/shop-prod-user-service-promoter";
    private static final String OTHER_PROMOTER = "arn:aws:iam::111111111111:role/shop-prod-order-service-promoter";
    private static Template template;
    private static Object pattern;

    @BeforeAll
    static void synth() {
        Stack stack = AlertTopicTest.stack("PushGuard");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        new ImagePushGuard(stack, "PushGuard", ImagePushGuardProps.builder()
                .alertTopic(topic).repositoryNamePrefix("shop/prod/").ruleNamePrefix("shop-prod")
                .allowedRoleArns(List.of(PROMOTER, OTHER_PROMOTER)).build());
        template = Template.fromStack(stack);
        pattern = EventSamples.pattern(template, "shop-prod-image-push-guard");
    }

    @Test
    void aPushByThePromoterDoesNotAlert() {
        assertThat(matches(pattern, putImage("shop/prod/user-service", PROMOTER))).isFalse();
        assertThat(matches(pattern, putImage("shop/prod/order-service", OTHER_PROMOTER))).isFalse();
    }

    @Test
    void aPushByAnotherRoleAlerts() {
        assertThat(matches(pattern, putImage("shop/prod/user-service",
                "arn:aws:iam::111111111111:role/shop-dev-user-service-publisher"))).isTrue();
        assertThat(matches(pattern, putImage("shop/prod/user-service", "arn:aws:iam::111111111111:role/Admin"))).isTrue();
    }

    @Test
    void aPushByAnIamUserAlertsThoughItHasNoSessionIssuer() {
        // AWS's sample: an IAM user's PutImage, whose userIdentity has no sessionContext.sessionIssuer.
        assertThat(matches(pattern, putImage("shop/prod/user-service", null))).isTrue();
    }

    @Test
    void anythingButAloneWouldMissAnIdentityWithoutSessionIssuer() {
        // Why the pattern has the userIdentity.type branch: EventBridge matches no field the event lacks.
        Map<String, Object> issuerOnly = Map.of("source", List.of("aws.ecr"), "detail", Map.of("userIdentity",
                Map.of("sessionContext", Map.of("sessionIssuer", Map.of("arn", List.of(Map.of("anything-but", List.of(PROMOTER))))))));
        assertThat(matches(issuerOnly, putImage("shop/prod/user-service", null))).isFalse();
    }

    @Test
    void pushesOutsideTheGuardedPrefixDoNotAlert() {
        // A pull-through cache lives under its own prefix; other environments under theirs.
        assertThat(matches(pattern, putImage("docker-hub/library/alpine", null))).isFalse();
        assertThat(matches(pattern, putImage("shop/staging/user-service", "arn:aws:iam::111111111111:role/Admin"))).isFalse();
    }

    @Test
    void ecrsOwnReplicationWriteIsNoPush() {
        // Made up (AWS documents no CloudTrail record of it): ECR writes replicas with its internal ReplicateImage API.
        ObjectNode replica = putImage("shop/prod/user-service", null);
        ObjectNode detail = (ObjectNode) replica.get("detail");
        detail.put("eventName", "ReplicateImage");
        ObjectNode identity = detail.putObject("userIdentity");
        identity.put("type", "AWSService");
        identity.put("invokedBy", "replication.ecr.amazonaws.com");
        assertThat(matches(pattern, replica)).isFalse();
    }

    @Test
    void theEcrPushEventIsNotACloudTrailEvent() {
        ObjectNode push = EventSamples.sample("ecr-image-push.json");
        ((ObjectNode) push.get("detail")).put("repository-name", "shop/prod/user-service");
        assertThat(matches(pattern, push)).isFalse();
    }

    @Test
    void reportsToTheTopicWhichAdmitsTheRule() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "shop-prod-image-push-guard",
                "Targets", List.of(Map.of("Id", "AlertTopic", "Arn", Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "AllowImagePushGuardRule",
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("PushGuard.*"), "Arn")))),
                                "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
    }

    @Test
    void failsWithoutAllowedRolesOrWithAnArnThatIsNoRole() {
        Stack stack = AlertTopicTest.stack("BadGuard");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        assertThatThrownBy(() -> new ImagePushGuard(stack, "Guard", ImagePushGuardProps.builder()
                .alertTopic(topic).repositoryNamePrefix("shop/prod/").build()))
                .hasMessage("ImagePushGuard: 1 problem(s):\n- allowedRoleArns is empty: give the role that may push"
                        + " (the promoter); without one every push alerts");
        assertThatThrownBy(() -> new ImagePushGuard(stack, "Guard2", ImagePushGuardProps.builder()
                .alertTopic(topic).repositoryNamePrefix("shop/prod/")
                .allowedRoleArns(List.of("arn:aws:sts::111111111111:assumed-role/Admin/me")).build()))
                .hasMessageContaining("allowedRoleArns entry \"arn:aws:sts::111111111111:assumed-role/Admin/me\" is not an IAM role ARN");
    }
}
