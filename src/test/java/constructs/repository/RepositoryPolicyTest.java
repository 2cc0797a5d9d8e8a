package constructs.repository;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryPolicyTest {

    static final String PULL = "[\"ecr:BatchCheckLayerAvailability\",\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]";
    static final String PUSH = "[\"ecr:BatchCheckLayerAvailability\",\"ecr:BatchGetImage\",\"ecr:CompleteLayerUpload\","
            + "\"ecr:InitiateLayerUpload\",\"ecr:PutImage\",\"ecr:UploadLayerPart\"]";

    static String only(RepositoryPolicy policy) {
        String json = policy.toJson("aws", "eu-west-1");
        return json.substring(json.indexOf("[{") + 1, json.lastIndexOf("]"));
    }

    @Test
    void lengthIsTheRenderedTextWithTokensCountedAtTheirLongest() {
        RepositoryPolicy policy = RepositoryPolicy.builder().pull(RepositoryPrincipal.lambdaFunctions("222233334444", null)).build();

        assertThat(policy.length("aws", "eu-west-1")).isEqualTo(policy.toJson("aws", "eu-west-1").length());
        // The Lambda statement names partition and region: a token counts as the longest of each.
        assertThat(policy.length(software.amazon.awscdk.Aws.PARTITION, software.amazon.awscdk.Aws.REGION))
                .isEqualTo(policy.toJson("aws-us-gov", "ap-southeast-7").length())
                .isGreaterThan(policy.length("aws", "eu-west-1"));
    }

    @Nested
    class Renders {

        @Test
        void pullByAccountNamesTheAccountRoot() throws Exception {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("222233334444")).build();
            JSONAssert.assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PullAccount222233334444\","
                    + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},"
                    + "\"Action\":" + PULL + "}]}", policy.toJson("aws", "eu-west-1"), JSONCompareMode.STRICT);
        }

        @Test
        void pushByRoleNamesTheAccountRootWithArnEqualsOnThePrincipalArn() throws Exception {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .push(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ci/publisher")).build();
            JSONAssert.assertEquals("{\"Sid\":\"PushRole222233334444" 
                    + RepositoryPolicy.shortHash("arn:aws:iam::222233334444:role/ci/publisher") + "\","
                    + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},"
                    + "\"Action\":" + PUSH + ",\"Condition\":{\"ArnEquals\":{\"aws:PrincipalArn\":"
                    + "\"arn:aws:iam::222233334444:role/ci/publisher\"}}}", only(policy), JSONCompareMode.STRICT);
        }

        @Test
        void aWildcardRoleUsesArnLike() throws Exception {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ecs-*")).build();
            assertThat(only(policy)).contains("\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":"
                    + "\"arn:aws:iam::222233334444:role/ecs-*\"}}");
        }

        @Test
        void theRoleKeepsThePartitionOfItsArn() {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.role("arn:aws-us-gov:iam::222233334444:role/ecs")).build();
            assertThat(only(policy)).contains("\"Principal\":{\"AWS\":\"arn:aws-us-gov:iam::222233334444:root\"}");
        }

        @Test
        void pullByOrganizationBindsTheStarPrincipalWithStringEquals() throws Exception {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.organization("o-a1b2c3d4e5")).build();
            JSONAssert.assertEquals("{\"Sid\":\"PullOrganizationoa1b2c3d4e5\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"*\"},\"Action\":" + PULL + ","
                    + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}",
                    only(policy), JSONCompareMode.STRICT);
            assertThat(policy.toJson("aws", "eu-west-1")).doesNotContain("ForAllValues");
        }

        @Test
        void lambdaGetsTheAccountAndTheServiceStatementBoundToTheAccountsFunctionsInTheRegion() throws Exception {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.lambdaFunctions("222233334444")).build();
            JSONAssert.assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Sid\":\"LambdaPullAccount222233334444\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::222233334444:root\"},"
                    + "\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]},"
                    + "{\"Sid\":\"LambdaServicePull222233334444\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                    + "\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"],"
                    + "\"Condition\":{\"ArnLike\":{\"aws:sourceArn\":"
                    + "\"arn:aws:lambda:eu-west-1:222233334444:function:*\"}}}]}",
                    policy.toJson("aws", "eu-west-1"), JSONCompareMode.STRICT);
        }

        @Test
        void neverAResourceElement() {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("222233334444"))
                    .push(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ci"))
                    .pull(RepositoryPrincipal.organization("o-a1b2c3d4e5"))
                    .pull(RepositoryPrincipal.lambdaFunctions("222233334444")).build();
            assertThat(policy.toJson("aws", "eu-west-1")).doesNotContain("\"Resource\"");
        }

        @Test
        void sidsAreDerivedFromContentSoAddingAConsumerRenumbersNothing() {
            RepositoryPolicy before = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("222233334444")).build();
            RepositoryPolicy after = RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("555566667777"))
                    .pull(RepositoryPrincipal.account("222233334444")).build();
            assertThat(after.sids()).containsExactly("PullAccount555566667777", "PullAccount222233334444");
            assertThat(after.sids()).containsAll(before.sids());
        }

        @Test
        void theSameInputRendersTheSameText() {
            RepositoryPolicy policy = RepositoryPolicy.builder()
                    .push(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ci")).build();
            assertThat(policy.toJson("aws", "eu-west-1")).isEqualTo(RepositoryPolicy.builder()
                    .push(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ci")).build()
                    .toJson("aws", "eu-west-1"));
assertThat(policy.sids()).containsExactly("PushRole2222333344444C30AB38");
        }
    }

    @Nested
    class Validation {

        @Test
        void everyInvalidPrincipalAtOnce() {
            assertThatThrownBy(() -> RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("12345"))
                    .pull(RepositoryPrincipal.role("arn:aws:iam::*:role/ci"))
                    .pull(RepositoryPrincipal.organization("o-ABC"))
                    .push(RepositoryPrincipal.lambdaFunctions("222233334444"))
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("account \"12345\" is invalid: must be a 12-digit AWS account id. "
                            + "Hint: use \"111122223333\"\n"
                            + "role \"arn:aws:iam::*:role/ci\" is invalid: must be an IAM role ARN "
                            + "arn:<partition>:iam::<12-digit account>:role/<path and name> (wildcards only in the "
                            + "path and name). Hint: use \"arn:aws:iam::111122223333:role/ci-publisher\"\n"
                            + "organization \"o-ABC\" is invalid: must be \"o-\" followed by 10 to 32 lowercase "
                            + "letters or digits. Hint: use \"o-a1b2c3d4e5\"\n"
                            + "push(Lambda functions of account 222233334444) is invalid: Lambda only pulls images. "
                            + "Hint: grant push to the CI role with push(RepositoryPrincipal.role(...))");
        }

        @Test
        void aMissingAccount() {
            assertThatThrownBy(() -> RepositoryPolicy.builder().pull(RepositoryPrincipal.account(null)).build())
                    .hasMessage("account is required: the 12-digit id of the account. Hint: use \"111122223333\"");
        }

        @Test
        void anUnresolvedAccount() {
            assertThatThrownBy(() -> RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account(software.amazon.awscdk.Aws.ACCOUNT_ID)).build())
                    .hasMessageEndingWith("is unresolved: write the account id out, the repository policy and its "
                            + "statement ids are rendered at synth time. Hint: use \"111122223333\"");
        }

        @Test
        void aGrantListedTwice() {
            assertThatThrownBy(() -> RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("222233334444"))
                    .pull(RepositoryPrincipal.account("222233334444")).build())
                    .hasMessage("pull(account 222233334444) is listed twice: remove the duplicate");
        }

        @Test
        void twoLambdaGrantsForTheSameAccount() {
            assertThatThrownBy(() -> RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.lambdaFunctions("222233334444"))
                    .pull(RepositoryPrincipal.lambdaFunctions("222233334444", "eu-west-1")).build())
                    .hasMessage("statement id LambdaPullAccount222233334444 would appear twice: two grants give the "
                            + "same principal the same access; remove one\n"
                            + "statement id LambdaServicePull222233334444 would appear twice: two grants give the "
                            + "same principal the same access; remove one");
        }
    }
}
