package constructs;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of exact IAM actions per persona. Roles built by this toolkit carry the tag
 * {@value #TAG_KEY} with {@link #tagValue()}; the compliance pack checks every tagged role's
 * actions against {@link #allowedActions()}.
 *
 * <p>No persona holds {@code ecr:*}, a {@code Delete*} action or a wildcard action.
 */
public enum Persona {

    /**
     * CI that pushes images.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
     */
    PUBLISHER("publisher", List.of(
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart")),

    /**
     * Workloads (ECS task execution role, EKS node and Fargate pod execution roles) that pull.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull-iam.html
     */
    PULLER("puller", List.of(
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer")),

    /** Pulls from the source environment's repository and pushes the same digest to its own. */
    PROMOTER("promoter", List.of(
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:CompleteLayerUpload",
            "ecr:GetDownloadUrlForLayer",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart")),

    /**
     * CI step that waits for a scan and reads its findings (basic scanning and Amazon Inspector).
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageScanFindings.html
     */
    SCAN_GATE("scan-gate", List.of(
            "ecr:DescribeImageScanFindings",
            "ecr:DescribeImages",
            "inspector2:ListCoverage",
            "inspector2:ListFindings")),

    /**
     * Role ECR assumes for repository-creation templates that set KMS encryption or tags.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates.html
     */
    CREATION_TEMPLATE("creation-template", List.of(
            "ecr:CreateRepository",
            "ecr:PutLifecyclePolicy",
            "ecr:SetRepositoryPolicy",
            "ecr:TagResource",
            "kms:CreateGrant",
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:GenerateDataKey",
            "kms:RetireGrant")),

    /** Workloads that pull base images through a pull-through cache rule. */
    CACHE_PULLER("cache-puller", List.of(
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:BatchImportUpstreamImage",
            "ecr:CreateRepository",
            "ecr:GetDownloadUrlForLayer"));

    /** Tag key every role built by the toolkit carries. */
    public static final String TAG_KEY = "ecr-blueprint:persona";

    /** Needed by every persona that talks to a registry; only grantable on {@code *}. */
    public static final String AUTHORIZATION_TOKEN_ACTION = "ecr:GetAuthorizationToken";

    private final String tagValue;
    private final List<String> actions;

    Persona(String tagValue, List<String> actions) {
        this.tagValue = tagValue;
        this.actions = List.copyOf(actions);
    }

    public String tagValue() {
        return tagValue;
    }

    /** Actions on repositories (or the service's resources), sorted. */
    public List<String> actions() {
        return actions;
    }

    /** Everything a role of this persona may hold, including the authorization token. */
    public Set<String> allowedActions() {
        var all = new java.util.TreeSet<>(actions);
        if (this != CREATION_TEMPLATE) {
            all.add(AUTHORIZATION_TOKEN_ACTION);
        }
        return all;
    }

    public static Optional<Persona> fromTag(String value) {
        for (Persona p : values()) {
            if (p.tagValue.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
