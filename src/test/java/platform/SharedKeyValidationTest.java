package platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code environments[].sharedKey}: off by default; refused where the shared key could not be referenced. */
class SharedKeyValidationTest {

    static final String TWO_IN_ONE_ACCOUNT = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
                sharedKey: true
              - name: staging
                account: "111111111111"
                region: eu-west-1
                profile: staging
            services:
              - name: api
            """;

    @Test
    void itIsOffUnlessTheEnvironmentSetsIt() {
        Platform platform = PlatformLoader.parse("platform.yaml", TWO_IN_ONE_ACCOUNT);
        assertThat(platform.environment("dev").orElseThrow().sharedKey()).isTrue();
        assertThat(platform.environment("staging").orElseThrow().sharedKey()).isFalse();
    }

    @Test
    void aDeliveryPipelineCannotReferenceTheRegistryStacksKeyFromAnotherStage() {
        assertThat(PlatformFileProblems.of(TWO_IN_ONE_ACCOUNT + """
                delivery:
                  account: "444444444444"
                  region: eu-west-1
                  connectionArn: arn:aws:codeconnections:eu-west-1:444444444444:connection/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9
                  repository: example-shop/platform
                  branch: main
                """)).containsExactly("environments[0].sharedKey (line 7): sharedKey is set, but the platform has a delivery"
                + " pipeline: the shared key lives in the registry stack of 111111111111 eu-west-1, which the pipeline may deploy"
                + " in a later stage than this environment, and stages cannot reference each other's keys. Hint: remove"
                + " sharedKey (each environment keeps its own key), or deploy this platform without delivery.");
    }
}
