package constructs.registry;

import constructs.internal.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A principal whose pulls do not update an image's last recorded pull time.
 *
 * @param principalArn IAM role or user ARN (at most 200 characters), e.g. a scanner, a CI cache
 *                     warmer or the promoter, which pull images without running them
 */
public record PullTimeUpdateExclusionProps(String principalArn) {

    /** "You can configure up to 100 exclusions per account" (ECR user guide, pull-time update exclusions). */
    public static final int MAX_EXCLUSIONS = 100;
    /** PrincipalArn, from the CloudFormation schema of AWS::ECR::PullTimeUpdateExclusion. */
    static final Pattern PRINCIPAL = Pattern.compile(
            "^arn:aws(-[a-z]+)*:iam::[0-9]{12}:(role|user)/[\\w+=,.@-]+(/[\\w+=,.@-]+)*$");

    /**
     * Props excluding {@code principalArn}.
     *
     * @param principalArn the ARN of the IAM principal whose pulls do not update the last-pull time
     * @return the props
     */
    public static PullTimeUpdateExclusionProps of(String principalArn) {
        return new PullTimeUpdateExclusionProps(principalArn);
    }

    /**
     * Every problem ECR would reject, each message starting with {@code path}.
     *
     * @param path where the exclusion is declared
     * @return the problems, empty when valid
     */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (principalArn == null) {
            problems.add(path + "principalArn is missing. Hint: e.g. \"arn:aws:iam::111111111111:role/shop-dev-promoter\"");
        } else if (!Tokens.isUnresolved(principalArn)
                && (principalArn.length() > 200 || !PRINCIPAL.matcher(principalArn).matches())) {
            problems.add(path + "principalArn \"" + principalArn + "\" is invalid: must be the ARN of an IAM role or user"
                    + " (at most 200 characters, no wildcards). Hint: e.g. \"arn:aws:iam::111111111111:role/shop-dev-promoter\"");
        }
        return problems;
    }
}
