package stacks;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.constructs.Construct;

import java.util.List;

/**
 * Global IAM, exactly once per account: IAM is not regional, so two environments or regions in
 * one account must never both create it.
 */
public class AccountStack extends Stack {

    public AccountStack(Construct scope, String id, String account, String region) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(Environment.builder().account(account).region(region).build())
                .description("ecr-blueprint: account-wide IAM for account " + account)
                .build());
        // The native resource, not the custom-resource Lambda behind iam.OpenIdConnectProvider.
        CfnOIDCProvider.Builder.create(this, "GitHubOidcProvider")
                .url("https://token.actions.githubusercontent.com")
                .clientIdList(List.of("sts.amazonaws.com"))
                .build();
    }
}
