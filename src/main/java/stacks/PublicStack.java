package stacks;

import constructs.access.GitHubOidcProviderTrust;
import constructs.access.PublicPublisherRole;
import constructs.access.PublicPublisherRoleProps;
import constructs.repository.PublicRepository;
import constructs.repository.PublicRepositoryProps;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.PublicCatalog;
import platform.Publisher;
import platform.PublisherType;
import platform.Service;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's ECR Public repositories, in us-east-1 (the only region of ECR Public), in the
 * account of the last environment of the promotion order: only released images go public. Other
 * stacks refer to them by deterministic name and ARN, never by cross-region reference.
 *
 * <p>Construct ids are API: each repository is the service name.
 */
public class PublicStack extends Stack {

    /**
     * The ECR Public repositories (in us-east-1) of the platform's public services and their publishers.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param platform the platform, as loaded from the platform file
     * @param releaseEnvironment the environment whose account holds the stack
     * @param services the public services
     */
    public PublicStack(Construct scope, String id, Platform platform, EnvironmentSpec releaseEnvironment, List<Service> services) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(software.amazon.awscdk.Environment.builder()
                        .account(releaseEnvironment.account()).region(PublicRepository.REGION).build())
                .description("ecr-blueprint: public repositories of " + platform.name())
                .terminationProtection(platform.profile(releaseEnvironment).terminationProtection())
                .build());
        for (Service service : services) {
            String roleName = RoleNames.publicPublisher(platform.name(), service.name());
            new PublicRepository(this, service.name(), PublicRepositoryProps.builder()
                    .repositoryName(platform.name() + "/" + service.name())
                    .catalogData(catalog(platform, service))
                    .publisher(releaseEnvironment.account(), roleName)
                    .tags(Map.of("platform", platform.name(), "service", service.name(), "managed-by", "ecr-blueprint"))
                    .retain(true)
                    .build());
            List<String> subjects = new ArrayList<>();
            for (Publisher publisher : service.publishers()) {
                if (publisher.type() == PublisherType.GITHUB) {
                    // Public images come from the release environment, gated by its reviewers.
                    subjects.add(GitHubOidcProviderTrust.environmentSubject(publisher.repository(), releaseEnvironment.name()));
                }
            }
            new PublicPublisherRole(this, service.name() + "-publisher", new PublicPublisherRoleProps(roleName,
                    List.of(PublicRepository.arn(releaseEnvironment.account(), platform.name() + "/" + service.name())),
                    subjects));
        }
    }

    /** The file's catalog text where given, else a description of what the repository holds and how to pull it. */
    private static PublicRepositoryProps.CatalogData catalog(Platform platform, Service service) {
        String name = platform.name() + "/" + service.name();
        PublicCatalog written = service.catalog();
        String description = written != null && written.description() != null ? written.description()
                : service.name() + " of " + platform.name();
        String about = written != null && written.about() != null ? written.about()
                : "# " + service.name() + "\n\nReleased images of " + name
                        + ", built once and promoted by digest; tags are immutable release versions.";
        String usage = written != null && written.usage() != null ? written.usage()
                : "Pull a release by tag or, better, by digest:\n\n    docker pull public.ecr.aws/<registry-alias>/" + name + ":<version>";
        List<String> operatingSystems = written != null && !written.operatingSystems().isEmpty()
                ? written.operatingSystems() : List.of("Linux");
        return new PublicRepositoryProps.CatalogData(description, about, usage, architectures(service), operatingSystems);
    }

    private static List<String> architectures(Service service) {
        List<String> gallery = new ArrayList<>();
        service.architectures().forEach(a -> gallery.add(a.name().contains("ARM") ? "ARM 64" : "x86-64"));
        return gallery.isEmpty() ? List.of("x86-64") : gallery;
    }
}
