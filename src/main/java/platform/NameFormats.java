package platform;

import limits.AwsFormats;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Formats of the platform file's values, the known regions, and the "did you mean" suggestion. */
public final class NameFormats {

    /**
     * Platform, environment and service names: lowercase letters and digits in hyphen-separated words,
     * starting with a letter. They are a repository-name segment, part of stack names ({@code <platform>-<env>},
     * letters, digits and hyphens only) and of role names, so the narrowest of the three rules applies.
     */
    public static final String NAME = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
    /** The longest platform, environment or service name. */
    public static final int NAME_MAX = 63;
    /** A 12-digit AWS account id. */
    public static final String ACCOUNT = "^[0-9]{12}$";
    /** An AWS region name (whether ECR runs there is checked separately). */
    public static final String REGION = "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$";
    /** {@code <organisation>/<repository>} on GitHub; {@code *} only where a publisher allows wildcards. */
    public static final String GITHUB_REPOSITORY = "^[A-Za-z0-9*][A-Za-z0-9*-]*/[A-Za-z0-9._*-]+$";
    /**
     * A GitLab project path, {@code <group>[/<subgroup>...]/<project>}; {@code *} only in the project name, and only
     * where the publisher allows wildcards (the validator says so naming the group, hence the wider pattern).
     */
    public static final String GITLAB_PROJECT = "^[A-Za-z0-9_*][A-Za-z0-9_.*-]*(/[A-Za-z0-9_*][A-Za-z0-9_.*-]*)*/[A-Za-z0-9_.*-]+$";
    /** An IAM role or user ARN: the principal a Jenkins agent runs as. */
    public static final String PRINCIPAL_ARN = "^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+$";
    /** An STS external id: 2 to 1224 characters of {@code [\w+=,.@:/-]}. */
    public static final String EXTERNAL_ID = "^[A-Za-z0-9_+=,.@:/-]{2,1224}$";
    /** A repository as a CodeConnections provider names it: owner/repo, GitLab group/subgroup/project. */
    public static final String SOURCE_REPOSITORY = "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$";

    /** A CodeCommit repository name (CodeCommit API reference, RepositoryName: 1-100 of letters, digits, . _ -). */
    public static final String CODECOMMIT_REPOSITORY = "^[\\w.-]{1,100}$";

    /** A CodeBuild curated image, {@code aws/codebuild/<name>:<version>}. */
    public static final String CODEBUILD_IMAGE = "^aws/codebuild/[a-z0-9._-]+:[A-Za-z0-9._-]+$";

    /** A CodeBuild project name. */
    public static final String CODEBUILD_PROJECT = "^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$";
    /** An IAM role ARN. */
    public static final String ROLE_ARN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$";
    /** A Secrets Manager secret ARN with the name prefix ECR's pull-through cache requires. */
    public static final String SECRET_ARN = AwsFormats.PULL_THROUGH_CACHE_SECRET_ARN;
    /** An AWS Signer signing profile ARN. */
    public static final String SIGNING_PROFILE_ARN = AwsFormats.SIGNING_PROFILE_ARN;
    /**
     * A permissions boundary: a customer-managed policy's name (each account resolves it to its own policy), or a
     * managed policy's ARN (IAM's naming rules for policy names and paths).
     */
    public static final String PERMISSIONS_BOUNDARY = "^([A-Za-z0-9+=,.@_-]{1,128}|arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,128})$";
    /** A CodeStar / CodeConnections connection ARN (the delivery pipeline's GitHub source). */
    public static final String CONNECTION_ARN = "^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/[0-9a-f-]+$";
    /** An ECR repository prefix as pull-through cache rules and creation templates take it. */
    public static final String REPOSITORY_PREFIX = "^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$";
    /**
     * A repository creation template's prefix: a repository prefix, or {@code ROOT}, ECR's name for the template of
     * every repository no other template covers (CreateRepositoryCreationTemplate, prefix).
     */
    public static final String TEMPLATE_PREFIX = "^(ROOT|[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*)$";
    /** A repository filter with {@code *} wildcards, as registry scanning and signing rules take it. */
    public static final String WILDCARD_FILTER = AwsFormats.WILDCARD_FILTER;
    /** An image tag prefix (a tag's own characters). */
    public static final String TAG_PREFIX = "^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$";
    /** A VPC id. */
    public static final String VPC_ID = AwsFormats.VPC_ID;
    /** A subnet id. */
    public static final String SUBNET_ID = AwsFormats.SUBNET_ID;
    /** A route table id. */
    public static final String ROUTE_TABLE_ID = AwsFormats.ROUTE_TABLE_ID;
    /** An AWS Organizations organisation id. */
    public static final String ORGANIZATION_ID = AwsFormats.ORGANIZATION_ID;
    /** A Control Tower proactive control id, CT.&lt;FAMILY&gt;.PR.&lt;n&gt;. */
    public static final String CONTROL_ID = "^CT\\.[A-Z0-9]+\\.PR\\.[0-9]+$";
    /** A Control Tower control family, the part after CT. of an id. */
    public static final String CONTROL_FAMILY = "^[A-Z0-9]+$";
    /** An IPv4 CIDR block. */
    public static final String CIDR = AwsFormats.IPV4_CIDR;
    /** An e-mail address (its shape only). */
    public static final String EMAIL = AwsFormats.EMAIL;
    /** An Azure Container Registry name, the part before {@code .azurecr.io} (Azure: 5 to 50 alphanumerics). */
    public static final String AZURE_REGISTRY = AwsFormats.AZURE_CONTAINER_REGISTRY_NAME;
    /** An HTTPS URL. */
    public static final String HTTPS_URL = "^https://[^\\s]+$";

    /**
     * Regions ECR runs in (AWS commercial, China and GovCloud partitions). A region missing here is reported
     * as unknown; add it when AWS opens it.
     */
    public static final List<String> REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-south-2", "eu-north-1",
            "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
            "cn-north-1", "cn-northwest-1",
            "us-gov-east-1", "us-gov-west-1");

    private NameFormats() {
    }

    /**
     * The AWS partition of a region.
     *
     * @param region a region name, e.g. cn-north-1
     * @return aws-cn for China, aws-us-gov for GovCloud, aws otherwise
     */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /**
     * The candidate closest to {@code given} if it is close enough to be a typo or an abbreviation of it.
     *
     * @param given what the file says
     * @param candidates the accepted values
     * @return the candidate closest to {@code given} if it is close enough to be a typo or an abbreviation of it
     */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        Optional<String> abbreviation = candidates.stream()
                .filter(c -> c.length() >= 3 && given.length() >= 3
                        && (given.toLowerCase().startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(given.toLowerCase())
                        || c.toLowerCase().endsWith("/" + given.toLowerCase())))
                .findFirst();
        if (abbreviation.isPresent()) {
            return abbreviation;
        }
        int allowed = Math.max(2, given.length() / 3);
        return candidates.stream()
                .filter(c -> distance(given.toLowerCase(), c.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(given.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
