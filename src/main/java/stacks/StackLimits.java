package stacks;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.constructs.IConstruct;
import software.constructs.IValidation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The CloudFormation quotas of one stack, checked at synthesis instead of learned from a failed
 * deployment. Source: "Understand CloudFormation quotas",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 * (500 resources, 200 outputs, 200 parameters, a template body of 1 MB in an S3 object; the CDK
 * always uploads templates to the bootstrap bucket, so the S3 limit is the one that applies).
 *
 * <p>Resource, output and parameter counts are a node validation of each stack (they fail
 * {@code cdk synth} with the validation report); the template size is only known once the template is
 * written, so {@link #checkTemplates(CloudAssembly)} checks it on the cloud assembly.
 *
 * @param resources     most resources in one template
 * @param outputs       most outputs in one template
 * @param parameters    most parameters in one template
 * @param templateBytes largest template body
 */
public record StackLimits(int resources, int outputs, int parameters, long templateBytes) {

    /** CloudFormation's quotas. Tests may pass lower numbers to cross a limit with a small stack. */
    public static final StackLimits CLOUDFORMATION = new StackLimits(500, 200, 200, 1_000_000);

    /** What one stack holds, measured. */
    public record Counts(int resources, int outputs, int parameters) {
    }

    /**
     * Every quota {@code counts} breaks, one message each naming the stack, the measured value, the
     * limit and the fix; empty when the stack fits.
     *
     * @param stackName the CloudFormation stack name
     * @param counts what the stack declares ({@link #count})
     * @return every quota {@code counts} breaks, one message each naming the stack, the measured value, the limit and the fix
     */
    public List<String> problems(String stackName, Counts counts) {
        List<String> problems = new ArrayList<>();
        if (counts.resources() > resources) {
            problems.add("stack " + stackName + " has " + counts.resources() + " resources: CloudFormation allows at most "
                    + resources + " in one stack. " + SHARD_HINT);
        }
        if (counts.outputs() > outputs) {
            problems.add("stack " + stackName + " has " + counts.outputs() + " outputs: CloudFormation allows at most "
                    + outputs + " in one stack (each repository exports 3). " + SHARD_HINT
                    + ", or set repositoryOutputs: false in it");
        }
        if (counts.parameters() > parameters) {
            problems.add("stack " + stackName + " has " + counts.parameters() + " parameters: CloudFormation allows at most "
                    + parameters + " in one stack. Hint: pass values as construct props, not CfnParameters");
        }
        return problems;
    }

    /**
     * The problem of a template of {@code bytes}, or {@code null} when it fits.
     *
     * @param stackName the CloudFormation stack name
     * @param bytes the template's size
     * @return the problem of a template of {@code bytes}, or {@code null} when it fits
     */
    public String templateProblem(String stackName, long bytes) {
        return bytes <= templateBytes ? null
                : "stack " + stackName + " has a template of " + bytes + " bytes: CloudFormation accepts at most "
                + templateBytes + " bytes. " + SHARD_HINT;
    }

    static final String SHARD_HINT = "Hint: shard the environment with a shard map (shards.yaml next to the platform "
            + "file, docs/scale.md) or lower its capacity";

    /**
     * Adds the count check to every stack under {@code scope}, including stacks inside stages.
     *
     * @param scope the parent construct
     */
    public void addToEveryStack(IConstruct scope) {
        for (IConstruct construct : scope.getNode().findAll()) {
            if (construct instanceof Stack stack) {
                stack.getNode().addValidation(new Check(stack, this));
            }
        }
    }

    /**
     * What {@code stack} declares itself; constructs of nested stacks and stages count towards their own.
     * One {@code findAll} per scope rather than a call per construct: each call crosses to Node.
     *
     * @param stack the stack
     * @return what {@code stack} declares itself
     */
    public static Counts count(Stack stack) {
        List<IConstruct> all = stack.getNode().findAll();
        Set<IConstruct> elsewhere = Collections.newSetFromMap(new IdentityHashMap<>());
        int resources = 0;
        int outputs = 0;
        int parameters = 0;
        // findAll is pre-order: a nested stack or stage comes before everything it holds.
        for (IConstruct construct : all) {
            if (construct == stack || elsewhere.contains(construct)) {
                continue;
            }
            if (construct instanceof Stack || construct instanceof Stage) {
                elsewhere.addAll(construct.getNode().findAll());
            } else if (construct instanceof CfnResource) {
                resources++;
            } else if (construct instanceof CfnOutput) {
                outputs++;
            } else if (construct instanceof CfnParameter) {
                parameters++;
            }
        }
        return new Counts(resources, outputs, parameters);
    }

    /**
     * Fails when a template of the assembly (and of its nested assemblies, the pipeline's stages) is
     * larger than {@link #templateBytes}.
     *
     * @throws IllegalStateException naming every stack that is too large, its size and the fix
     * @param assembly the synthesized cloud assembly
     */
    public void checkTemplates(CloudAssembly assembly) {
        List<String> problems = new ArrayList<>();
        collect(assembly, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    private void collect(CloudAssembly assembly, List<String> problems) {
        for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
            try {
                String problem = templateProblem(stack.getStackName(), Files.size(Path.of(stack.getTemplateFullPath())));
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Check(Stack stack, StackLimits limits) implements IValidation {
        @Override
        public List<String> validate() {
            return limits.problems(stack.getStackName(), count(stack));
        }
    }
}
