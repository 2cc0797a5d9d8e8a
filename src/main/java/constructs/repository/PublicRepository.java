package constructs.repository;

import constructs.access.Persona;
import constructs.internal.StackValues;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnPublicRepository;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A repository in Amazon ECR Public, which exists only in us-east-1. Anyone may pull; only the
 * named CI publisher role may push. Catalog data and tags are required.
 *
 * <p>Other stacks refer to it by its deterministic name and ARN
 * ({@code arn:aws:ecr-public::<account>:repository/<name>}), never through cross-region references,
 * which would add custom-resource Lambdas.
 */
public class PublicRepository extends Construct {

    /** The only region ECR Public exists in. */
    public static final String REGION = "us-east-1";

    /** Push to a public repository: the {@link Persona#PUBLIC_PUBLISHER} actions. */
    public static final List<String> PUSH_ACTIONS = Persona.PUBLIC_PUBLISHER.actions();

    static final Set<String> GALLERY_ARCHITECTURES = Set.of("ARM", "ARM 64", "x86", "x86-64");
    static final Set<String> GALLERY_OPERATING_SYSTEMS = Set.copyOf(limits.AwsFormats.ECR_PUBLIC_OPERATING_SYSTEMS);
    /** ECR Public CreateRepository: 2..205 characters. */
    private static final Pattern NAME = Pattern.compile("(?=.{2," + limits.AwsLimits.ECR_PUBLIC_REPOSITORY_NAME + "}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1," + limits.AwsLimits.IAM_ROLE_NAME + "}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String repositoryName;
    private final String repositoryArn;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PublicRepository(Construct scope, String id, PublicRepositoryProps props) {
        super(scope, id);
        validate(props);
        StackValues stack = StackValues.of(scope);
        this.repositoryName = props.repositoryName();
        this.repositoryArn = "arn:" + stack.partition() + ":ecr-public::" + stack.account() + ":repository/" + repositoryName;


        var catalog = props.catalogData();
        var resource = CfnPublicRepository.Builder.create(this, "Resource")
                .repositoryName(repositoryName)
                .repositoryCatalogData(catalogJson(catalog))
                .repositoryPolicyText(policy(stack.partition(), props.publisherAccount(), props.publisherRoleName()))
                .tags(new TreeMap<>(props.tags()).entrySet().stream()
                        .map(e -> CfnTag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
        resource.applyRemovalPolicy(props.retain() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);

        CfnOutput.Builder.create(this, "RepositoryArn").value(repositoryArn)
                .description("ARN of the public repository " + repositoryName).build();
    }

    /**
     * The deterministic ARN other stacks and roles use: {@code arn:aws:ecr-public::<account>:repository/<name>}.
     *
     * @param account the AWS account id (12 digits)
     * @param repositoryName the repository name
     * @return the deterministic ARN other stacks and roles use
     */
    public static String arn(String account, String repositoryName) {
        return "arn:aws:ecr-public::" + account + ":repository/" + repositoryName;
    }

    /**
     * The repository's name.
     *
     * @return the repository name
     */
    public String repositoryName() {
        return repositoryName;
    }

    /**
     * The repository's ARN.
     *
     * @return the repository ARN
     */
    public String repositoryArn() {
        return repositoryArn;
    }

    static void validate(PublicRepositoryProps props) {
        List<String> problems = new ArrayList<>();
        if (props.repositoryName() == null || !NAME.matcher(props.repositoryName()).matches()) {
            problems.add("repositoryName \"" + props.repositoryName() + "\" is invalid: must be 2 to 205 characters of"
                    + " lowercase path segments separated by '.', '_', '-' or '/'. Hint: name the service, e.g. \"shop/user-service\"");
        }
        var catalog = props.catalogData();
        if (catalog == null) {
            problems.add("catalogData is missing: a public repository must describe its images in the ECR Public Gallery."
                    + " Hint: set description, aboutText, usageText, architectures and operatingSystems");
        } else {
            requireText(problems, "catalogData.description", catalog.description(), limits.AwsLimits.ECR_PUBLIC_DESCRIPTION);
            requireText(problems, "catalogData.aboutText", catalog.aboutText(), limits.AwsLimits.ECR_PUBLIC_TEXT);
            requireText(problems, "catalogData.usageText", catalog.usageText(), limits.AwsLimits.ECR_PUBLIC_TEXT);
            checkValues(problems, "catalogData.architectures", catalog.architectures(), GALLERY_ARCHITECTURES);
            checkValues(problems, "catalogData.operatingSystems", catalog.operatingSystems(), GALLERY_OPERATING_SYSTEMS);
        }
        if (props.tags().isEmpty()) {
            problems.add("tags is empty: a public repository must be tagged (Security Hub ECR.4)."
                    + " Hint: the stacks add platform, service and managed-by tags");
        }
        if (props.publisherAccount() == null || !ACCOUNT.matcher(props.publisherAccount()).matches()) {
            problems.add("publisherAccount \"" + props.publisherAccount() + "\" is invalid: must be a 12-digit AWS account id");
        }
        if (props.publisherRoleName() == null || !ROLE_NAME.matcher(props.publisherRoleName()).matches()) {
            problems.add("publisherRoleName \"" + props.publisherRoleName() + "\" is invalid: must be an IAM role name"
                    + " of 1 to 64 characters of letters, digits and +=,.@_-");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("PublicRepository " + props.repositoryName() + ": "
                    + String.join("; ", problems));
        }
    }

    private static void requireText(List<String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing: the ECR Public Gallery shows it to every user. Hint: write one in Markdown");
        } else if (value.length() > max) {
            problems.add(field + " has " + value.length() + " characters: at most " + max + " are accepted by ECR Public");
        }
    }

    private static void checkValues(List<String> problems, String field, List<String> values, Set<String> allowed) {
        if (values.isEmpty()) {
            problems.add(field + " is empty: the ECR Public Gallery filters by it. Hint: one or more of " + new java.util.TreeSet<>(allowed));
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                problems.add(field + " value \"" + value + "\" is not one the ECR Public Gallery shows: use one of "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static Map<String, Object> catalogJson(PublicRepositoryProps.CatalogData catalog) {
        Map<String, Object> data = new TreeMap<>();
        data.put("RepositoryDescription", catalog.description());
        data.put("AboutText", catalog.aboutText());
        data.put("UsageText", catalog.usageText());
        data.put("Architectures", catalog.architectures());
        data.put("OperatingSystems", catalog.operatingSystems());
        return data;
    }

    /**
     * Push for the publisher role only, named through its account root and {@code aws:PrincipalArn}:
     * ECR rejects a policy naming a role that does not exist yet. Pull is public by nature.
     */
    static ObjectNode policy(String partition, String account, String roleName) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode push = statements.addObject();
        push.put("Sid", "PushFromCiPublisherOnly");
        push.put("Effect", "Allow");
        push.putObject("Principal").put("AWS", "arn:" + partition + ":iam::" + account + ":root");
        ArrayNode actions = push.putArray("Action");
        PUSH_ACTIONS.forEach(actions::add);
        push.putObject("Condition").putObject("ArnEquals")
                .put("aws:PrincipalArn", "arn:" + partition + ":iam::" + account + ":role/" + roleName);
        return policy;
    }
}
