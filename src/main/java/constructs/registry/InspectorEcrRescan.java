package constructs.registry;

import constructs.internal.SdkCallProvider;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.Logging;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon Inspector's ECR re-scan durations of its stack's account and region ({@code inspector2:UpdateConfiguration},
 * {@code ecrConfiguration}), through aws-cdk-lib's {@code AwsCustomResource}: no CloudFormation resource type writes
 * them. The push-date duration the account had before is read once, when the construct is first deployed (child
 * {@code Previous}, {@code inspector2:GetConfiguration}), and written back on delete; the pull-date settings keep the
 * values written here, since Inspector may not report them and a missing attribute would block the deletion.
 *
 * <p>Inspector applies the configuration of a delegated administrator to its member accounts, and a member account
 * cannot change it: deploy this where Inspector is administered. One owner per account and region (the registry
 * stack); its role may call exactly {@value #GET_ACTION} and {@value #UPDATE_ACTION}.
 * Source: https://docs.aws.amazon.com/inspector/v2/APIReference/API_UpdateConfiguration.html
 */
public class InspectorEcrRescan extends Construct {

    /** Reads the configuration. */
    public static final String GET_ACTION = "inspector2:GetConfiguration";
    /** Writes the configuration. */
    public static final String UPDATE_ACTION = "inspector2:UpdateConfiguration";
    /** The CloudFormation type of the configuration's custom resource. */
    public static final String RESOURCE_TYPE = "Custom::InspectorEcrRescan";
    /** The CloudFormation type of the custom resource holding the duration before. */
    public static final String PREVIOUS_RESOURCE_TYPE = "Custom::InspectorEcrRescanPrevious";
    /** Where GetConfiguration reports the push-date duration. */
    static final String PREVIOUS_PATH = "ecrConfiguration.rescanDurationState.rescanDuration";

    private final AwsCustomResource configuration;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @param props the durations
     */
    public InspectorEcrRescan(Construct scope, String id, InspectorEcrRescanProps props) {
        super(scope, id);
        validate(props);
        AwsCustomResource previous = AwsCustomResource.Builder.create(this, "Previous")
                .resourceType(PREVIOUS_RESOURCE_TYPE)
                .installLatestAwsSdk(false)
                .onCreate(AwsSdkCall.builder().service("Inspector2").action("GetConfiguration")
                        .outputPaths(List.of(PREVIOUS_PATH))
                        .logging(Logging.withDataHidden())
                        .physicalResourceId(PhysicalResourceId.of("previous-ecr-rescan"))
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(SdkCallProvider.allowOnAnyResource(List.of(GET_ACTION)))))
                .build();
        Map<String, String> ecr = new LinkedHashMap<>();
        ecr.put("rescanDuration", props.rescanDuration());
        if (props.pullDateRescanDuration() != null) {
            ecr.put("pullDateRescanDuration", props.pullDateRescanDuration());
        }
        if (props.pullDateRescanMode() != null) {
            ecr.put("pullDateRescanMode", props.pullDateRescanMode());
        }
        AwsSdkCall update = AwsSdkCall.builder().service("Inspector2").action("UpdateConfiguration")
                .parameters(Map.of("ecrConfiguration", ecr))
                .logging(Logging.withDataHidden())
                .physicalResourceId(PhysicalResourceId.of("ecr-rescan"))
                .build();
        configuration = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType(RESOURCE_TYPE)
                .installLatestAwsSdk(false)
                .onCreate(update)
                .onUpdate(update)
                .onDelete(AwsSdkCall.builder().service("Inspector2").action("UpdateConfiguration")
                        .parameters(Map.of("ecrConfiguration", Map.of("rescanDuration", previous.getResponseField(PREVIOUS_PATH))))
                        .logging(Logging.withDataHidden())
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(SdkCallProvider.allowOnAnyResource(List.of(UPDATE_ACTION)))))
                .build();
        SdkCallProvider.allowActionsWithoutResourceTypes(previous, List.of(GET_ACTION));
        SdkCallProvider.allowActionsWithoutResourceTypes(configuration, List.of(UPDATE_ACTION));
        SdkCallProvider.answerNag(Stack.of(this));
    }

    /**
     * The custom resource that writes the configuration.
     *
     * @return the custom resource
     */
    public AwsCustomResource getResource() {
        return configuration;
    }

    static void validate(InspectorEcrRescanProps props) {
        List<String> problems = new ArrayList<>();
        if (props == null || props.rescanDuration() == null) {
            problems.add("rescanDuration is missing: Inspector requires it. Hint: one of " + InspectorEcrRescanProps.RESCAN_DURATIONS);
        } else {
            check(problems, "rescanDuration", props.rescanDuration(), InspectorEcrRescanProps.RESCAN_DURATIONS);
            check(problems, "pullDateRescanDuration", props.pullDateRescanDuration(), InspectorEcrRescanProps.PULL_DATE_RESCAN_DURATIONS);
            check(problems, "pullDateRescanMode", props.pullDateRescanMode(), InspectorEcrRescanProps.PULL_DATE_RESCAN_MODES);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("InspectorEcrRescan: " + String.join("; ", problems));
        }
    }

    private static void check(List<String> problems, String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(field + " \"" + value + "\" is not an Inspector value. Hint: one of " + allowed);
        }
    }
}
