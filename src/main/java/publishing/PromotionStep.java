package publishing;

/**
 * One promotion of a service's image into the next environment.
 *
 * @param target          the target environment's name; also the GitHub environment whose reviewers gate the job
 * @param region          the target environment's region
 * @param sourceRegion    the source environment's region
 * @param sourceRegistry  the source environment's registry host ({@link RegistryHost}, IPv4 or dual-stack as the
 *                        workflow's publish job pushed)
 * @param sourceRepository the source repository name
 * @param targetRegistry  the target environment's registry host
 * @param targetRepository the target repository name
 * @param promoterRoleArn the role CI assumes for this step ({@code shop-prod-promoter})
 */
public record PromotionStep(String target, String region, String sourceRegion, String sourceRegistry, String sourceRepository,
                            String targetRegistry, String targetRepository, String promoterRoleArn) {

    public String sourceUri() {
        return sourceRegistry + "/" + sourceRepository;
    }

    public String targetUri() {
        return targetRegistry + "/" + targetRepository;
    }
}
