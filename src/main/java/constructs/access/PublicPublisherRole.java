package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.StackValues;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub Actions role that pushes released images to ECR Public: the
 * {@link Persona#PUBLIC_PUBLISHER} actions on the given public repositories, and the ECR Public
 * login actions on {@code *} (they have no resource). Trust as {@link GitHubPublisherRole}'s.
 */
public class PublicPublisherRole extends Construct {

    private final CfnRole role;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PublicPublisherRole(Construct scope, String id, PublicPublisherRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        GitHubOidcProviderTrust.validateSubjects("subjects", props.subjects(), false, null, problems);
        if (props.repositoryArns().isEmpty()) {
            problems.add("repositoryArns is empty: a public publisher pushes to at least one ECR Public repository");
        }
        if (!problems.isEmpty()) {
            RoleLimits.throwIfAny("PublicPublisherRole " + getNode().getPath(), problems);
        }
        String account = StackValues.of(scope).account();

        this.role = CfnRole.Builder.create(this, "Resource")
                .roleName(props.roleName())
                .description("Pushes released images to ECR Public from GitHub Actions (OIDC)")
                .assumeRolePolicyDocument(GitHubOidcProviderTrust.trustDocument(
                        GitHubOidcProvider.arnInAccount(account), props.subjects()))
                .maxSessionDuration(RoleLimits.MAX_SESSION_SECONDS)
                .tags(List.of(CfnTag.builder().key(Persona.TAG_KEY).value(Persona.PUBLIC_PUBLISHER.tagValue()).build()))
                .build();
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("Sid", "PushPublicImages");
        push.put("Effect", "Allow");
        push.put("Action", Persona.PUBLIC_PUBLISHER.actions());
        push.put("Resource", props.repositoryArns());
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("Sid", "LogInToEcrPublic");
        login.put("Effect", "Allow");
        login.put("Action", Persona.PUBLIC_LOGIN_ACTIONS);
        login.put("Resource", "*");
        CfnManagedPolicy policy = CfnManagedPolicy.Builder.create(this, "Policy")
                .description("ecr-blueprint " + Persona.PUBLIC_PUBLISHER.tagValue() + " permissions of " + props.roleName())
                .policyDocument(new java.util.TreeMap<>(Map.of("Version", "2012-10-17", "Statement", List.of(push, login))))
                .roles(List.of(role.getRef()))
                .build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken have no resource type and are only grantable on *.")
                .appliesTo(List.of("Resource::*"))
                .build()));
    }

    /**
     * The role's ARN.
     *
     * @return the role ARN
     */
    public String roleArn() {
        return role.getAttrArn();
    }
}
