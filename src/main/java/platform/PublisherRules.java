package platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the Jenkins and GitLab publishers ({@code services[].publishers[]} of type {@code jenkins} and
 * {@code gitlab}), and of the keys only those types take. A Jenkins publisher names the existing principal its agents
 * run as; a GitLab publisher names its project and branches, with wildcards only where {@code allowWildcard} asks
 * for them and never in the group (a wildcard there would trust projects of every group of the instance).
 */
final class PublisherRules extends SectionRules {

    PublisherRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        String firstUrl = null;
        String firstUrlPath = null;
        for (int i = 0; i < platform.services().size(); i++) {
            List<Publisher> publishers = platform.services().get(i).publishers();
            for (int k = 0; k < publishers.size(); k++) {
                String path = "services[" + i + "].publishers[" + k + "]";
                Publisher p = publishers.get(k);
                publisher(path, p);
                if (p.type() == PublisherType.GITLAB && problems.isUsable(path + ".gitlabUrl")) {
                    if (firstUrl == null) {
                        firstUrl = p.gitlabIssuerUrl();
                        firstUrlPath = path;
                    } else if (!firstUrl.equals(p.gitlabIssuerUrl())) {
                        problems.add(path + ".gitlabUrl", "gitlabUrl \"" + p.gitlabIssuerUrl() + "\" is another GitLab instance than"
                                        + " the \"" + firstUrl + "\" of " + firstUrlPath + ": the platform trusts one GitLab OIDC"
                                        + " provider per account",
                                "use one GitLab instance for every gitlab publisher of the platform");
                    }
                }
            }
        }
    }

    private void publisher(String path, Publisher p) {
        if (p.type() == null) {
            return;
        }
        List<String> notHere = new ArrayList<>();
        if (p.type() != PublisherType.JENKINS) {
            given(p.principalArn(), "principalArn", notHere);
            given(p.externalId(), "externalId", notHere);
        }
        if (p.type() != PublisherType.GITLAB) {
            given(p.gitlabProject(), "gitlabProject", notHere);
            given(p.gitlabUrl(), "gitlabUrl", notHere);
        }
        if (p.type() != PublisherType.CODEPIPELINE) {
            given(p.connectionArn(), "connectionArn", notHere);
            given(p.sourceRepository(), "sourceRepository", notHere);
            given(p.codeCommitRepository(), "codeCommitRepository", notHere);
            given(p.buildImage(), "buildImage", notHere);
            given(p.computeType(), "computeType", notHere);
            if (p.vpc()) {
                notHere.add("vpc");
            }
        }
        if (p.type() == PublisherType.JENKINS || p.type() == PublisherType.GITLAB || p.type() == PublisherType.CODEPIPELINE) {
            given(p.repository(), "repository", notHere);
            given(p.project(), "project", notHere);
            given(p.releaseEnvironment(), "releaseEnvironment", notHere);
            if (!p.environments().isEmpty()) {
                notHere.add("environments");
            }
        }
        if ((p.type() == PublisherType.JENKINS || p.type() == PublisherType.CODEPIPELINE) && p.allowWildcard()) {
            notHere.add("allowWildcard");
        }
        for (String key : notHere) {
            problems.add(path + "." + key, key + " is not a setting of a " + p.type().fileValue() + " publisher",
                    "remove it, or set the type that takes it (" + takenBy(key) + ")");
        }
        if (p.dualStack()) {
            dualStack(path, p);
        }
        switch (p.type()) {
            case JENKINS -> jenkins(path, p);
            case GITLAB -> gitlab(path, p);
            default -> { }
        }
    }

    private static void given(Object value, String key, List<String> notHere) {
        if (value != null) {
            notHere.add(key);
        }
    }

    /**
     * The dual-stack registry host {@code <account>.dkr-ecr.<region>.on.aws} is the AWS partition's; China and GovCloud
     * name theirs otherwise (ECR endpoints, https://docs.aws.amazon.com/general/latest/gr/ecr.html). The files of a
     * publisher reach the first environment of the promotion order; a github publisher's workflow also promotes into
     * every later one.
     */
    private void dualStack(String path, Publisher p) {
        List<String> order = platform.promotionOrder();
        List<String> reached = p.type() == PublisherType.GITHUB ? order : order.isEmpty() ? List.of() : order.subList(0, 1);
        for (String name : reached) {
            platform.environment(name).filter(e -> e.region() != null && !"aws".equals(NameFormats.partition(e.region())))
                    .ifPresent(e -> problems.add(path + ".dualStack", "dualStack is set, but environment \"" + e.name()
                                    + "\", which this publisher's CI files reach, is in region " + e.region() + " of partition "
                                    + NameFormats.partition(e.region()) + ": the generated files know ECR's dual-stack host names of the"
                                    + " aws partition only (<account>.dkr-ecr.<region>.on.aws)",
                            "remove dualStack; the IPv4 endpoints serve runners with IPv4"));
        }
    }

    private static String takenBy(String key) {
        return switch (key) {
            case "principalArn", "externalId" -> "jenkins";
            case "gitlabProject", "gitlabUrl" -> "gitlab";
            case "project" -> "codebuild";
            case "allowWildcard" -> "github or gitlab";
            case "connectionArn", "sourceRepository", "codeCommitRepository", "buildImage", "computeType", "vpc" -> "codepipeline";
            default -> "github";
        };
    }

    private void jenkins(String path, Publisher p) {
        if (p.principalArn() == null && problems.isUsable(path + ".principalArn")) {
            problems.add(path + ".principalArn", "a jenkins publisher needs principalArn, the IAM role or user its agents run as",
                    "add principalArn: arn:aws:iam::<account>:role/<the agents' role>");
        }
        namedBranches(path, p, "a jenkins publisher lists the branches its Jenkinsfile publishes by name");
    }

    private void gitlab(String path, Publisher p) {
        String project = p.gitlabProject();
        if (project == null) {
            if (problems.isUsable(path + ".gitlabProject")) {
                problems.add(path + ".gitlabProject", "a gitlab publisher needs gitlabProject", "add gitlabProject: <group>/<project>");
            }
        } else if (project.indexOf('/') < 0) {
            problems.add(path + ".gitlabProject", "gitlabProject \"" + project + "\" names no group: the OIDC subject is"
                    + " project_path:<group>/<project>", "write the full path, e.g. \"my-group/" + project + "\"");
        } else if (hasGlob(p.gitlabGroup())) {
            problems.add(path + ".gitlabProject", "gitlabProject \"" + project + "\" has a wildcard in the group \""
                            + p.gitlabGroup() + "\": jobs of projects in any matching group of the instance could push",
                    "name the group, e.g. \"my-group/" + project.substring(project.lastIndexOf('/') + 1) + "\"");
        } else if (hasGlob(project) && !p.allowWildcard()) {
            wildcard(path + ".gitlabProject", "gitlabProject \"" + project + "\"", "name the project");
        } else if (project.endsWith(".git")) {
            problems.add(path + ".gitlabProject", "gitlabProject \"" + project + "\" ends in .git, but GitLab's OIDC token"
                    + " names the project path without it, so the trust would never match",
                    "write \"" + project.substring(0, project.length() - ".git".length()) + "\"");
        }
        if (p.branches().isEmpty() && problems.isUsable(path + ".branches")) {
            problems.add(path + ".branches", "a gitlab publisher needs branches (the OIDC subjects that may push)",
                    "add branches: [main]");
        }
        namedBranches(path, p, null);
        if (p.gitlabUrl() != null && p.gitlabUrl().substring("https://".length()).contains("?")) {
            problems.add(path + ".gitlabUrl", "gitlabUrl \"" + p.gitlabUrl() + "\" has a query: it must be the instance's"
                    + " issuer URL, as its /.well-known/openid-configuration names it", "write e.g. https://gitlab.example.com");
        }
    }
}
