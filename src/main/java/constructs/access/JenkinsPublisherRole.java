package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.Tokens;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role Jenkins agents assume to push one service's images. The agents already run as an AWS principal (an EC2
 * instance profile's role, an EKS pod role, or a role they assume themselves), possibly in another account: the
 * trust names that account's root with an {@code ArnEquals aws:PrincipalArn} condition on the given principals, so
 * the policy is valid even before the principal exists and only that principal matches; with an external id,
 * {@code StringEquals sts:ExternalId} too. The role holds exactly {@link Persona#PUBLISHER}'s actions on the given
 * repositories, the scan-gate reads and {@code ecr:GetAuthorizationToken} on {@code *}.
 *
 * <p>Across accounts the principal's own account must also allow it {@code sts:AssumeRole} on this role.
 *
 * <p>Sources: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn ,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
 *
 * <pre>{@code
 * new JenkinsPublisherRole(this, "ApiJenkinsPublisher", JenkinsPublisherRoleProps.builder()
 *         .roleName(JenkinsPublisherRole.defaultRoleName("shop", "dev", "api"))
 *         .repositoryArns(List.of(apiRepository.getRepositoryArn()))
 *         .principalArns(List.of("arn:aws:iam::333333333333:role/jenkins-agent"))
 *         .build());
 * }</pre>
 */
public class JenkinsPublisherRole extends PersonaRole {

    /** The condition key holding the calling principal's ARN (a role session's is its role's ARN). */
    public static final String PRINCIPAL_ARN_KEY = "aws:PrincipalArn";
    /** The condition key of the external id the caller passes to {@code sts:AssumeRole}. */
    public static final String EXTERNAL_ID_KEY = "sts:ExternalId";

    private static final Pattern PRINCIPAL_ARN = Pattern.compile(
            "arn:(aws[a-z-]*):iam::(\\d{12}):(role|user)/[A-Za-z0-9+=,.@_/-]+");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_+=,.@:/-]{2,1224}");

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public JenkinsPublisherRole(Construct scope, String id, JenkinsPublisherRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope repositories = RepositoryScope.of(props.repositoryArns(), props.repositoryPrefixArn());
        repositories.validate("repositoryArns", problems);
        validatePrincipals(props.principalArns(), problems);
        if (props.externalId() != null && !Tokens.isUnresolved(props.externalId())
                && !EXTERNAL_ID.matcher(props.externalId()).matches()) {
            problems.add("externalId is invalid: STS takes 2 to 1224 characters of letters, digits and +=,.@:/-_. "
                    + "Hint: a value the Jenkins administrator generates, e.g. a UUID");
        }
        PersonaRoleSupport.validateSigningProfile(props.signingProfileArn(), problems);
        PersonaRoleSupport.validateCachePrefixes(props.pullThroughCachePrefixArns(), problems);
        built(PersonaRoleSupport.build(this, () -> "JenkinsPublisherRole " + getNode().getPath(),
                Persona.PUBLISHER, props.roleName(), "Pushes images from Jenkins agents",
                problems.isEmpty() ? trust(props) : null,
                List.of(new PersonaRoleSupport.RepositoryGrant("PushImages", "repositoryArns",
                                Persona.PUBLISHER.actions(), repositories),
                        // The generated Jenkinsfile waits for the scan of what it pushed and gates on it.
                        new PersonaRoleSupport.RepositoryGrant("ReadScanFindings", "repositoryArns",
                                Persona.PUBLISHER_SCAN_GATE_ACTIONS, repositories)),
                props.signingProfileArn(),
                new PersonaRoleSupport.Extras(props.pullThroughCachePrefixArns(), props.readInspectorFindings()), problems));
    }

    /** The accounts' roots as principals, narrowed to the exact principals by {@code aws:PrincipalArn}. */
    private static Map<String, Object> trust(JenkinsPublisherRoleProps props) {
        return principalTrust(props.principalArns(), props.externalId());
    }

    /** The accounts' roots of {@code principalArns}, narrowed to exactly those by {@code aws:PrincipalArn}; externalId may be null. */
    static Map<String, Object> principalTrust(List<String> principalArns, String externalId) {
        Set<String> roots = new LinkedHashSet<>();
        for (String arn : principalArns) {
            Matcher m = PRINCIPAL_ARN.matcher(arn);
            if (m.matches()) {
                roots.add("arn:" + m.group(1) + ":iam::" + m.group(2) + ":root");
            }
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("ArnEquals", Map.of(PRINCIPAL_ARN_KEY, List.copyOf(principalArns)));
        if (externalId != null) {
            condition.put("StringEquals", Map.of(EXTERNAL_ID_KEY, externalId));
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", roots.size() == 1 ? roots.iterator().next() : List.copyOf(roots)));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", condition);
        return PersonaRoleSupport.document(List.of(statement));
    }

    private static void validatePrincipals(List<String> principalArns, List<String> problems) {
        validatePrincipals("principalArns", principalArns, problems);
    }

    /** Each of {@code principalArns} (the field {@code field}) is the literal ARN of one IAM role or user. */
    static void validatePrincipals(String field, List<String> principalArns, List<String> problems) {
        if (principalArns.isEmpty() && field.equals("principalArns")) {
            problems.add("principalArns is empty: the role must name the principal the Jenkins agents run as. Hint: "
                    + "\"arn:aws:iam::333333333333:role/jenkins-agent\"");
        }
        for (int i = 0; i < principalArns.size(); i++) {
            String arn = principalArns.get(i);
            if (arn == null || Tokens.isUnresolved(arn) || !PRINCIPAL_ARN.matcher(arn).matches()) {
                // A token cannot be checked, nor turned into its account's root: the trust needs literal ARNs.
                problems.add(field + "[" + i + "] \"" + arn + "\" is invalid: must be the literal ARN of one IAM role "
                        + "or user, without wildcards. Hint: \"arn:aws:iam::333333333333:role/jenkins-agent\"");
            }
        }
    }

    /**
     * {@code <platform>-<env>-<service>-jenkins-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String environment, String service) {
        return platform + "-" + environment + "-" + service + "-jenkins-publisher";
    }
}
