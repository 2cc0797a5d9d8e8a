package stacks;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The app {@link NodeDeepStackIT} runs in a JVM of its own, with jsii's Node started through
 * {@code bin/node-deep-stack}. It prints the command lines of the JVM's child processes (which show whether
 * jsii's kernel runs directly or behind jsii's relay) and synthesizes one stack whose warning the CDK's
 * validation report prints from Node: console output that must reach the JVM's stderr intact.
 * Arguments: the output directory.
 */
public final class JsiiKernelProbeApp {

    public static void main(String[] args) {
        App app = new App(AppProps.builder()
                .outdir(args[0])
                .context(Map.of("@aws-cdk/core:annotationsInValidationReport", true))
                .build());
        Stack stack = new Stack(app, "Probe");
        CfnOutput.Builder.create(stack, "Greeting").value("hello from the probe").build();
        Annotations.of(stack).addWarningV2("probe:warning", "a warning with ünïcödé, printed by Node's console");
        System.out.println("children: " + ProcessHandle.current().children()
                .map(child -> child.info().commandLine().orElse("?"))
                .collect(Collectors.joining(" | ")));
        app.synth();
    }
}
