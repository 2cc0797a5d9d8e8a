package constructs.registry;

import constructs.internal.SdkCallProvider;
import constructs.internal.Tokens;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.Logging;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ECR account setting of the registry of its stack's account and region ({@link AccountSettingName}), written
 * with {@code ecr:PutAccountSetting} through aws-cdk-lib's {@code AwsCustomResource}, since no CloudFormation resource
 * type exists for it. The value the registry had before is read once, when the construct is first deployed (child
 * {@code Previous}, {@code ecr:GetAccountSetting}), and written back when the construct is deleted; a previous value
 * ECR no longer accepts (the retired {@code CLAIR} engine) is left as ECR has it then.
 *
 * <p>An account setting exists once per account and region: exactly one stack may own it (the registry stack, when
 * the platform file says the setting is managed there). The construct adds the stack's {@code AwsCustomResource}
 * function, whose cdk-nag findings it answers ({@link SdkCallProvider}); its role may call exactly
 * {@value #GET_ACTION} and {@value #PUT_ACTION}.
 */
public class EcrAccountSetting extends Construct {

    /** Reads a setting. Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAccountSetting.html */
    public static final String GET_ACTION = "ecr:GetAccountSetting";
    /** Writes a setting. Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutAccountSetting.html */
    public static final String PUT_ACTION = "ecr:PutAccountSetting";
    /** The CloudFormation type of the setting's custom resource. */
    public static final String RESOURCE_TYPE = "Custom::EcrAccountSetting";
    /** The CloudFormation type of the custom resource holding the value before. */
    public static final String PREVIOUS_RESOURCE_TYPE = "Custom::EcrAccountSettingPrevious";

    private final AwsCustomResource setting;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @param props the setting and its value
     */
    public EcrAccountSetting(Construct scope, String id, EcrAccountSettingProps props) {
        super(scope, id);
        validate(props);
        String name = props.name().name();
        // Created once: no onUpdate, so an update never replaces the remembered value with ours.
        AwsCustomResource previous = AwsCustomResource.Builder.create(this, "Previous")
                .resourceType(PREVIOUS_RESOURCE_TYPE)
                .installLatestAwsSdk(false)
                .onCreate(AwsSdkCall.builder().service("ECR").action("GetAccountSetting")
                        .parameters(Map.of("name", name))
                        .outputPaths(List.of("value"))
                        .logging(Logging.withDataHidden())
                        .physicalResourceId(PhysicalResourceId.of("previous-" + name))
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(SdkCallProvider.allowOnAnyResource(List.of(GET_ACTION)))))
                .build();
        AwsSdkCall put = AwsSdkCall.builder().service("ECR").action("PutAccountSetting")
                .parameters(nameAndValue(name, props.value()))
                .logging(Logging.withDataHidden())
                .physicalResourceId(PhysicalResourceId.of(name))
                .build();
        setting = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType(RESOURCE_TYPE)
                .installLatestAwsSdk(false)
                .onCreate(put)
                .onUpdate(put)
                .onDelete(AwsSdkCall.builder().service("ECR").action("PutAccountSetting")
                        .parameters(nameAndValue(name, previous.getResponseField("value")))
                        .ignoreErrorCodesMatching("InvalidParameterException|ValidationException")
                        .logging(Logging.withDataHidden())
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(SdkCallProvider.allowOnAnyResource(List.of(PUT_ACTION)))))
                .build();
        SdkCallProvider.allowActionsWithoutResourceTypes(previous, List.of(GET_ACTION));
        SdkCallProvider.allowActionsWithoutResourceTypes(setting, List.of(PUT_ACTION));
        SdkCallProvider.answerNag(Stack.of(this));
    }

    /**
     * The custom resource that writes the setting.
     *
     * @return the custom resource
     */
    public AwsCustomResource getResource() {
        return setting;
    }

    /** In this order: the call's JSON is part of the template, and {@code Map.of} iterates in a per-JVM order. */
    private static Map<String, String> nameAndValue(String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", name);
        parameters.put("value", value);
        return parameters;
    }

    static void validate(EcrAccountSettingProps props) {
        if (props == null || props.name() == null) {
            throw new IllegalArgumentException("EcrAccountSetting: name is missing. Hint: one of "
                    + List.of(AccountSettingName.values()));
        }
        String value = props.value();
        if (value == null || (!Tokens.isUnresolved(value) && !props.name().allowedValues().contains(value))) {
            throw new IllegalArgumentException("EcrAccountSetting: value \"" + value + "\" is not a value of "
                    + props.name() + ". Hint: one of " + props.name().allowedValues());
        }
    }
}
