package platform;

import java.util.List;

/** A service of the platform; it gets one repository in every environment. */
public record Service(
        @Field(required = true, pattern = NameFormats.NAME, value = "The service name, the last segment of its repository names.")
        String name,
        @Field("The owning team, written as a tag. Default: no team tag.")
        String team,
        @Field(key = "public", value = "Also publish the service's images in an ECR Public repository (us-east-1). Default: false.")
        boolean publicRepository,
        @Field("public: catalog data of the ECR Public repository. Default: none (the repository is created without catalog text).")
        PublicCatalog catalog,
        @Field("Target platforms of the image build: linux/amd64, linux/arm64. Default: [linux/amd64].")
        List<ImageArchitecture> architectures,
        @Field("The image runs on AWS Lambda (one architecture, repository in the function's region). Default: false.")
        boolean lambda,
        @Field(pattern = NameFormats.TAG_PREFIX, value = "Tag prefixes that stay mutable in an otherwise immutable repository (IMMUTABLE_WITH_EXCLUSION). Default: none.")
        List<String> tagMutabilityExclusions,
        @Field("Why this service needs tagMutabilityExclusions where the profile requires immutable tags. Default: none, and then exclusions are rejected there.")
        String overrideReason,
        @Field("Changes to the environment profile for this service's repositories. Default: none.")
        ProfileOverrides overrides,
        @Field("Who pushes this service's images. Default: none.")
        List<Publisher> publishers,
        @Field("Escape hatch: an ECR lifecycle policy (JSON text, as `aws ecr get-lifecycle-policy` returns it) that replaces"
                + " the generated one for this service's repositories in every environment; checked against ECR's rules."
                + " Default: the policy generated from the profile and tagging.")
        String lifecyclePolicy,
        @Field("Escape hatch: extra repository-policy statements (JSON text of an array of statements: Sid, Effect, Principal,"
                + " Action or NotAction, Condition; no Resource) added to this service's repositories in every environment."
                + " Default: none.")
        String repositoryPolicyStatements) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param name the service name, the last segment of its repository names.
     * @param team the owning team, written as a tag. Default: no team tag.
     * @param publicRepository also publish the service's images in an ECR Public repository (us-east-1). Default: false.
     * @param catalog public: catalog data of the ECR Public repository. Default: none (the repository is created without catalog text).
     * @param architectures target platforms of the image build: linux/amd64, linux/arm64. Default: [linux/amd64].
     * @param lambda the image runs on AWS Lambda (one architecture, repository in the function's region). Default: false.
     * @param tagMutabilityExclusions tag prefixes that stay mutable in an otherwise immutable repository (IMMUTABLE_WITH_EXCLUSION). Default: none.
     * @param overrideReason why this service needs tagMutabilityExclusions where the profile requires immutable tags. Default: none, and then exclusions are rejected there.
     * @param overrides changes to the environment profile for this service's repositories. Default: none.
     * @param publishers who pushes this service's images. Default: none.
     * @param lifecyclePolicy escape hatch: a lifecycle policy (JSON text) replacing the generated one. Default: the generated policy.
     * @param repositoryPolicyStatements escape hatch: extra repository-policy statements (JSON text of an array). Default: none.
     */
    public Service {
        architectures = architectures == null || architectures.isEmpty() ? List.of(ImageArchitecture.LINUX_AMD64) : List.copyOf(architectures);
        tagMutabilityExclusions = tagMutabilityExclusions == null ? List.of() : List.copyOf(tagMutabilityExclusions);
        overrides = overrides == null ? ProfileOverrides.NONE : overrides;
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
    }

    /**
     * A service without escape hatches (before {@code lifecyclePolicy} and {@code repositoryPolicyStatements}).
     *
     * @param name the service name
     * @param team the owning team
     * @param publicRepository also publish in an ECR Public repository
     * @param catalog catalog data of the ECR Public repository
     * @param architectures target platforms of the image build
     * @param lambda the image runs on AWS Lambda
     * @param tagMutabilityExclusions tag prefixes that stay mutable
     * @param overrideReason why the service needs tagMutabilityExclusions
     * @param overrides changes to the environment profile
     * @param publishers who pushes this service's images
     */
    public Service(String name, String team, boolean publicRepository, PublicCatalog catalog, List<ImageArchitecture> architectures,
                   boolean lambda, List<String> tagMutabilityExclusions, String overrideReason, ProfileOverrides overrides,
                   List<Publisher> publishers) {
        this(name, team, publicRepository, catalog, architectures, lambda, tagMutabilityExclusions, overrideReason, overrides,
                publishers, null, null);
    }

    /**
     * Whether the image's architectures suit where it runs: a Lambda function runs one architecture, so a Lambda image
     * is built for exactly one. The one rule for the validator and the generated publish workflows.
     *
     * @return false for a Lambda service with more than one architecture
     */
    public boolean architecturesFitRuntime() {
        return !lambda || architectures.size() == 1;
    }

    /**
     * A service with only a name and a team.
     *
     * @param name the service name
     * @param team the owning team, or {@code null}
     * @return a service with only a name and a team
     */
    public static Service of(String name, String team) {
        return new Service(name, team, false, null, null, false, null, null, null, null);
    }
}
