package constructs.registry;

import constructs.internal.Tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnRegistryPolicy;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's permissions policy (one per account and region), e.g. in a replication
 * destination's registry stack to let the source account replicate. The rendered policy is
 * checked against ECR's 10,240-character limit at synth time.
 */
public class RegistryPolicy extends Construct {

    /** PutRegistryPolicy policyText: at most 10,240 characters. */
    public static final int MAX_POLICY_LENGTH = limits.AwsLimits.ECR_POLICY_TEXT;

    private static final ObjectMapper JSON = new ObjectMapper();
    // Longest plausible values, used to size a policy whose stack has no concrete environment.
    private static final String WIDEST_PARTITION = "aws-iso-b";
    private static final String WIDEST_REGION = "ap-southeast-5";

    private final RegistryPolicyProps props;
    private final CfnRegistryPolicy resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryPolicy(Construct scope, String id, RegistryPolicyProps props) {
        super(scope, id);
        this.props = props;
        List<String> problems = new ArrayList<>(props.problems(""));
        Stack stack = Stack.of(this);
        if (problems.isEmpty()) {
            int length = length(props, stack.getRegion(), stack.getAccount());
            if (length > MAX_POLICY_LENGTH) {
                problems.add("statements render a policy of " + length + " characters: ECR accepts at most "
                        + MAX_POLICY_LENGTH + ". Hint: merge statements of the same account, or use fewer repository prefixes");
            }
        }
        RegistryValidation.throwIfAny(problems);
        this.resource = CfnRegistryPolicy.Builder.create(this, "Resource")
                .policyText(document(props, stack.getPartition(), stack.getRegion(), stack.getAccount()))
                .build();
    }

    /**
     * The characters ECR counts against {@link #MAX_POLICY_LENGTH} for a policy of these statements in the registry of
     * {@code account} and {@code region}: the partition is counted at its widest, as are a region or account that are
     * unresolved tokens. This construct's check and the platform file's (package {@code stacks}, run by
     * {@code validate}) both measure with this.
     *
     * @param props the statements
     * @param region the registry's region (a token allowed)
     * @param account the registry's account (a token allowed)
     * @return the policy's length in characters
     */
    public static int length(RegistryPolicyProps props, String region, String account) {
        return render(props, WIDEST_PARTITION, Tokens.isUnresolved(region) ? WIDEST_REGION : region,
                Tokens.isUnresolved(account) ? "000000000000" : account).length();
    }

    static Map<String, Object> document(RegistryPolicyProps props, String partition, String region, String account) {
        List<Object> statements = new ArrayList<>();
        for (RegistryPolicyStatement s : props.statements()) {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("Sid", s.sid());
            statement.put("Effect", "Allow");
            statement.put("Principal", Map.of("AWS", "arn:" + partition + ":iam::" + s.principalAccount() + ":root"));
            statement.put("Action", s.actions().stream().map(RegistryPolicyAction::iamAction).sorted().toList());
            String repositories = "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/";
            statement.put("Resource", s.repositoryPrefixes().isEmpty()
                    ? List.of(repositories + "*")
                    : s.repositoryPrefixes().stream().map(p -> repositories + p + "/*").toList());
            if (!s.principalArnPatterns().isEmpty()) {
                statement.put("Condition", Map.of("ArnLike", Map.of("aws:PrincipalArn", s.principalArnPatterns())));
            }
            statements.add(statement);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    static String render(RegistryPolicyProps props, String partition, String region, String account) {
        try {
            return JSON.writeValueAsString(document(props, partition, region, account));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render registry policy", e);
        }
    }

    /**
     * The props the policy was created with.
     *
     * @return the props
     */
    public RegistryPolicyProps props() {
        return props;
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::RegistryPolicy}
     */
    public CfnRegistryPolicy resource() {
        return resource;
    }
}
