package constructs.repository;

import constructs.internal.Tokens;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The customer-managed KMS key that encrypts an environment's repositories at rest. One key per
 * environment, shared by its repositories (a key per repository multiplies cost and key policies without
 * separating anything: every repository of an environment is reached by the same roles).
 *
 * <p>The key policy has exactly three statements:
 * <ol>
 *   <li>{@value #SID_ROOT}: the account root may administer and use the key, so IAM policies work and the key
 *       can never be locked out;</li>
 *   <li>{@value #SID_ECR}: any principal of the account that creates the repositories may use the key, but only
 *       through ECR ({@code kms:ViaService} = {@code ecr.<region>.amazonaws.com}, {@code kms:CallerAccount}); this
 *       is how ECR creates the grant it encrypts and decrypts layers with;</li>
 *   <li>{@value #SID_DENY_GRANTS}: nobody may create a grant unless an AWS service asks for it
 *       ({@code kms:GrantIsForAWSResource}), AWS Control Tower CT.KMS.PR.3.</li>
 * </ol>
 * Pullers and pushers get no key permissions: ECR decrypts with its own grant (ECR user guide,
 * "Encryption at rest", https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html).
 *
 * <p>Rotation is on (CT.KMS.PR.1, cdk-nag AwsSolutions-KMS5); the key is symmetric, so CT.KMS.PR.2 (RSA key
 * length) does not apply.
 */
public class RepositoryKey extends Construct {

    /** Statement id of the key policy statement that lets the account's IAM policies grant use of the key. */
    public static final String SID_ROOT = "EnableIamPoliciesForAccountRoot";
    /** Statement id of the statement that lets ECR use the key for the account (through grants). */
    public static final String SID_ECR = "AllowUseThroughEcrForTheAccount";
    /** Statement id of the statement that denies grants not for AWS resources (CT.KMS.PR.3). */
    public static final String SID_DENY_GRANTS = "DenyGrantsNotForAwsResources";

    /**
     * What ECR needs to create its grant and encrypt/decrypt through it, spelled out (no wildcards).
     * Source: the key policy of the AWS managed key aws/ecr, ECR user guide "Encryption at rest".
     */
    public static final List<String> ECR_KEY_ACTIONS = List.of(
            "kms:CreateGrant",
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:Encrypt",
            "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext",
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo");

    private static final Pattern ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]+");
    private static final int ALIAS_MAX = 256;

    private final Key key;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RepositoryKey(Construct scope, String id, RepositoryKeyProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.removalPolicy() == null) {
            problems.add("removalPolicy is required: RETAIN keeps the key (and with it every image) when the stack "
                    + "is deleted, DESTROY schedules its deletion. Hint: RETAIN for prod, DESTROY for dev");
        } else if (props.removalPolicy() == RemovalPolicy.SNAPSHOT) {
            problems.add("removalPolicy " + props.removalPolicy() + " is not supported for a repository key: "
                    + "use RETAIN_ON_UPDATE_OR_DELETE (a rolled-back first create leaves nothing behind), RETAIN or DESTROY");
        }
        String alias = props.alias() == null ? null : aliasName(props.alias());
        if (alias != null && !Tokens.isUnresolved(alias)) {
            if (!ALIAS.matcher(alias).matches() || alias.length() > ALIAS_MAX) {
                problems.add("alias \"" + props.alias() + "\" is invalid: must be at most " + ALIAS_MAX
                        + " characters of [a-zA-Z0-9/_-] after \"alias/\". Hint: use \"shop-dev-ecr\"");
            } else if (alias.startsWith("alias/aws/")) {
                problems.add("alias \"" + props.alias() + "\" is invalid: the prefix \"alias/aws/\" is reserved "
                        + "for AWS managed keys. Hint: use \"shop-dev-ecr\"");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }

        Stack stack = Stack.of(this);
        Key.Builder builder = Key.Builder.create(this, "Resource")
                .description(props.description() != null ? props.description()
                        : "Encrypts the Amazon ECR repositories of stack " + stack.getStackName() + " at rest")
                .enableKeyRotation(true)
                .policy(keyPolicy(stack.getAccount(), stack.getRegion()))
                .removalPolicy(props.removalPolicy());
        if (alias != null) {
            builder.alias(alias);
        }
        this.key = builder.build();
    }

    /**
     * The key, to pass to {@link PrivateRepositoryProps.Builder#encryptionKey(IKey)}.
     *
     * @return the key, to pass to {@link PrivateRepositoryProps.Builder#encryptionKey(IKey)}
     */
    public IKey key() {
        return key;
    }

    /**
     * The key's ARN.
     *
     * @return the key ARN
     */
    public String keyArn() {
        return key.getKeyArn();
    }

    static String aliasName(String alias) {
        return alias.startsWith("alias/") ? alias : "alias/" + alias;
    }

    static PolicyDocument keyPolicy(String account, String region) {
        PolicyStatement root = PolicyStatement.Builder.create()
                .sid(SID_ROOT)
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:*"))
                .resources(List.of("*"))
                .build();
        PolicyStatement ecr = PolicyStatement.Builder.create()
                .sid(SID_ECR)
                .effect(Effect.ALLOW)
                .principals(List.of(new AnyPrincipal()))
                .actions(ECR_KEY_ACTIONS)
                .resources(List.of("*"))
                // Sorted: Map.of's order changes between JVMs, and the template must not.
                .conditions(Map.of("StringEquals", new TreeMap<>(Map.of(
                        "kms:CallerAccount", account,
                        "kms:ViaService", "ecr." + region + ".amazonaws.com"))))
                .build();
        PolicyStatement denyGrants = PolicyStatement.Builder.create()
                .sid(SID_DENY_GRANTS)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:CreateGrant"))
                .resources(List.of("*"))
                .conditions(Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "false")))
                .build();
        return PolicyDocument.Builder.create().statements(List.of(root, ecr, denyGrants)).build();
    }
}
