package constructs.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one Lambda function aws-cdk-lib's {@code AwsCustomResource} puts in a stack (a singleton shared by every SDK
 * call of the stack), and what cdk-nag says about it, answered once. aws-cdk-lib 2.263.0 names it
 * {@code "AWS" + PROVIDER_FUNCTION_UUID} without dashes ({@code custom-resources/lib/aws-custom-resource}); revisit on
 * a major aws-cdk-lib upgrade.
 */
public final class SdkCallProvider {

    /** The construct id of the singleton function under its stack. */
    public static final String FUNCTION_ID = "AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "");

    /** The AWS managed policy aws-cdk-lib attaches to the function's role (CloudWatch Logs only). */
    static final String BASIC_EXECUTION_ROLE = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private SdkCallProvider() {
    }

    /**
     * The singleton function's {@code AWS::Lambda::Function}, once some {@code AwsCustomResource} created it.
     *
     * @param stack the stack
     * @return the function resource, or empty
     */
    public static Optional<CfnResource> function(Stack stack) {
        IConstruct function = stack.getNode().tryFindChild(FUNCTION_ID);
        return function == null ? Optional.empty()
                : Optional.ofNullable((CfnResource) function.getNode().tryFindChild("Resource"));
    }

    /**
     * The log group aws-cdk-lib creates for the singleton function (child {@code LogGroup}), once the function exists.
     *
     * @param stack the stack
     * @return the log group resource, or empty
     */
    public static Optional<CfnResource> logGroup(Stack stack) {
        IConstruct function = stack.getNode().tryFindChild(FUNCTION_ID);
        IConstruct logGroup = function == null ? null : function.getNode().tryFindChild("LogGroup");
        return logGroup == null ? Optional.empty() : Optional.ofNullable((CfnResource) logGroup.getNode().tryFindChild("Resource"));
    }

    /**
     * Answers cdk-nag's AwsSolutions findings on the singleton function, granularly and with reasons: the managed
     * policy of its role (CloudWatch Logs for its own log group, which Lambda names at run time) and its runtime,
     * which aws-cdk-lib chooses and bundles.
     *
     * @param stack the stack of the function
     */
    public static void answerNag(Stack stack) {
        IConstruct function = stack.getNode().tryFindChild(FUNCTION_ID);
        if (function == null || answered(function)) {
            return;
        }
        List<NagPackSuppression> suppressions = new ArrayList<>(List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("aws-cdk-lib's AwsCustomResource function writes its own logs through"
                                + " AWSLambdaBasicExecutionRole (logs:CreateLogGroup, CreateLogStream, PutLogEvents);"
                                + " its SDK calls are allowed by separate policies naming the exact actions.")
                        .appliesTo(List.of(BASIC_EXECUTION_ROLE)).build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("aws-cdk-lib chooses and bundles the AwsCustomResource handler's Node.js runtime; it"
                                + " moves with aws-cdk-lib upgrades.").build()));
        // The same findings under the NIST 800-53 R5, HIPAA and PCI DSS packs a platform file may select.
        for (String pack : ConformancePacks.RULE_PREFIXES) {
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaConcurrency")
                    .reason("Only CloudFormation invokes the function, once per custom resource of a deployment.").build());
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaDLQ")
                    .reason("A failed call fails the custom resource and CloudFormation rolls the deployment back;"
                            + " a dead-letter queue would hold events nobody replays.").build());
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaInsideVPC")
                    .reason("The function calls only AWS APIs (ECR, Amazon Inspector) and CloudFormation's response"
                            + " URL; it reaches no resource inside a VPC.").build());
            // The log group aws-cdk-lib gives the function (its child LogGroup).
            suppressions.add(NagPackSuppression.builder().id(pack + "-CloudWatchLogGroupEncrypted")
                    .reason("The log group holds only which SDK calls the function made, with request and response data"
                            + " hidden; CloudWatch Logs encrypts it at rest with its own key.").build());
        }
        NagSuppressions.addResourceSuppressions(function, suppressions, true);
    }

    /** Whether an earlier call already answered the function's findings (the suppressions are on its resource). */
    private static boolean answered(IConstruct function) {
        IConstruct resource = function.getNode().tryFindChild("Resource");
        return resource instanceof CfnResource cfn && String.valueOf(cfn.getMetadata("cdk_nag")).contains("AwsSolutions-L1");
    }

    /**
     * Suppresses AwsSolutions-IAM5 for {@code Resource::*} on the policy of one {@code AwsCustomResource}: for actions
     * the Service Authorization Reference lists without a resource type, {@code *} is the only resource IAM accepts.
     *
     * @param resource the custom resource
     * @param actions the actions its policy allows, named in the reason
     */
    public static void allowActionsWithoutResourceTypes(AwsCustomResource resource, List<String> actions) {
        List<NagPackSuppression> suppressions = new ArrayList<>();
        suppressions.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason(String.join(", ", actions) + ": no resource-level permissions (Service Authorization"
                        + " Reference), so IAM accepts only \"*\" as the resource.")
                .appliesTo(List.of("Resource::*")).build());
        for (String pack : ConformancePacks.RULE_PREFIXES) {
            suppressions.add(NagPackSuppression.builder().id(pack + "-IAMNoInlinePolicy")
                    .reason("aws-cdk-lib's AwsCustomResource attaches each call's policy to its function's role inline;"
                            + " the policy names exactly " + String.join(", ", actions) + ".").build());
        }
        NagSuppressions.addResourceSuppressions(resource, suppressions, true);
    }

    /**
     * A statement allowing exactly {@code actions} on {@code *}.
     *
     * @param actions IAM actions without resource types
     * @return the statement
     */
    public static PolicyStatement allowOnAnyResource(List<String> actions) {
        return PolicyStatement.Builder.create().actions(actions).resources(List.of("*")).build();
    }
}
