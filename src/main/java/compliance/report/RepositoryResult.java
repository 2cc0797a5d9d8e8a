package compliance.report;

import java.util.List;

/**
 * One {@code AWS::ECR::Repository} of one template and its result against every control.
 *
 * @param template  the template file, relative to the cloud assembly directory
 * @param logicalId the logical id in the template
 * @param path      the construct path ({@code aws:cdk:path}, written by {@code cdk synth} unless
 *                  {@code --no-path-metadata}), or the logical id when absent
 * @param name      the repository name, or {@code (generated)} when CloudFormation names it
 */
public record RepositoryResult(String template, String logicalId, String path, String name, List<ControlResult> controls) {

    public RepositoryResult {
        controls = List.copyOf(controls);
    }
}
