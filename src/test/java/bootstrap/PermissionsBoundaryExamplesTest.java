package bootstrap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import stacks.ExampleAssemblies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * delivery.permissionsBoundary reaches every IAM role through the CDK's own mechanism (the pipeline stack's and the
 * stages' {@code permissionsBoundary}): read from every template of the synthesized examples, CDK Pipelines' own roles
 * included.
 */
@Tag("validated")
class PermissionsBoundaryExamplesTest {

    @Test
    void everyRoleOfEveryStackOfTheDeliveryExampleCarriesTheBoundaryOfItsOwnAccount() {
        List<String> checked = new ArrayList<>();
        for (DeployedStack stack : BootstrapPlan.stacks(ExampleAssemblies.of("delivery"))) {
            List<String> roles = new ArrayList<>();
            stack.template().path("Resources").fields().forEachRemaining(e -> {
                if (e.getValue().path("Type").asText().matches("AWS::IAM::(Role|User)")) {
                    roles.add(stack.name() + "/" + e.getKey());
                }
            });
            if (roles.isEmpty()) {
                continue;
            }
            // fails when any role of the stack has none
            assertThat(ExecutionPolicy.permissionsBoundaries(stack.account(), List.of(stack))).as(stack.name())
                    .isEqualTo(Set.of("arn:aws:iam::" + stack.account() + ":policy/ecr-blueprint-boundary"));
            checked.addAll(roles);
        }
        assertThat(checked).as("roles of the pipeline, dev, staging and prod").hasSizeGreaterThan(20)
                .anyMatch(r -> r.startsWith("shop-delivery/Pipeline"))
                .anyMatch(r -> r.startsWith("shop-prod/"))
                .anyMatch(r -> r.startsWith("shop-dev/"));
    }

    @Test
    void anAccountWhoseRolesDoNotAllCarryTheBoundaryGetsNoPolicyButAnErrorNamingThem() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        DeployedStack bounded = new DeployedStack("shop-a", "111111111111", "eu-west-1", true, json.readTree("""
                {"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"PermissionsBoundary":
                  {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::111111111111:policy/b"]]}}}}}"""));
        DeployedStack open = new DeployedStack("shop-b", "111111111111", "eu-west-1", true, json.readTree("""
                {"Resources": {"Free": {"Type": "AWS::IAM::Role", "Properties": {}}}}"""));
        assertThat(ExecutionPolicy.permissionsBoundaries("111111111111", List.of(bounded)))
                .containsExactly("arn:aws:iam::111111111111:policy/b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExecutionPolicy.of("111111111111", "shop", List.of(bounded, open)))
                .hasMessageStartingWith("account 111111111111: some roles carry the permissions boundary"
                        + " [arn:aws:iam::111111111111:policy/b] and these none: [shop-b/Free].");
    }

    @Test
    void withoutABoundaryInThePlatformFileNoRoleCarriesOne() {
        for (DeployedStack stack : BootstrapPlan.stacks(ExampleAssemblies.of("multi-account"))) {
            assertThat(ExecutionPolicy.permissionsBoundaries(stack.account(), List.of(stack))).as(stack.name()).isEmpty();
        }
    }
}
