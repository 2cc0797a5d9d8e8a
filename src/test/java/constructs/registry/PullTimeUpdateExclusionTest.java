package constructs.registry;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullTimeUpdateExclusionTest {

    @Test
    void rendersThePrincipal() {
        Stack stack = RegistryTestSupport.stack();
        new PullTimeUpdateExclusion(stack, "Promoter",
                PullTimeUpdateExclusionProps.of("arn:aws:iam::222222222222:role/shop-prod-promoter"));
        Template.fromStack(stack).hasResourceProperties("AWS::ECR::PullTimeUpdateExclusion",
                Map.of("PrincipalArn", "arn:aws:iam::222222222222:role/shop-prod-promoter"));
    }

    @Test
    void failsOnAWildcardPrincipal() {
        assertThatThrownBy(() -> new PullTimeUpdateExclusion(RegistryTestSupport.stack(), "X",
                PullTimeUpdateExclusionProps.of("arn:aws:iam::222222222222:role/ci-*")))
                .hasMessage("principalArn \"arn:aws:iam::222222222222:role/ci-*\" is invalid: must be the ARN of an IAM"
                        + " role or user (at most 200 characters, no wildcards). Hint: e.g."
                        + " \"arn:aws:iam::111111111111:role/shop-dev-promoter\"");
    }

    @Test
    void failsOnAnAccountRoot() {
        assertThatThrownBy(() -> new PullTimeUpdateExclusion(RegistryTestSupport.stack(), "X",
                PullTimeUpdateExclusionProps.of("arn:aws:iam::222222222222:root")))
                .hasMessageStartingWith("principalArn \"arn:aws:iam::222222222222:root\" is invalid");
    }
}
