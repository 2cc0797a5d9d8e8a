package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.Tokens;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service role of CodeBuild projects that push one service's images: trusted by
 * {@code codebuild.amazonaws.com} only for the listed projects of this account ({@code aws:SourceAccount}
 * and {@code aws:SourceArn}, against the confused deputy), with exactly {@link Persona#PUBLISHER}'s
 * actions on the given repositories plus {@code ecr:GetAuthorizationToken} on {@code *}.
 *
 * <p>The build itself needs more (logs, source, artifacts): those belong to the project's owner and
 * are attached to this role as further managed policies, not granted here.
 *
 * <p>Source: https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
 */
public class CodeBuildPublisherRole extends PersonaRole {

    /** The service principal CodeBuild assumes the role as. */
    public static final String SERVICE = "codebuild.amazonaws.com";

    private static final Pattern PROJECT_ARN = Pattern.compile(
            "arn:aws[a-z-]*:codebuild:[a-z0-9-]+:(\\d{12}):project/[A-Za-z0-9][A-Za-z0-9_-]{1,254}");


    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public CodeBuildPublisherRole(Construct scope, String id, CodeBuildPublisherRoleProps props) {
        super(scope, id);
        String account = stackValues().account();
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope repositories = RepositoryScope.of(props.repositoryArns(), props.repositoryPrefixArn());
        repositories.validate("repositoryArns", problems);
        validateProjects(props.projectArns(), account, problems);
        PersonaRoleSupport.validateSigningProfile(props.signingProfileArn(), problems);
        PersonaRoleSupport.validateCachePrefixes(props.pullThroughCachePrefixArns(), problems);

        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", account));
        condition.put("ArnLike", Map.of("aws:SourceArn", props.projectArns()));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", SERVICE));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", condition);

        built(PersonaRoleSupport.build(this, () -> "CodeBuildPublisherRole " + getNode().getPath(),
                Persona.PUBLISHER, props.roleName(), "Pushes images from CodeBuild",
                PersonaRoleSupport.document(List.of(statement)),
                List.of(new PersonaRoleSupport.RepositoryGrant("PushImages", "repositoryArns",
                                Persona.PUBLISHER.actions(), repositories),
                        // The publishing workflow waits for the scan of what it pushed and gates on it.
                        new PersonaRoleSupport.RepositoryGrant("ReadScanFindings", "repositoryArns",
                                Persona.PUBLISHER_SCAN_GATE_ACTIONS, repositories)),
                props.signingProfileArn(),
                new PersonaRoleSupport.Extras(props.pullThroughCachePrefixArns(), props.readInspectorFindings()), problems));
    }

    private static void validateProjects(List<String> projectArns, String account, List<String> problems) {
        if (projectArns.isEmpty()) {
            problems.add("projectArns is empty: the role must name the CodeBuild projects that may use it. Hint: "
                    + "\"arn:aws:codebuild:eu-west-1:111111111111:project/shop-api\"");
        }
        for (int i = 0; i < projectArns.size(); i++) {
            String arn = projectArns.get(i);
            if (arn == null || Tokens.isUnresolved(arn)) {
                continue;
            }
            Matcher m = PROJECT_ARN.matcher(arn);
            if (!m.matches()) {
                problems.add("projectArns[" + i + "] \"" + arn + "\" is invalid: must be one CodeBuild project's ARN, "
                        + "without wildcards. Hint: \"arn:aws:codebuild:eu-west-1:111111111111:project/shop-api\"");
            } else if (!Tokens.isUnresolved(account) && !m.group(1).equals(account)) {
                problems.add("projectArns[" + i + "] \"" + arn + "\" is in account " + m.group(1) + ", not the role's "
                        + "account " + account + ": CodeBuild only uses service roles of its own account. Hint: "
                        + "create the role in the project's account");
            }
        }
    }

    /**
     * {@code <platform>-<env>-<service>-codebuild-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String environment, String service) {
        return platform + "-" + environment + "-" + service + "-codebuild-publisher";
    }
}
