package platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a value against a {@link Field#pattern()} and says, in words, what is wrong and how to fix it. */
final class Formats {

    /** What is wrong (after {@code <key> "<value>"}) and the hint. */
    record Violation(String rule, String hint) {
    }

    private Formats() {
    }

    static Optional<Violation> check(String pattern, String value) {
        if (pattern.equals(NameFormats.REGION)) {
            return region(value);
        }
        if (pattern.equals(NameFormats.CIDR)) {
            return cidr(value);
        }
        if (pattern.equals(NameFormats.NAME) && value.length() > NameFormats.NAME_MAX) {
            return Optional.of(new Violation("is longer than " + NameFormats.NAME_MAX + " characters",
                    "shorten it; it is part of repository, stack and role names"));
        }
        if (Pattern.matches(pattern, value)) {
            return Optional.empty();
        }
        return Optional.of(switch (pattern) {
            case NameFormats.NAME -> new Violation(
                    "must be lowercase letters and digits in hyphen-separated words, starting with a letter",
                    "use \"" + slug(value) + "\"");
            case NameFormats.ACCOUNT -> new Violation("must be exactly 12 digits",
                    "write the AWS account id as 12 digits in quotes, e.g. \"111111111111\"");
            case NameFormats.GITHUB_REPOSITORY -> new Violation("must be a GitHub repository as org/repo",
                    "write e.g. \"example-shop/user-service\"");
            case NameFormats.CODEBUILD_PROJECT -> new Violation(
                    "is not a CodeBuild project name (2-255 letters, digits, hyphens and underscores)",
                    "give the project's name, not its ARN");
            case NameFormats.ROLE_ARN -> new Violation("is not an IAM role ARN",
                    "write arn:aws:iam::<account>:role/<name>");
            case NameFormats.SECRET_ARN -> value.matches("^arn:aws[a-z-]*:secretsmanager:.*")
                    ? new Violation("names a secret outside ecr-pullthroughcache/ (ECR reads only secrets whose name starts with it)",
                    "store the credential as ecr-pullthroughcache/<name> and give that secret's ARN")
                    : new Violation("is not a Secrets Manager secret ARN",
                    "write arn:aws:secretsmanager:<region>:<account>:secret:ecr-pullthroughcache/<name>");
            case NameFormats.SIGNING_PROFILE_ARN -> new Violation("is not an AWS Signer signing profile ARN",
                    "write arn:aws:signer:<region>:<account>:/signing-profiles/<name>");
            case NameFormats.SOURCE_REPOSITORY -> new Violation("is not a repository as the connection's provider names it (owner/repo)",
                    "write e.g. \"example-shop/user-service\" (GitLab: \"group/subgroup/project\"), without .git or a URL");
            case NameFormats.CODECOMMIT_REPOSITORY -> new Violation("is not a CodeCommit repository name (1-100 letters, digits, . _ and -)",
                    "give the repository's name, not its ARN or clone URL");
            case NameFormats.CODEBUILD_IMAGE -> new Violation("is not a CodeBuild curated image (aws/codebuild/<name>:<version>)",
                    "write e.g. \"aws/codebuild/standard:7.0\"; other images are not supported");
            case NameFormats.CONNECTION_ARN -> new Violation("is not a CodeConnections connection ARN",
                    "write arn:aws:codeconnections:<region>:<account>:connection/<id>");
            case NameFormats.REPOSITORY_PREFIX -> new Violation(
                    "is not a repository prefix (lowercase words joined by . _ or -, segments separated by /)",
                    "use e.g. \"" + slug(value) + "\"");
            case NameFormats.TEMPLATE_PREFIX -> new Violation(
                    "is not a repository prefix (lowercase words joined by . _ or -, segments separated by /) or ROOT",
                    value.equalsIgnoreCase("root") ? "write ROOT in capitals for every repository without a template of its own"
                            : "use e.g. \"" + slug(value) + "\"");
            case NameFormats.WILDCARD_FILTER -> new Violation(
                    "is not a repository filter (a lowercase repository name with * wildcards)",
                    "use e.g. \"shop/prod/*\"");
            case NameFormats.TAG_PREFIX -> new Violation(
                    "is not a tag prefix (letters, digits, . _ and -, at most 128 characters, not starting with . or -)",
                    value.contains("*") && Pattern.matches(NameFormats.TAG_PREFIX, value.replace("*", ""))
                            ? "a prefix selects every tag that starts with it: write \"" + value.replace("*", "") + "\", without *"
                            : "use e.g. \"v\" or \"commit-\"");
            case NameFormats.VPC_ID -> new Violation("is not a VPC id (vpc- and 8 or 17 hexadecimal digits)",
                    "copy the id from `aws ec2 describe-vpcs`");
            case NameFormats.SUBNET_ID -> new Violation("is not a subnet id (subnet- and 8 or 17 hexadecimal digits)",
                    "copy the id from `aws ec2 describe-subnets`");
            case NameFormats.ROUTE_TABLE_ID -> new Violation("is not a route table id (rtb- and 8 or 17 hexadecimal digits)",
                    "copy the id from `aws ec2 describe-route-tables`");
            case NameFormats.ORGANIZATION_ID -> new Violation("is not an AWS Organizations id (o- and 10 to 32 lowercase letters or digits)",
                    "copy the id from `aws organizations describe-organization`");
            case NameFormats.CONTROL_ID -> new Violation("is not an AWS Control Tower proactive control id (CT.<FAMILY>.PR.<n>)",
                    "write e.g. \"CT.ECR.PR.3\", as the synthesis report names it");
            case NameFormats.CONTROL_FAMILY -> new Violation("is not a Control Tower control family (upper-case letters and digits)",
                    "write the part after CT. of a control id, e.g. \"KMS\" or \"S3\"");
            case NameFormats.AZURE_REGISTRY -> new Violation("is not an Azure Container Registry name (5 to 50 letters and digits)",
                    "write the name before .azurecr.io, e.g. \"examplecorp\"");
            case NameFormats.EMAIL -> new Violation("is not an email address", "write e.g. \"platform-team@example.com\"");
            // An alert endpoint and a GitLab instance share the format: the hint repeats the user's own URL.
            case NameFormats.HTTPS_URL -> new Violation("is not an https:// URL",
                    value.startsWith("http://") && !value.contains(" ")
                            ? "only HTTPS is accepted; write \"https://" + value.substring("http://".length()) + "\""
                            : "write one https:// URL without spaces (encode a space as %20)");
            default -> new Violation("does not match " + pattern, "see schema/platform.schema.json");
        });
    }

    private static Optional<Violation> region(String value) {
        if (NameFormats.REGIONS.contains(value)) {
            return Optional.empty();
        }
        String hint = NameFormats.closest(value, NameFormats.REGIONS).map(r -> "use \"" + r + "\"")
                .orElse("use a region ECR runs in, e.g. \"eu-west-1\"");
        String rule = Pattern.matches(NameFormats.REGION, value) ? "is not a known AWS region" : "is not an AWS region name";
        return Optional.of(new Violation(rule, hint));
    }

    private static Optional<Violation> cidr(String value) {
        boolean valid = Pattern.matches(NameFormats.CIDR, value);
        if (valid) {
            String[] parts = value.split("[./]");
            for (int i = 0; i < 4; i++) {
                valid &= Integer.parseInt(parts[i]) <= 255;
            }
            valid &= Integer.parseInt(parts[4]) <= 32;
        }
        return valid ? Optional.empty()
                : Optional.of(new Violation("is not an IPv4 CIDR block", "write the VPC's CIDR, e.g. \"10.0.0.0/16\""));
    }

    /** The closest valid name: lowercase, words joined by single hyphens. */
    static String slug(String value) {
        String slug = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "x" + (slug.isEmpty() ? "" : "-" + slug) : slug;
    }
}
