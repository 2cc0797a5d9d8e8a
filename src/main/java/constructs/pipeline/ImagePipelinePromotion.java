package constructs.pipeline;

/**
 * One promotion stage of an {@link ImagePipeline}: a manual approval, then a CodeBuild build that assumes the target
 * environment's promoter role and copies the built digest there.
 *
 * @param environment     the target environment's name, in the stage name ({@code Promote-<environment>})
 * @param promoterRoleArn the promoter role of the target environment; its trust must admit the pipeline's promotion role
 * @param buildSpecPath   the promotion buildspec in the source repository (generated with the service's other CI files)
 */
public record ImagePipelinePromotion(String environment, String promoterRoleArn, String buildSpecPath) {
}
