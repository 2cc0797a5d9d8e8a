package constructs.access;

import constructs.internal.RoleLimits;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The role that promotes one digest from the source environment into its own (the target): it may pull
 * from the source repositories ({@link Persona#PROMOTER_SOURCE_ACTIONS}) and push to the target
 * repositories ({@link Persona#PROMOTER_TARGET_ACTIONS}), nothing more: no delete, no other repository.
 * GitHub Actions assumes it through OIDC only from the target's GitHub environment
 * ({@code repo:<org>/<repo>:environment:<target>}), so that environment's required reviewers gate every
 * promotion.
 *
 * <pre>{@code
 * new PromoterRole(this, "ApiPromoter", PromoterRoleProps.builder()
 *         .roleName(PromoterRole.defaultRoleName("shop", "prod", "api"))
 *         .sourceRepositoryArns(List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/staging/api"))
 *         .targetRepositoryArns(List.of(prodApi.getRepositoryArn()))
 *         .githubRepositories(List.of("acme/shop-api"))
 *         .githubEnvironment("prod")
 *         .build());
 * }</pre>
 */
public class PromoterRole extends PersonaRole {


    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PromoterRole(Construct scope, String id, PromoterRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope source = RepositoryScope.of(props.sourceRepositoryArns(), props.sourceRepositoryPrefixArn());
        source.validate("sourceRepositoryArns", problems);
        RepositoryScope target = RepositoryScope.of(props.targetRepositoryArns(), props.targetRepositoryPrefixArn());
        target.validate("targetRepositoryArns", problems);
        List<String> subjects = new ArrayList<>();
        boolean github = !props.githubRepositories().isEmpty() || props.pipelinePrincipalArns().isEmpty();
        if (github && (props.githubEnvironment() == null || props.githubEnvironment().isBlank())) {
            problems.add("githubEnvironment is required: a promoter is assumed only from the target's GitHub "
                    + "environment, whose required reviewers gate the promotion. Hint: \"prod\"");
        } else if (github) {
            props.githubRepositories().forEach(r -> subjects.add(
                    GitHubOidcProviderTrust.environmentSubject(r, props.githubEnvironment())));
            GitHubOidcProviderTrust.validateSubjects("githubRepositories (as subjects)", subjects, false,
                    props.githubEnvironment(), problems);
        }
        JenkinsPublisherRole.validatePrincipals("pipelinePrincipalArns", props.pipelinePrincipalArns(), problems);
        if (props.oidcProviderArn() != null) {
            GitHubOidcProvider.validateArn("oidcProviderArn", props.oidcProviderArn(), problems);
        }
        PersonaRoleSupport.validateSigningProfile(props.signingProfileArn(), problems);
        String providerArn = props.oidcProviderArn() != null
                ? props.oidcProviderArn()
                : GitHubOidcProvider.arnInAccount(stackValues().account());
        List<Map<String, Object>> trust = new ArrayList<>();
        if (problems.isEmpty() && github) {
            trust.addAll(GitHubOidcProviderTrust.statements(GitHubOidcProviderTrust.trustDocument(providerArn, subjects)));
        }
        if (problems.isEmpty() && !props.pipelinePrincipalArns().isEmpty()) {
            // The pipeline's promotion builds, by role through the account root: the role lives in the first
            // environment's account (ARCHITECTURE.md: a principal that may not exist yet is named this way).
            trust.addAll(GitHubOidcProviderTrust.statements(
                    JenkinsPublisherRole.principalTrust(props.pipelinePrincipalArns(), null)));
        }
        String from = github && !props.pipelinePrincipalArns().isEmpty() ? "GitHub Actions (OIDC) and image pipelines"
                : github ? "GitHub Actions (OIDC)" : "image pipelines";
        built(PersonaRoleSupport.build(this, () -> "PromoterRole " + getNode().getPath(), Persona.PROMOTER,
                props.roleName(), "Promotes image digests" + (props.githubEnvironment() == null ? "" : " into "
                        + props.githubEnvironment()) + " from " + from,
                problems.isEmpty() ? PersonaRoleSupport.document(trust) : null,
                List.of(new PersonaRoleSupport.RepositoryGrant("PullFromSource", "sourceRepositoryArns",
                                Persona.PROMOTER_SOURCE_ACTIONS, source),
                        new PersonaRoleSupport.RepositoryGrant("PushToTarget", "targetRepositoryArns",
                                Persona.PROMOTER_TARGET_ACTIONS, target)),
                props.signingProfileArn(), PersonaRoleSupport.Extras.NONE, problems));
    }

    /**
     * {@code <platform>-<target env>-<service>-promoter}.
     *
     * @param platform the platform name, as in the platform file
     * @param targetEnvironment the environment the images are promoted into
     * @param service the service name, as in the platform file
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String targetEnvironment, String service) {
        return platform + "-" + targetEnvironment + "-" + service + "-promoter";
    }
}
