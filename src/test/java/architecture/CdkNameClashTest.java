package architecture;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No public type of our API has the simple name of a type in the aws-cdk-lib packages an app that uses it imports as
 * well (core, ECR, IAM, KMS, EventBridge, and the services that run images: ECS, Lambda, CodeBuild): a user should
 * never need a fully qualified name to tell ours from aws-cdk-lib's (issue 25; {@code Environment},
 * {@code RemovalPolicy}, {@code LifecycleRule} and {@code TagStatus} were such clashes).
 */
class CdkNameClashTest {

    /** Our packages whose types an app's code names: the API packages and the lifecycle model the props take. */
    static final List<String> OURS = List.of("constructs/access", "constructs/repository", "constructs/registry",
            "constructs/network", "constructs/observability", "stacks", "platform", "lifecycle");
    /** The aws-cdk-lib packages such an app imports too. */
    static final Set<String> CDK = Set.of("software/amazon/awscdk/", "software/amazon/awscdk/services/ecr/",
            "software/amazon/awscdk/services/iam/", "software/amazon/awscdk/services/kms/",
            "software/amazon/awscdk/services/events/", "software/amazon/awscdk/services/ecs/",
            "software/amazon/awscdk/services/lambda/", "software/amazon/awscdk/services/codebuild/");

    static Set<String> cdkNames() throws IOException, URISyntaxException {
        Path jar = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .filter(name -> CDK.contains(name.substring(0, name.lastIndexOf('/') + 1)))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> ourPublicNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String pkg : OURS) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    if (Files.readString(file).matches("(?s).*\\npublic (?:final |abstract |sealed )*(?:class|interface|enum|record|@interface) "
                            + name + "\\b.*")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void noPublicTypeOfOursSharesItsNameWithAnAwsCdkLibTypeAnAppImportsToo() throws Exception {
        Set<String> cdk = cdkNames();
        Set<String> ours = ourPublicNames();

        assertThat(cdk).as("aws-cdk-lib types read").contains("Environment", "RemovalPolicy", "LifecycleRule", "TagStatus");
        assertThat(ours).as("our public types read").contains("PrivateRepository", "EnvironmentSpec", "LifecyclePolicyRule");
        assertThat(ours.stream().filter(cdk::contains).toList()).as("our public types named like aws-cdk-lib's").isEmpty();
    }
}
