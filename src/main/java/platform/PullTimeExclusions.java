package platform;

import java.util.List;

/**
 * Principals whose pulls do not update an image's last recorded pull time ({@code AWS::ECR::PullTimeUpdateExclusion}),
 * so that the pull-based lifecycle rules (release and promotion images move to archive when unpulled) see only the
 * workloads that run images.
 *
 * @param roleArns IAM roles excluded in the registry of every environment, e.g. a scanner or a cache warmer that
 *                 pulls every image. Default: none
 * @param ownRoles also exclude the roles this project creates that pull without running anything: each environment's
 *                 promoter, in the registry of the environment it promotes from. Default: false
 */
public record PullTimeExclusions(
        @Field(pattern = NameFormats.ROLE_ARN, value = "IAM roles whose pulls do not count as use (scanners, cache warmers), in the registry of every environment. Default: none.")
        List<String> roleArns,
        @Field("Also exclude the promoter roles this project creates, in the registry they promote from: a promotion reads an image without running it. Default: false.")
        boolean ownRoles) {

    /**
     * Copies the list; a missing list is empty.
     *
     * @param roleArns IAM roles excluded in the registry of every environment. Default: none
     * @param ownRoles also exclude each environment's promoter in the registry it promotes from. Default: false
     */
    public PullTimeExclusions {
        roleArns = roleArns == null ? List.of() : List.copyOf(roleArns);
    }
}
