package constructs.access;

import java.util.List;

/**
 * Properties of a {@link PublicPublisherRole}.
 *
 * @param roleName       explicit, at most 64 characters: the public repository's policy names it
 * @param repositoryArns the ECR Public repositories it may push to ({@code arn:aws:ecr-public::<account>:repository/<name>})
 * @param subjects       GitHub OIDC subjects allowed to assume it, e.g. {@code repo:example-shop/cli:ref:refs/heads/main}
 */
public record PublicPublisherRoleProps(String roleName, List<String> repositoryArns, List<String> subjects) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param roleName explicit, at most 64 characters: the public repository's policy names it
     * @param repositoryArns the ECR Public repositories it may push to ({@code arn:aws:ecr-public::<account>:repository/<name>})
     * @param subjects GitHub OIDC subjects allowed to assume it, e.g. {@code repo:example-shop/cli:ref:refs/heads/main}
     */
    public PublicPublisherRoleProps {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
