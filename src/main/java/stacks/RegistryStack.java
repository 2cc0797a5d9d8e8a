package stacks;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.CfnRegistryScanningConfiguration;
import software.constructs.Construct;

import java.util.List;

/**
 * Registry-wide singletons, exactly once per account and region: environments that share an
 * account and region (dev and staging in the default example) share this stack.
 */
public class RegistryStack extends Stack {

    public RegistryStack(Construct scope, String id, String account, String region) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(Environment.builder().account(account).region(region).build())
                .description("ecr-blueprint: registry settings for " + account + " in " + region)
                .build());
        CfnRegistryScanningConfiguration.Builder.create(this, "ScanningConfiguration")
                .scanType("BASIC")
                .rules(List.of(CfnRegistryScanningConfiguration.ScanningRuleProperty.builder()
                        .scanFrequency("SCAN_ON_PUSH")
                        .repositoryFilters(List.of(CfnRegistryScanningConfiguration.RepositoryFilterProperty.builder()
                                .filter("*").filterType("WILDCARD").build()))
                        .build()))
                .build();
    }
}
