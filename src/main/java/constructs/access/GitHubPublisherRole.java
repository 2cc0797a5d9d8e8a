package constructs.access;

import constructs.internal.RoleLimits;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * The role a GitHub Actions workflow assumes through OIDC to push one service's images: no access
 * keys, a one-hour session, trust limited to the listed repository branches or environments, and
 * exactly {@link Persona#PUBLISHER}'s actions on the given repositories plus
 * {@code ecr:GetAuthorizationToken} on {@code *}, as a customer-managed policy.
 *
 * <pre>{@code
 * new GitHubPublisherRole(this, "ApiPublisher", GitHubPublisherRoleProps.builder()
 *         .roleName(GitHubPublisherRole.defaultRoleName("shop", "dev", "api"))
 *         .repositoryArns(List.of(apiRepository.getRepositoryArn()))
 *         .subjects(List.of(GitHubOidcProviderTrust.branchSubject("acme/shop-api", "main")))
 *         .build());
 * }</pre>
 */
public class GitHubPublisherRole extends PersonaRole {


    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public GitHubPublisherRole(Construct scope, String id, GitHubPublisherRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope repositories = RepositoryScope.of(props.repositoryArns(), props.repositoryPrefixArn());
        repositories.validate("repositoryArns", problems);
        GitHubOidcProviderTrust.validateSubjects("subjects", props.subjects(), props.allowSubjectWildcards(), null,
                problems);
        PersonaRoleSupport.validateSigningProfile(props.signingProfileArn(), problems);
        PersonaRoleSupport.validateCachePrefixes(props.pullThroughCachePrefixArns(), problems);
        if (props.oidcProviderArn() != null) {
            GitHubOidcProvider.validateArn("oidcProviderArn", props.oidcProviderArn(), problems);
        }
        String providerArn = props.oidcProviderArn() != null
                ? props.oidcProviderArn()
                : GitHubOidcProvider.arnInAccount(stackValues().account());
        built(PersonaRoleSupport.build(this, () -> "GitHubPublisherRole " + getNode().getPath(),
                Persona.PUBLISHER, props.roleName(), "Pushes images from GitHub Actions (OIDC)",
                problems.isEmpty() ? GitHubOidcProviderTrust.trustDocument(providerArn, props.subjects()) : null,
                List.of(new PersonaRoleSupport.RepositoryGrant("PushImages", "repositoryArns",
                                Persona.PUBLISHER.actions(), repositories),
                        // The publishing workflow waits for the scan of what it pushed and gates on it.
                        new PersonaRoleSupport.RepositoryGrant("ReadScanFindings", "repositoryArns",
                                Persona.PUBLISHER_SCAN_GATE_ACTIONS, repositories)),
                props.signingProfileArn(),
                new PersonaRoleSupport.Extras(props.pullThroughCachePrefixArns(), props.readInspectorFindings()), problems));
    }

    /**
     * {@code <platform>-<env>-<service>-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String environment, String service) {
        return platform + "-" + environment + "-" + service + "-publisher";
    }
}
