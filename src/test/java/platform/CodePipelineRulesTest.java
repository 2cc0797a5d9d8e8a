package platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodePipelineRulesTest {

    private static final String BASE = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
            services:
              - name: api
                publishers:
            """;

    private static final String CONNECTION = "arn:aws:codeconnections:eu-west-1:111111111111:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private static List<String> problems(String publishers) {
        return PlatformFileProblems.of(BASE + publishers);
    }

    @Test
    void aConnectionPipelineLoadsWithItsDefaults() {
        Platform platform = PlatformLoader.parse("platform.yaml", BASE + """
                      - type: codepipeline
                        connectionArn: %s
                        sourceRepository: acme/api
                        branches: [main, release/1.x]
                """.formatted(CONNECTION));
        Publisher p = platform.services().get(0).publishers().get(0);
        assertThat(p.codeBuildImage()).isEqualTo("aws/codebuild/standard:7.0");
        assertThat(p.codeBuildComputeType()).isEqualTo(BuildComputeType.SMALL);
        assertThat(p.vpc()).isFalse();
    }

    @Test
    void aPipelineNeedsASourceAndBranches() {
        assertThat(problems("""
                      - type: codepipeline
                        computeType: large
                """)).containsExactly(
                "services[0].publishers[0] (line 10): a codepipeline publisher needs its source: connectionArn (with"
                        + " sourceRepository) or codeCommitRepository. Hint: add connectionArn:"
                        + " arn:aws:codeconnections:<region>:<account>:connection/<id> and sourceRepository: <owner>/<repo>;"
                        + " create the connection once in the console (Developer Tools > Settings > Connections) and"
                        + " authorise it there.",
                "services[0].publishers[0].branches (line 10): a codepipeline publisher needs branches, those whose pushes"
                        + " start the pipeline. Hint: add branches: [main].");
    }

    @Test
    void aCodeCommitSourceWatchesOneBranchAndTakesNoSourceRepository() {
        assertThat(problems("""
                      - type: codepipeline
                        codeCommitRepository: api
                        sourceRepository: acme/api
                        branches: [main, develop]
                """)).containsExactly(
                "services[0].publishers[0].sourceRepository (line 12): sourceRepository names the repository of a"
                        + " connection, but there is no connectionArn. Hint: remove it: codeCommitRepository names the repository.",
                "services[0].publishers[0].branches (line 13): a CodeCommit source watches one branch, but 2 are listed:"
                        + " CodePipeline's branch filters (triggers) exist only for CodeConnections sources. Hint: keep one"
                        + " branch, or move the repository behind a CodeConnections connection.");
    }

    @Test
    void theConnectionIsInTheFirstEnvironmentsAccountAndBranchesAreNamed() {
        assertThat(problems("""
                      - type: codepipeline
                        connectionArn: arn:aws:codestar-connections:eu-west-1:222222222222:connection/0f1e2d3c-4b5a
                        sourceRepository: acme/api.git
                        branches: [main, "release/*"]
                """)).containsExactly(
                "services[0].publishers[0].connectionArn (line 11): connection arn:aws:codestar-connections:eu-west-1:"
                        + "222222222222:connection/0f1e2d3c-4b5a is in account 222222222222, but the pipeline runs in the"
                        + " first environment's account 111111111111 (images are pushed there once and promoted onwards)."
                        + " Hint: create the connection in account 111111111111 and give its ARN.",
                "services[0].publishers[0].sourceRepository (line 12): sourceRepository \"acme/api.git\" ends in .git,"
                        + " but CodeConnections names the repository without it. Hint: write \"acme/api\".",
                "services[0].publishers[0].branches[1] (line 13): branch \"release/*\" has a wildcard, but the generated"
                        + " buildspec publishes the branches it names. Hint: name the branch.");
    }

    @Test
    void vpcNeedsTheFirstEnvironmentsVpcAndOtherTypesTakeNoPipelineKeys() {
        assertThat(problems("""
                      - type: codepipeline
                        codeCommitRepository: api
                        branches: [main]
                        vpc: true
                      - type: codebuild
                        project: api-build
                        computeType: small
                """)).containsExactly(
                "services[0].publishers[0].vpc (line 13): vpc: true runs the builds in the first environment's VPC, but"
                        + " environment \"dev\" has no vpc with subnets. Hint: add environments[].vpc with its subnets to"
                        + " \"dev\", or remove vpc.",
                "services[0].publishers[1].computeType (line 16): computeType is not a setting of a codebuild publisher."
                        + " Hint: remove it, or set the type that takes it (codepipeline).");
    }

    @Test
    void buildImagesAreCodeBuildCuratedOnes() {
        assertThat(problems("""
                      - type: codepipeline
                        codeCommitRepository: api
                        branches: [main]
                        buildImage: public.ecr.aws/docker/library/docker:27
                """)).singleElement().asString().startsWith("services[0].publishers[0].buildImage (line 13):")
                .contains("is not a CodeBuild curated image (aws/codebuild/<name>:<version>)");
    }
}
