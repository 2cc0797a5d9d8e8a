package platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublisherRulesTest {

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

    private static List<String> problems(String publishers) {
        return PlatformFileProblems.of(BASE + publishers);
    }

    private static Platform valid(String publishers) {
        return PlatformLoader.parse("platform.yaml", BASE + publishers);
    }

    @Test
    void aJenkinsAndAGitLabPublisherLoadWithTheirDefaults() {
        Platform platform = valid("""
                      - type: jenkins
                        principalArn: arn:aws:iam::777777777777:role/jenkins-agent
                      - type: gitlab
                        gitlabProject: acme/backend/api
                        branches: [main]
                """);
        Publisher jenkins = platform.services().get(0).publishers().get(0);
        Publisher gitlab = platform.services().get(0).publishers().get(1);
        assertThat(jenkins.externalId()).isNull();
        assertThat(gitlab.gitlabIssuerUrl()).isEqualTo("https://gitlab.com");
        assertThat(gitlab.gitlabGroup()).isEqualTo("acme/backend");
        assertThat(platform.gitlabUrl()).contains("https://gitlab.com");
    }

    @Test
    void aJenkinsPublisherNeedsItsPrincipalAndTakesNoGitHubOrGitLabKeys() {
        assertThat(problems("""
                      - type: jenkins
                        repository: acme/api
                        gitlabProject: acme/api
                        allowWildcard: true
                """)).containsExactly(
                "services[0].publishers[0].principalArn (line 10): a jenkins publisher needs principalArn, the IAM role or"
                        + " user its agents run as. Hint: add principalArn: arn:aws:iam::<account>:role/<the agents' role>.",
                "services[0].publishers[0].repository (line 11): repository is not a setting of a jenkins publisher."
                        + " Hint: remove it, or set the type that takes it (github).",
                "services[0].publishers[0].gitlabProject (line 12): gitlabProject is not a setting of a jenkins publisher."
                        + " Hint: remove it, or set the type that takes it (gitlab).",
                "services[0].publishers[0].allowWildcard (line 13): allowWildcard is not a setting of a jenkins publisher."
                        + " Hint: remove it, or set the type that takes it (github or gitlab).");
    }

    @Test
    void aWildcardPrincipalIsRefusedByItsFormat() {
        assertThat(problems("""
                      - type: jenkins
                        principalArn: arn:aws:iam::777777777777:role/*
                """)).singleElement().asString()
                .startsWith("services[0].publishers[0].principalArn (line 11):");
    }

    @Test
    void aGitLabGroupNeverTakesAWildcardEvenWhereWildcardsAreAllowed() {
        assertThat(problems("""
                      - type: gitlab
                        gitlabProject: acme-*/api
                        branches: [main]
                        allowWildcard: true
                """)).containsExactly(
                "services[0].publishers[0].gitlabProject (line 11): gitlabProject \"acme-*/api\" has a wildcard in the group"
                        + " \"acme-*\": jobs of projects in any matching group of the instance could push. Hint: name the group,"
                        + " e.g. \"my-group/api\".");
    }

    @Test
    void gitLabWildcardsInTheProjectOrBranchOnlyWhereAsked() {
        assertThat(problems("""
                      - type: gitlab
                        gitlabProject: acme/api-*
                        branches: [release/*]
                """)).containsExactly(
                "services[0].publishers[0].gitlabProject (line 11): gitlabProject \"acme/api-*\" has a wildcard (* or ?) but"
                        + " allowWildcard is false. Hint: name the project, or set allowWildcard: true to trust every match.",
                "services[0].publishers[0].branches[0] (line 12): branch \"release/*\" has a wildcard (* or ?) but"
                        + " allowWildcard is false. Hint: name the branch, or set allowWildcard: true to trust every match.");
        valid("""
                      - type: gitlab
                        gitlabProject: acme/api-*
                        branches: [release/*]
                        allowWildcard: true
                """);
    }

    @Test
    void aGitLabPublisherNeedsAGroupAndBranches() {
        assertThat(problems("""
                      - type: gitlab
                        gitlabProject: acme/api.git
                """)).containsExactly(
                "services[0].publishers[0].branches (line 10): a gitlab publisher needs branches (the OIDC subjects that may"
                        + " push). Hint: add branches: [main].",
                "services[0].publishers[0].gitlabProject (line 11): gitlabProject \"acme/api.git\" ends in .git, but GitLab's"
                        + " OIDC token names the project path without it, so the trust would never match. Hint: write \"acme/api\".");
    }

    @Test
    void twoGitLabInstancesInOnePlatformAreRefused() {
        assertThat(problems("""
                      - type: gitlab
                        gitlabProject: acme/api
                        branches: [main]
                      - type: gitlab
                        gitlabProject: acme/api
                        branches: [main]
                        gitlabUrl: https://gitlab.example.com
                """)).containsExactly(
                "services[0].publishers[1].gitlabUrl (line 16): gitlabUrl \"https://gitlab.example.com\" is another GitLab"
                        + " instance than the \"https://gitlab.com\" of services[0].publishers[0]: the platform trusts one GitLab"
                        + " OIDC provider per account. Hint: use one GitLab instance for every gitlab publisher of the platform.");
    }

    @Test
    void jenkinsAndGitLabKeysAreRefusedOnAGitHubPublisher() {
        assertThat(problems("""
                      - type: github
                        repository: acme/api
                        branches: [main]
                        externalId: abc123
                """)).containsExactly(
                "services[0].publishers[0].externalId (line 13): externalId is not a setting of a github publisher."
                        + " Hint: remove it, or set the type that takes it (jenkins).");
    }

    @Test
    void anEc2PullerGetsARoleLikeTheOtherWorkloadPullers() {
        Platform platform = PlatformLoader.parse("platform.yaml", PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                pullers:
                  - type: ec2
                """);
        assertThat(platform.pullers().get(0).type()).isEqualTo(PullerType.EC2);
        assertThat(platform.pullers().get(0).getsRole()).isTrue();
    }

    @Test
    void dualStackIsOffByDefaultAndLoadsWhereSet() {
        Platform platform = valid("""
                      - type: github
                        repository: acme/api
                        branches: [main]
                        dualStack: true
                      - type: codebuild
                        project: acme-api
                """);
        assertThat(platform.services().get(0).publishers().get(0).dualStack()).isTrue();
        assertThat(platform.services().get(0).publishers().get(1).dualStack()).isFalse();
    }

    @Test
    void dualStackIsRefusedWhereItsHostNamesAreNotTheAwsPartitions() {
        String file = """
                platform: shop
                environments:
                  - name: dev
                    account: "111111111111"
                    region: eu-west-1
                    profile: dev
                  - name: prod
                    account: "222222222222"
                    region: cn-north-1
                    profile: prod
                services:
                  - name: api
                    publishers:
                      - type: github
                        repository: acme/api
                        branches: [main]
                        dualStack: true
                      - type: codebuild
                        project: acme-api
                        dualStack: true
                """;
        // The github workflow promotes into prod (China); the buildspec reaches dev only.
        assertThat(PlatformFileProblems.of(file)).contains(
                "services[0].publishers[0].dualStack (line 17): dualStack is set, but environment \"prod\", which this"
                        + " publisher's CI files reach, is in region cn-north-1 of partition aws-cn: the generated files know"
                        + " ECR's dual-stack host names of the aws partition only (<account>.dkr-ecr.<region>.on.aws)."
                        + " Hint: remove dualStack; the IPv4 endpoints serve runners with IPv4.")
                .noneMatch(p -> p.startsWith("services[0].publishers[1].dualStack"));
    }
}
