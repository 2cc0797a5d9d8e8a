package stacks;

import platform.Environment;
import platform.Platform;
import platform.Service;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

/** Everything one environment owns: one repository per service (later: keys, roles, alerts, endpoints). */
public class EnvironmentStack extends Stack {

    public EnvironmentStack(Construct scope, String id, Platform platform, Environment environment) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(software.amazon.awscdk.Environment.builder()
                        .account(environment.account()).region(environment.region()).build())
                .description("ecr-blueprint: repositories of " + platform.name() + " in " + environment.name())
                .terminationProtection("prod".equals(environment.profile()))
                .build());
        for (Service service : platform.services()) {
            Repository.Builder.create(this, service.name())
                    .repositoryName(platform.name() + "/" + environment.name() + "/" + service.name())
                    .imageTagMutability(TagMutability.IMMUTABLE)
                    .imageScanOnPush(true)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
        }
    }
}
