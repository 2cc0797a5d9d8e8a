package constructs.registry;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.kms.Key;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrySettingsNagTest {

    @Test
    void registryWithTemplatesPassesAwsSolutionsWithOnlyTheScopedWildcardSuppressed() {
        Stack stack = RegistryTestSupport.stack("222222222222", "eu-west-1");
        new RegistrySettings(stack, "Registry", RegistrySettingsProps.builder()
                .encryptionKey(Key.Builder.create(stack, "Key").enableKeyRotation(true).build())
                .contribution(RegistrySettingsTest.environment("prod", RegistrySettingsTest.PROD_DOCKER))
                .build());
        Aspects.of(stack).add(AwsSolutionsChecks.Builder.create().verbose(true).build());

        List<?> errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<?> warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

        assertThat(errors).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
