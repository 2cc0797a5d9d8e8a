package stacks;

import software.amazon.awscdk.pipelines.CodePipelineActionFactoryResult;
import software.amazon.awscdk.pipelines.ICodePipelineActionFactory;
import software.amazon.awscdk.pipelines.ProduceActionOptions;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codepipeline.IStage;
import software.amazon.awscdk.services.codepipeline.actions.ManualApprovalAction;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * A manual approval that notifies an SNS topic when the pipeline reaches it. CDK Pipelines' {@code ManualApprovalStep}
 * has no topic; CodePipeline's manual approval action has ({@link ManualApprovalAction}), and this step produces it.
 * CodePipeline publishes with the pipeline's role, which the action grants {@code sns:Publish} on the topic.
 */
public class NotifyingApprovalStep extends Step implements ICodePipelineActionFactory {

    private final String comment;
    private final ITopic topic;

    /**
     * A manual approval that notifies a topic.
     *
     * @param id      the step's id, also the action's name
     * @param comment what the approver is asked, shown in the console and the notification
     * @param topic   the topic CodePipeline notifies when the pipeline reaches the approval
     */
    public NotifyingApprovalStep(String id, String comment, ITopic topic) {
        super(id);
        this.comment = comment;
        this.topic = topic;
    }

    /**
     * Adds CodePipeline's manual approval action with the topic to the stage.
     *
     * @param stage   the CodePipeline stage
     * @param options the action's name and run order
     * @return one run order consumed
     */
    @Override
    public CodePipelineActionFactoryResult produceAction(IStage stage, ProduceActionOptions options) {
        stage.addAction(ManualApprovalAction.Builder.create()
                .actionName(options.getActionName())
                .runOrder(options.getRunOrder())
                .additionalInformation(comment)
                .notificationTopic(topic)
                .build());
        return CodePipelineActionFactoryResult.builder().runOrdersConsumed(1).build();
    }
}
