package platform;

import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The corpus of broken platform files (src/test/resources/platform/broken/): each file breaks one rule, and this table
 * holds the path and the exact problem line the loader must report for it. Shared by the loader's and the validate
 * command's tests.
 */
public final class BrokenFiles {

    public static final Path DIRECTORY = Path.of("src/test/resources/platform/broken");

    private BrokenFiles() {
    }

    /** The file of a case. */
    public static Path file(String name) {
        return DIRECTORY.resolve(name + ".yaml");
    }

    /** The complete message for a file with one problem. */
    public static String message(String name, String problem) {
        return file(name) + ": 1 problem\n  " + problem;
    }

    /** (file name, path, problem line) for every file with exactly one problem. */
    public static Stream<Arguments> withOneProblem() {
        return Stream.of(
                broken("account-missing", "environments[0].account",
                        "environments[0].account (line 3): \"account\" is missing. Hint: add account: the 12-digit AWS account id, quoted."),
                broken("account-unquoted", "environments[0].account",
                        "environments[0].account (line 4): account must be text, got the number 111111111111. Hint: quote it: \"111111111111\" (unquoted, YAML reads a number and drops leading zeros)."),
                broken("signing-profile-outside-the-estate", "registry.signing.profileArn",
                        "registry.signing.profileArn (line 11): signing profile arn:aws:signer:eu-west-1:999988887777:/signing-profiles/tools_release is in account 999988887777 and region eu-west-1, where no environment deploys, so the stacks cannot grant the pushing accounts [444455556666] signer:SignPayload on it (an AWS::Signer::ProfilePermission in the profile's account). Hint: use a signing profile in the account and region of an environment, or grant it there by hand (aws signer add-profile-permission --action signer:SignPayload --principal <account>) and use a profile of a pushing account."),
                broken("account-wrong-length", "environments[0].account",
                        "environments[0].account (line 4): account \"11111111\" must be exactly 12 digits. Hint: write the AWS account id as 12 digits in quotes, e.g. \"111111111111\"."),
                broken("alerts-off-with-subscriptions", "environments[0].alerts",
                        "environments[0].alerts (line 7): alert subscriptions are given but alerts are off in profile dev. Hint: set overrides.alerts: true in this environment, or remove the subscriptions."),
                broken("allow-latest-with-prod", "tagging.allowLatest",
                        "tagging.allowLatest (line 10): allowLatest needs a mutable \"latest\" tag, but environment \"prod\" (profile prod) requires immutable tags. Hint: set allowLatest: false and deploy by release tag or digest, or set overrides.requireImmutableTags: false in environment \"prod\"."),
                broken("availability-zone-other-region", "environments[0].vpc.subnets[0].availabilityZone",
                        "environments[0].vpc.subnets[0].availabilityZone (line 12): availabilityZone \"eu-central-1a\" is not a zone of the environment's region eu-west-1. Hint: use a zone such as \"eu-west-1a\"."),
                broken("basic-scanning-with-prod", "registry.scanning.type",
                        "registry.scanning.type (line 11): type BASIC cannot scan continuously, but environment \"prod\" (profile prod) asks for CONTINUOUS_SCAN. Hint: set type: ENHANCED (Amazon Inspector), or set overrides.scanFrequency: SCAN_ON_PUSH in environment \"prod\"."),
                broken("branches-not-a-list", "services[0].publishers[0].branches",
                        "services[0].publishers[0].branches (line 12): branches must be a list, got \"main\". Hint: write it as a list, e.g. branches: [main]."),
                broken("build-prefix-overlaps-release", "tagging.buildPrefixes[1]",
                        "tagging.buildPrefixes[1] (line 10): build prefix \"v-build-\" overlaps the release prefix \"v\": lifecycle rules could not tell build tags from release tags. Hint: use prefixes that do not start with one another, e.g. \"commit-\"."),
                broken("cache-prefix-is-platform", "registry.pullThroughCache[0].prefix",
                        "registry.pullThroughCache[0].prefix (line 12): prefix \"shop\" is the platform's own repository prefix: cached images would mix with the platform's repositories and their access rules. Hint: use a prefix of its own, e.g. \"ecr-public\"."),
                broken("codebuild-with-branches", "services[0].publishers[0].branches",
                        "services[0].publishers[0].branches (line 12): branches is for github publishers; a codebuild publisher takes project. Hint: remove it, or set type: github."),
                broken("credential-other-account", "registry.pullThroughCache[0].credentialArn",
                        "registry.pullThroughCache[0].credentialArn (line 16): the secret is in account 111111111111, region eu-west-1, but the rule is also created for environment \"prod\" in account 222222222222, region eu-west-1 (ECR reads a secret of the rule's own account and region only). Hint: limit the rule with environments: [...] to the account and region of the secret, and add a rule with that registry's own secret where needed."),
                broken("credential-outside-prefix", "registry.pullThroughCache[0].credentialArn",
                        "registry.pullThroughCache[0].credentialArn (line 12): credentialArn \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:dockerhub-AbCdEf\" names a secret outside ecr-pullthroughcache/ (ECR reads only secrets whose name starts with it). Hint: store the credential as ecr-pullthroughcache/<name> and give that secret's ARN."),
                broken("docker-hub-without-credential", "registry.pullThroughCache[0].credentialArn",
                        "registry.pullThroughCache[0].credentialArn (line 11): docker-hub needs credentialArn (ECR accepts this upstream only with credentials). Hint: store the credentials in Secrets Manager as ecr-pullthroughcache/docker-hub and give the secret's ARN."),
                broken("environment-name-twice", "environments[1].name",
                        "environments[1].name (line 7): environment name \"dev\" is also used by environments[0]. Hint: give each environment its own name."),
                broken("github-branch-wildcard", "services[0].publishers[0].branches[1]",
                        "services[0].publishers[0].branches[1] (line 12): branch \"release/*\" has a wildcard (* or ?) but allowWildcard is false. Hint: name the branch, or set allowWildcard: true to trust every match."),
                broken("github-organisation-wildcard", "services[0].publishers[0].repository",
                        "services[0].publishers[0].repository (line 11): repository \"*/user-service\" has a wildcard in the organisation: workflows of any GitHub organisation could push. Hint: name the organisation, e.g. \"example-shop/user-service\"."),
                broken("github-without-branches", "services[0].publishers[0]",
                        "services[0].publishers[0] (line 10): a github publisher needs branches or environments (the OIDC subjects that may push). Hint: add branches: [main] or environments: [<GitHub environment>]."),
                broken("https-subscription-http", "environments[0].alerts.https[0]",
                        "environments[0].alerts.https[0] (line 8): https \"http://alerts.example.com/ecr\" is not an https:// URL. Hint: alert endpoints must use HTTPS; write e.g. \"https://alerts.example.com/ecr\"."),
                broken("key-twice", "environments[0].region",
                        "environments[0].region (line 5): key \"region\" is given twice here; the second would silently win. Hint: keep one."),
                broken("lambda-two-architectures", "services[0].architectures",
                        "services[0].architectures (line 10): a Lambda image has one architecture, got linux/amd64, linux/arm64. Hint: keep one, e.g. architectures: [linux/amd64]."),
                broken("manual-scan-frequency", "environments[0].overrides.scanFrequency",
                        "environments[0].overrides.scanFrequency (line 8): scanFrequency MANUAL leaves pushed images unscanned (Control Tower CT.ECR.PR.2 requires scan on push). Hint: use SCAN_ON_PUSH or CONTINUOUS_SCAN."),
                broken("mutability-exclusion-of-release-tags", "services[0].tagMutabilityExclusions[0]",
                        "services[0].tagMutabilityExclusions[0] (line 9): exclusion \"v\" would make release tags (v*) mutable. Hint: release tags must stay immutable; exclude only a non-release prefix such as \"latest\"."),
                broken("mutability-exclusion-without-reason", "services[0].tagMutabilityExclusions",
                        "services[0].tagMutabilityExclusions (line 9): tagMutabilityExclusions make tags mutable, but environment \"prod\" (profile prod) requires immutable tags. Hint: give overrideReason: <why this service needs mutable tags>, or remove the exclusions."),
                broken("naming-shared-repository", "repositoryNaming",
                        "repositoryNaming (line 2): repositoryNaming \"{platform}/{environment}\" puts every service in one repository, told apart only by tags: lifecycle rules, immutable release tags, scanning and pull access could then not differ per service, and one service's cleanup would expire another's images. Hint: use \"{platform}/{environment}/{service}\" (the default): one repository per service and environment."),
                broken("naming-single-segment-shared-account", "environments[1].name",
                        "environments[1].name (line 8): environments \"dev\" and \"staging\" would both create repository \"shop/user-service\" in account 111111111111, region eu-west-1. Hint: repositoryNaming \"{platform}/{service}\" needs an account and region to itself: use \"{platform}/{environment}/{service}\" for these environments, or move one to another account or region."),
                broken("naming-unsupported", "repositoryNaming",
                        "repositoryNaming (line 2): repositoryNaming \"{service}/{platform}\" is not a supported scheme. Hint: use \"{platform}/{environment}/{service}\" or, where an environment has its account and region to itself, \"{platform}/{service}\"."),
                broken("negative-keep-last-images", "environments[0].overrides.keepLastImages",
                        "environments[0].overrides.keepLastImages (line 8): keepLastImages -5 must be at least 0. Hint: give a number of images, or 0 to turn the rule off."),
                broken("platform-name-uppercase", "platform",
                        "platform (line 1): platform \"Shop\" must be lowercase letters and digits in hyphen-separated words, starting with a letter. Hint: use \"shop\"."),
                broken("profile-unknown", "environments[0].profile",
                        "environments[0].profile (line 6): profile \"production\" is not one of dev, staging, prod. Hint: use \"prod\"."),
                broken("promotion-order-unknown", "promotionOrder[1]",
                        "promotionOrder[1] (line 13): environment \"qa\" is not defined. Hint: use one of dev, prod, or define it under environments."),
                broken("public-not-boolean", "services[0].public",
                        "services[0].public (line 9): public must be true or false, got \"yes\". Hint: write public: true or public: false."),
                broken("puller-account-missing", "pullers[0].account",
                        "pullers[0].account (line 10): an account puller needs account or roleArn. Hint: add account: \"<the consumer's 12-digit account id>\", or roleArn: <an existing role in it>."),
                broken("puller-ecs-other-account", "pullers[0].account",
                        "pullers[0].account (line 11): a puller of type ecs gets a role in the environment's account (dev: 111111111111), not in account 333333333333. Hint: for a consumer in another account use type: account with account: \"333333333333\"."),
                broken("puller-region-without-replica", "pullers[0].region",
                        "pullers[0].region (line 17): region us-east-1 holds no repository of environment \"prod\" (its repositories are in eu-west-1, eu-central-1). Hint: add us-east-1 to the replicaRegions of environment \"prod\", or pull in eu-west-1."),
                broken("puller-role-in-other-account", "pullers[0].roleArn",
                        "pullers[0].roleArn (line 12): roleArn \"arn:aws:iam::444444444444:role/consumer\" is not in account 333333333333. Hint: give a role of account 333333333333, or correct account."),
                broken("puller-role-on-ecs", "pullers[0].roleArn",
                        "pullers[0].roleArn (line 11): roleArn is for account pullers; a puller of type ecs gets a role created in the environment's account. Hint: remove roleArn, or use type: account for an existing role in another account."),
                broken("puller-unknown-environment", "pullers[0].environments[0]",
                        "pullers[0].environments[0] (line 15): environment \"prd\" is not defined. Hint: did you mean \"prod\"?"),
                broken("puller-unknown-service", "pullers[0].services[0]",
                        "pullers[0].services[0] (line 11): service \"billing\" is not defined. Hint: use one of user-service, or define it under services."),
                broken("region-misspelt", "environments[0].region",
                        "environments[0].region (line 5): region \"eu-west1\" is not an AWS region name. Hint: use \"eu-west-1\"."),
                broken("region-unknown", "environments[0].region",
                        "environments[0].region (line 5): region \"eu-west-9\" is not a known AWS region. Hint: use \"eu-west-1\"."),
                broken("replica-region-is-own-region", "environments[0].replicaRegions[0]",
                        "environments[0].replicaRegions[0] (line 7): replica region \"eu-west-1\" is the environment's own region. Hint: remove it, or name another region."),
                broken("service-name-twice", "services[1].name",
                        "services[1].name (line 9): service name \"user-service\" is also used by services[0]. Hint: give each service its own name."),
                broken("service-name-underscore", "services[0].name",
                        "services[0].name (line 8): name \"user_service\" must be lowercase letters and digits in hyphen-separated words, starting with a letter. Hint: use \"user-service\"."),
                broken("service-termination-protection", "services[0].overrides.terminationProtection",
                        "services[0].overrides.terminationProtection (line 10): terminationProtection is a stack setting and cannot differ per service. Hint: set it in the environment's overrides."),
                broken("services-empty", "services",
                        "services (line 7): \"services\" is empty. Hint: add services: the services; each gets one repository in every environment."),
                broken("unknown-nested-key", "environments[0].awsProfil",
                        "environments[0].awsProfil (line 7): unknown key \"awsProfil\". Hint: did you mean \"awsProfile\"?"),
                broken("upstream-unknown", "registry.pullThroughCache[0].upstream",
                        "registry.pullThroughCache[0].upstream (line 11): upstream \"dockerhub\" is not one of ecr-public, docker-hub, github, quay, k8s, gitlab, azure, ecr. Hint: use \"docker-hub\"."),
                broken("unknown-key-without-suggestion", "services[0].colour",
                        "services[0].colour (line 9): unknown key \"colour\". Hint: remove it; the keys here are name, team, public, catalog, architectures, lambda, tagMutabilityExclusions, overrideReason, overrides, publishers, lifecyclePolicy, repositoryPolicyStatements."),
                broken("number-as-text", "environments[0].overrides.keepLastImages",
                        "environments[0].overrides.keepLastImages (line 8): keepLastImages must be a whole number, got \"10\". Hint: write it without quotes: keepLastImages: 10."),
                broken("architecture-unknown", "services[0].architectures[0]",
                        "services[0].architectures[0] (line 9): architectures \"arm64\" is not one of linux/amd64, linux/arm64. Hint: use \"linux/arm64\"."),
                broken("alert-email-twice", "environments[0].alerts.email[1]",
                        "environments[0].alerts.email[1] (line 10): email subscription \"platform-team@example.com\" is listed twice. Hint: remove the second one."),
                broken("alert-https-twice", "environments[0].alerts.https[1]",
                        "environments[0].alerts.https[1] (line 10): https subscription \"https://alerts.example.com/ecr\" is listed twice. Hint: remove the second one."),
                broken("cache-prefix-twice-in-registry", "registry.pullThroughCache[1]",
                        "registry.pullThroughCache[1] (line 13): prefix \"public\" is listed twice for account 111111111111, region eu-west-1 (also registry.pullThroughCache[0]). Hint: remove the second one, or limit each rule with environments: [...] to registries of its own."),
                broken("catalog-description-too-long", "services[0].catalog.description",
                        "services[0].catalog.description (line 11): description has 1025 characters, more than ECR Public's 1024. Hint: shorten it to 1024 characters."),
                broken("endpoint-subnets-one-zone", "environments[0].vpc.subnets[1].availabilityZone",
                        "environments[0].vpc.subnets[1].availabilityZone (line 12): availabilityZone \"eu-west-1a\" is also the zone of subnets[0]: an interface endpoint takes at most one subnet per availability zone. Hint: keep one subnet per zone."),
                broken("github-branch-question-mark", "services[0].publishers[0].branches[1]",
                        "services[0].publishers[0].branches[1] (line 12): branch \"release-?\" has a wildcard (* or ?) but allowWildcard is false. Hint: name the branch, or set allowWildcard: true to trust every match."),
                broken("github-branch-refs-heads", "services[0].publishers[0].branches[0]",
                        "services[0].publishers[0].branches[0] (line 12): branch \"refs/heads/main\" is written as a ref; the trust adds refs/heads/ itself, so it would expect refs/heads/refs/heads/main. Hint: write the branch name only: \"main\"."),
                broken("github-environment-wildcard", "services[0].publishers[0].environments[0]",
                        "services[0].publishers[0].environments[0] (line 12): GitHub environment \"deploy-*\" has a wildcard (* or ?) but allowWildcard is false. Hint: name the environment, or set allowWildcard: true to trust every match."),
                broken("github-repository-dot-git", "services[0].publishers[0].repository",
                        "services[0].publishers[0].repository (line 11): repository \"example-shop/user-service.git\" ends in .git, but GitHub's OIDC token names the repository without it, so the trust would never match. Hint: write \"example-shop/user-service\"."),
                broken("mutability-exclusions-over-five", "services[0].tagMutabilityExclusions",
                        "services[0].tagMutabilityExclusions (line 9): 6 tag mutability exclusions exceed ECR's limit of 5 a repository. Hint: keep at most 5 prefixes."),
                broken("promotion-order-after-prod", "promotionOrder[2]",
                        "promotionOrder[2] (line 17): environment \"staging\" (profile staging) comes after the production environment \"prod\": images would reach production before being tried there. Hint: move \"staging\" before \"prod\"."),
                broken("promotion-order-skips-environment", "promotionOrder",
                        "promotionOrder (line 17): environment \"staging\" is not in promotionOrder, so it would get no stacks and receive no images. Hint: add \"staging\" to promotionOrder, or remove the environment."),
                broken("replica-overwrites-other-environment", "environments[0].name",
                        "environments[0].name (line 4): environment \"dev\" replicates repository \"shop/user-service\" into account 111111111111, region eu-central-1, where environment \"staging\" keeps its own repository of that name: replication would overwrite its images. Hint: use repositoryNaming \"{platform}/{environment}/{service}\" for these environments, or replicate elsewhere."),
                broken("replica-region-other-partition", "environments[0].replicaRegions[0]",
                        "environments[0].replicaRegions[0] (line 7): region cn-north-1 is in partition aws-cn, but the source region eu-west-1 is in partition aws: ECR replicates only within a partition. Hint: replicate to a region of aws."),
                broken("replication-destination-other-partition", "registry.replication[0].destinations[0].region",
                        "registry.replication[0].destinations[0].region (line 12): region us-gov-west-1 is in partition aws-us-gov, but the source region eu-west-1 is in partition aws: ECR replicates only within a partition. Hint: replicate to a region of aws."),
                broken("retention-release-shorter-than-build", "environments[0].overrides.releaseTagRetentionDays",
                        "environments[0].overrides.releaseTagRetentionDays (line 8): releaseTagRetentionDays 7 must be at least 30: these images may still run, and an image archived sooner after its last pull fails the next scale-out or rollback (archived images cannot be pulled). Hint: give 30 or more days; 0 cannot turn the rule off, because the images would then be expired by the count rule."),
                broken("role-name-too-long-promoter", "environments[1].name",
                        "environments[1].name (line 7): the promoter role of environment \"staging-eu-west-ireland-primary-region-blue-green-a\" would be named \"shop-staging-eu-west-ireland-primary-region-blue-green-a-promoter\", 65 characters; IAM allows 64. Hint: shorten the platform, environment or service name by 1 characters."),
                broken("role-name-too-long-publisher", "services[0].name",
                        "services[0].name (line 8): the publisher role of service \"customer-loyalty-points-and-rewards-ledger-service\" in environment \"dev\" would be named \"shop-dev-customer-loyalty-points-and-rewards-ledger-service-codebuild-publisher\", 79 characters; IAM allows 64. Hint: shorten the platform, environment or service name by 15 characters."),
                broken("role-name-too-long-puller", "pullers[0].type",
                        "pullers[0].type (line 10): the eks-fargate puller role of environment \"development-eu-west-ireland-primary\" would be named \"shop-development-eu-west-ireland-primary-eks-fargate-pod-execution\", 66 characters; IAM allows 64. Hint: shorten the platform, environment or service name by 2 characters."),
                broken("rule-name-too-long", "environments[0].name",
                        "environments[0].name (line 3): the scan-finding alert rule of environment \"production-eu-west-ireland-primary-region\" would be named \"shop-production-eu-west-ireland-primary-region-basic-scan-findings\", 66 characters; EventBridge allows 64. Hint: shorten the platform or environment name by 2 characters."),
                broken("service-name-generic", "services[0].name",
                        "services[0].name (line 8): service name \"app\" does not say which service its repositories hold (it is their last segment, e.g. shop/<env>/app). Hint: name the service after what it does, e.g. \"user-service\"."),
                broken("stack-name-of-account-stack", "environments[1].name",
                        "environments[1].name (line 7): environment \"account-111111111111\" has the stack name \"shop-account-111111111111\", which is also the account stack of account 111111111111. Hint: rename the environment; names of the form registry-<account>-<region>, account-<account> and public-<account> are taken by shared stacks."),
                broken("stack-name-of-registry-stack", "environments[1].name",
                        "environments[1].name (line 7): environment \"registry-111111111111-eu-west-1\" has the stack name \"shop-registry-111111111111-eu-west-1\", which is also the registry stack of account 111111111111, region eu-west-1. Hint: rename the environment; names of the form registry-<account>-<region>, account-<account> and public-<account> are taken by shared stacks."),
                broken("vpc-without-route-tables", "environments[0].vpc.routeTables",
                        "environments[0].vpc.routeTables (line 7): routeTables is empty, but the VPC gets an S3 gateway endpoint (image layers are served from S3) and a gateway endpoint needs the route tables of the private subnets. Hint: list the route tables (rtb-...), or add s3 to existingEndpoints when the VPC already has an S3 gateway endpoint."),
                broken("role-name-too-long-public-publisher", "services[0].name",
                        "services[0].name (line 8): the ECR Public publisher role of service \"customer-loyalty-points-and-rewards-ledger-service\" would be named \"shop-public-customer-loyalty-points-and-rewards-ledger-service-publisher\", 72 characters; IAM allows 64. Hint: shorten the platform, environment or service name by 8 characters."),
                broken("vpc-organization-invalid", "environments[0].vpc.organizationId",
                        "environments[0].vpc.organizationId (line 11): organizationId \"r-abcd\" is not an AWS Organizations id (o- and 10 to 32 lowercase letters or digits). Hint: copy the id from `aws organizations describe-organization`."),
                broken("vpc-cidr-invalid", "environments[0].vpc.cidr",
                        "environments[0].vpc.cidr (line 9): cidr \"10.20.0.0/33\" is not an IPv4 CIDR block. Hint: write the VPC's CIDR, e.g. \"10.0.0.0/16\"."));
    }

    private static Arguments broken(String name, String path, String problem) {
        return Arguments.of(name, path, problem);
    }
}
