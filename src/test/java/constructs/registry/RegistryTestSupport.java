package constructs.registry;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/** A fresh stack with a fixed environment; the App is new so each test synthesizes its own tree. */
final class RegistryTestSupport {

    private RegistryTestSupport() {
    }

    static Stack stack() {
        return stack("222222222222", "eu-west-1");
    }

    static Stack stack(String account, String region) {
        return new Stack(new App(), "Registry", StackProps.builder()
                .env(Environment.builder().account(account).region(region).build()).build());
    }
}
