package compliance.rules;

import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.jsii.Kernel;
import software.amazon.jsii.NativeType;
import software.constructs.IConstruct;
import stacks.PlatformStacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLeavesTest {

    private static final Object PROXY = new Object() {
        @Override
        public String toString() {
            return "a jsii proxy";
        }
    };

    @Test
    void onlyTokenLeavesAreResolvedAndPutBackInPlace() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "plain");
        properties.put("arn", "arn:${Token[AWS.Partition.1]}:ecr");
        properties.put("key", PROXY);
        properties.put("subnets", List.of("#{Token[TOKEN.7]}"));
        properties.put("count", -1.8881545897087626e+289);
        properties.put("nested", Map.of("flag", true, "gone", PROXY));
        List<List<Object>> calls = new ArrayList<>();

        List<Object> resolved = TokenLeaves.resolve(List.of(properties, "${Token[TOKEN.9]}"), leaves -> {
            calls.add(leaves);
            return new ArrayList<>(Arrays.asList(Map.of("leaf", "ARN"), Map.of("leaf", Map.of("Fn::GetAtt", List.of("Key", "Arn"))),
                    Map.of("leaf", List.of("subnet-1")), Map.of("leaf", 3), Map.of(), Map.of("leaf", "Logical")));
        });

        assertThat(calls).containsExactly(Stream.of("arn:${Token[AWS.Partition.1]}:ecr", PROXY, List.of("#{Token[TOKEN.7]}"),
                -1.8881545897087626e+289, PROXY, "${Token[TOKEN.9]}").map(leaf -> (Object) Map.of("leaf", leaf)).toList());
        assertThat(resolved).containsExactly(Map.of("name", "plain", "arn", "ARN", "key", Map.of("Fn::GetAtt", List.of("Key", "Arn")),
                "subnets", List.of("subnet-1"), "count", 3, "nested", Map.of("flag", true)), "Logical");
    }

    @Test
    void withoutTokensNodeIsNotAsked() {
        List<Object> resolved = TokenLeaves.resolve(List.of(Map.of("a", List.of(1, "b"))), leaves -> {
            throw new AssertionError("no call expected");
        });
        assertThat(resolved).containsExactly(Map.of("a", List.of(1, "b")));
    }

    /** Against the real thing: every resource of the default example resolves as Stack.resolve of the whole bag. */
    @Test
    void matchesStackResolveOfTheWholePropertyBagOnTheDefaultExample() {
        App app = new App();
        Platform platform = PlatformLoader.load(Path.of("examples", "ecommerce", "platform.yaml"));
        PlatformStacks.create(app, platform, "examples/ecommerce/platform.yaml");
        int compared = 0;
        for (IConstruct construct : app.getNode().findAll()) {
            if (construct instanceof Stack stack) {
                List<Object> raw = new ArrayList<>();
                for (IConstruct child : stack.getNode().findAll()) {
                    if (child instanceof CfnResource resource && Stack.of(resource) == stack) {
                        raw.add(Kernel.get(resource, "cfnProperties", NativeType.forClass(Object.class)));
                        raw.add(resource.getLogicalId());
                    }
                }
                Object whole = stack.resolve(raw);
                assertThat(TokenLeaves.resolve(raw, leaves -> new ArrayList<>((List<?>) stack.resolve(leaves))))
                        .as(stack.getStackName()).isEqualTo(whole);
                compared += raw.size() / 2;
            }
        }
        assertThat(compared).as("resources compared").isGreaterThan(50);
    }
}
