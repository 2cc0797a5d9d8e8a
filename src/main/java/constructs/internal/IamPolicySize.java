package constructs.internal;

import java.util.List;
import java.util.Map;

/**
 * The size IAM counts for a policy document, computed at synth time from the document as
 * CloudFormation will submit it (pass it through {@code Stack.resolve} first).
 *
 * <p>IAM does not count whitespace, so neither does this. Values that are only known at deploy time
 * are counted at the longest value they can take: a partition as {@value #PARTITION_ESTIMATE}
 * characters ({@code aws-us-gov}), a region as {@value #REGION_ESTIMATE}, an account as
 * {@value #ACCOUNT_ESTIMATE}, the URL suffix as {@value #URL_SUFFIX_ESTIMATE}, and any other
 * reference (a repository's {@code Fn::GetAtt Arn}) as {@value #UNKNOWN_ESTIMATE}, the longest
 * repository ARN (58 characters of prefix and a 256-character repository name). Estimates err
 * on the large side, so a document that passes here passes in IAM.
 *
 * <p>Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
public final class IamPolicySize {

    public static final int PARTITION_ESTIMATE = 10;
    public static final int REGION_ESTIMATE = 14;
    public static final int ACCOUNT_ESTIMATE = 12;
    public static final int URL_SUFFIX_ESTIMATE = 16;
    public static final int UNKNOWN_ESTIMATE = 314;

    private IamPolicySize() {
    }

    /** Characters IAM counts for a resolved policy document (maps, lists, strings, numbers). */
    public static int characters(Object resolved) {
        if (resolved == null) {
            return 4;
        }
        if (resolved instanceof String s) {
            return 2 + nonWhitespace(s);
        }
        if (resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved).length();
        }
        if (resolved instanceof List<?> list) {
            int size = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                size += characters(item);
            }
            return size;
        }
        if (resolved instanceof Map<?, ?> map) {
            if (isIntrinsic(map)) {
                return 2 + intrinsicLength(map);
            }
            int size = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 2 + nonWhitespace(String.valueOf(entry.getKey())) + 1 + characters(entry.getValue());
            }
            return size;
        }
        throw new IllegalArgumentException("cannot size a policy value of type " + resolved.getClass().getName());
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /** Length of the string an intrinsic resolves to at deploy time (at most). */
    private static int intrinsicLength(Map<?, ?> intrinsic) {
        var entry = intrinsic.entrySet().iterator().next();
        String function = String.valueOf(entry.getKey());
        Object argument = entry.getValue();
        if (function.equals("Ref")) {
            return switch (String.valueOf(argument)) {
                case "AWS::Partition" -> PARTITION_ESTIMATE;
                case "AWS::Region" -> REGION_ESTIMATE;
                case "AWS::AccountId" -> ACCOUNT_ESTIMATE;
                case "AWS::URLSuffix" -> URL_SUFFIX_ESTIMATE;
                default -> UNKNOWN_ESTIMATE;
            };
        }
        if (function.equals("Fn::Join") && argument instanceof List<?> join && join.size() == 2
                && join.get(1) instanceof List<?> parts) {
            int length = nonWhitespace(String.valueOf(join.get(0))) * Math.max(0, parts.size() - 1);
            for (Object part : parts) {
                length += part instanceof Map<?, ?> nested && isIntrinsic(nested)
                        ? intrinsicLength(nested)
                        : nonWhitespace(String.valueOf(part));
            }
            return length;
        }
        return UNKNOWN_ESTIMATE;
    }

    private static int nonWhitespace(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
