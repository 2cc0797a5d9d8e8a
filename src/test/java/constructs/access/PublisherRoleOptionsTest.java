package constructs.access;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The props every publisher role shares are declared once, in {@link PublisherRoleOptions}: each publisher's props
 * implement it and its builder inherits the shared builder methods instead of repeating them.
 */
class PublisherRoleOptionsTest {

    static final List<Class<?>> PUBLISHERS = List.of(GitHubPublisherRoleProps.class, GitLabPublisherRoleProps.class,
            CodeBuildPublisherRoleProps.class, JenkinsPublisherRoleProps.class);

    static Set<String> shared() {
        return Arrays.stream(PublisherRoleOptions.Builder.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void everyPublishersBuilderInheritsTheSharedPropsAndRepeatsNone() throws ClassNotFoundException {
        assertThat(shared()).contains("roleName", "repositoryArns", "repositories", "repositoryPrefixArn",
                "signingProfileArn", "pullThroughCachePrefixArns", "readInspectorFindings");
        for (Class<?> props : PUBLISHERS) {
            Class<?> builder = Class.forName(props.getName() + "$Builder");
            assertThat(PublisherRoleOptions.class).as(props.getSimpleName()).isAssignableFrom(props);
            assertThat(builder.getSuperclass()).as(builder.getName()).isEqualTo(PublisherRoleOptions.Builder.class);
            assertThat(Arrays.stream(builder.getDeclaredMethods()).map(Method::getName))
                    .as("shared builder methods " + builder.getName() + " declares again").doesNotContainAnyElementsOf(shared());
        }
    }

    @Test
    void theSharedBuilderMethodsReachEveryPublishersProps() {
        List<String> arns = List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/user-service");
        GitHubPublisherRoleProps github = GitHubPublisherRoleProps.builder().roleName("r").repositoryArns(arns)
                .repositoryPrefixArn("p").signingProfileArn("s").pullThroughCachePrefixArns(List.of("c"))
                .readInspectorFindings(true).subjects(List.of("repo:o/r:ref:refs/heads/main")).build();
        JenkinsPublisherRoleProps jenkins = JenkinsPublisherRoleProps.builder().roleName("r").repositoryArns(arns)
                .repositoryPrefixArn("p").signingProfileArn("s").pullThroughCachePrefixArns(List.of("c"))
                .readInspectorFindings(true).externalId("x").build();
        CodeBuildPublisherRoleProps codebuild = CodeBuildPublisherRoleProps.builder().roleName("r").repositoryArns(arns)
                .repositoryPrefixArn("p").signingProfileArn("s").pullThroughCachePrefixArns(List.of("c"))
                .readInspectorFindings(true).build();
        GitLabPublisherRoleProps gitlab = GitLabPublisherRoleProps.builder().roleName("r").repositoryArns(arns)
                .repositoryPrefixArn("p").signingProfileArn("s").pullThroughCachePrefixArns(List.of("c"))
                .readInspectorFindings(true).build();

        for (PublisherRoleOptions options : List.<PublisherRoleOptions>of(github, jenkins, codebuild, gitlab)) {
            assertThat(options.roleName()).isEqualTo("r");
            assertThat(options.repositoryArns()).isEqualTo(arns);
            assertThat(options.repositoryPrefixArn()).isEqualTo("p");
            assertThat(options.signingProfileArn()).isEqualTo("s");
            assertThat(options.pullThroughCachePrefixArns()).containsExactly("c");
            assertThat(options.readInspectorFindings()).isTrue();
        }
        assertThat(github.subjects()).containsExactly("repo:o/r:ref:refs/heads/main");
        assertThat(jenkins.externalId()).isEqualTo("x");
    }
}
