package platform;

import java.util.List;

/**
 * The rules of the image pipelines ({@code services[].publishers[]} of type {@code codepipeline}): one source, a
 * CodeConnections connection with the repository it reads or a CodeCommit repository; the branches that start the
 * pipeline, named (the generated buildspec publishes exactly those); the connection and the VPC in the first
 * environment, whose account runs the pipeline. The keys only other publisher types take are {@link PublisherRules}'.
 */
final class CodePipelineRules extends SectionRules {

    private static final int MAX_BRANCHES = limits.AwsLimits.CODEPIPELINE_TRIGGER_BRANCHES;

    CodePipelineRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        for (int i = 0; i < platform.services().size(); i++) {
            List<Publisher> publishers = platform.services().get(i).publishers();
            int first = -1;
            for (int k = 0; k < publishers.size(); k++) {
                if (publishers.get(k).type() != PublisherType.CODEPIPELINE) {
                    continue;
                }
                String path = "services[" + i + "].publishers[" + k + "]";
                if (first >= 0) {
                    problems.add(path + ".type", "service \"" + platform.services().get(i).name() + "\" has a second codepipeline"
                                    + " publisher (the first is publishers[" + first + "]): a service has one image pipeline",
                            "list every branch in the first one's branches");
                    continue;
                }
                first = k;
                pipeline(path, publishers.get(k));
            }
        }
    }

    private void pipeline(String path, Publisher p) {
        boolean connection = p.connectionArn() != null;
        boolean codeCommit = p.codeCommitRepository() != null;
        if (connection && codeCommit) {
            problems.add(path + ".codeCommitRepository", "a codepipeline publisher has one source, but both connectionArn and"
                    + " codeCommitRepository are given", "keep connectionArn (GitHub, GitLab, Bitbucket) or codeCommitRepository");
        } else if (!connection && !codeCommit && problems.isUsable(path + ".connectionArn")
                && problems.isUsable(path + ".codeCommitRepository")) {
            problems.add(path, "a codepipeline publisher needs its source: connectionArn (with sourceRepository) or"
                    + " codeCommitRepository", "add connectionArn: arn:aws:codeconnections:<region>:<account>:connection/<id>"
                    + " and sourceRepository: <owner>/<repo>; create the connection once in the console (Developer Tools >"
                    + " Settings > Connections) and authorise it there");
        }
        if (connection && p.sourceRepository() == null && problems.isUsable(path + ".sourceRepository")) {
            problems.add(path + ".sourceRepository", "a codepipeline publisher with connectionArn needs sourceRepository, the"
                    + " repository the connection reads", "add sourceRepository: <owner>/<repo>");
        }
        if (!connection && p.sourceRepository() != null) {
            problems.add(path + ".sourceRepository", "sourceRepository names the repository of a connection, but there is no"
                    + " connectionArn", codeCommit ? "remove it: codeCommitRepository names the repository" : "add connectionArn");
        }
        if (p.sourceRepository() != null && p.sourceRepository().endsWith(".git")) {
            problems.add(path + ".sourceRepository", "sourceRepository \"" + p.sourceRepository() + "\" ends in .git, but"
                            + " CodeConnections names the repository without it",
                    "write \"" + p.sourceRepository().substring(0, p.sourceRepository().length() - ".git".length()) + "\"");
        }
        EnvironmentSpec first = firstEnvironment();
        if (connection && first != null && first.account() != null && problems.isUsable(path + ".connectionArn")) {
            String account = p.connectionArn().split(":")[4];
            if (!account.equals(first.account())) {
                problems.add(path + ".connectionArn", "connection " + p.connectionArn() + " is in account " + account + ", but the"
                                + " pipeline runs in the first environment's account " + first.account()
                                + " (images are pushed there once and promoted onwards)",
                        "create the connection in account " + first.account() + " and give its ARN");
            }
        }
        branches(path, p, codeCommit);
        if (p.vpc() && first != null && (first.vpc() == null || first.vpc().subnets().isEmpty())) {
            problems.add(path + ".vpc", "vpc: true runs the builds in the first environment's VPC, but environment \""
                    + first.name() + "\" has no vpc with subnets", "add environments[].vpc with its subnets to \"" + first.name()
                    + "\", or remove vpc");
        }
    }

    private void branches(String path, Publisher p, boolean codeCommit) {
        if (p.branches().isEmpty()) {
            if (problems.isUsable(path + ".branches")) {
                problems.add(path + ".branches", "a codepipeline publisher needs branches, those whose pushes start the pipeline",
                        "add branches: [main]");
            }
            return;
        }
        if (codeCommit && p.branches().size() > 1) {
            problems.add(path + ".branches", "a CodeCommit source watches one branch, but " + p.branches().size() + " are"
                            + " listed: CodePipeline's branch filters (triggers) exist only for CodeConnections sources",
                    "keep one branch, or move the repository behind a CodeConnections connection");
        }
        if (p.branches().size() > MAX_BRANCHES) {
            problems.add(path + ".branches", p.branches().size() + " branches are listed, but a CodePipeline trigger filters on"
                    + " at most " + MAX_BRANCHES, "list at most " + MAX_BRANCHES + " branches");
        }
        namedBranches(path, p, "the generated buildspec publishes the branches it names");
        duplicates(path + ".branches", p.branches(), "branch");
    }

    private EnvironmentSpec firstEnvironment() {
        if (platform.promotionOrder().isEmpty()) {
            return null;
        }
        return platform.environment(platform.promotionOrder().get(0)).orElse(null);
    }
}
