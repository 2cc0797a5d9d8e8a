package compliance.rules;

import org.junit.jupiter.api.Test;

import static compliance.rules.RuleHarness.suppressed;
import static compliance.rules.RuleHarness.template;
import static org.assertj.core.api.Assertions.assertThat;

class PersonaActionsTest {

    private final RuleHarness rule = new RuleHarness(new PersonaActions());

    /** A role tagged with {@code persona} and a managed policy of the same template attached to it allowing {@code actions}. */
    private static com.fasterxml.jackson.databind.node.ObjectNode role(String persona, String actions) {
        return template("{'Resources': {"
                + "'Subject': {'Type': 'AWS::IAM::Role', 'Properties': {'AssumeRolePolicyDocument': {}, 'Tags': ["
                + "{'Key': 'ecr-blueprint:persona', 'Value': '" + persona + "'}]}},"
                + "'Grant': {'Type': 'AWS::IAM::ManagedPolicy', 'Properties': {'Roles': [{'Ref': 'Subject'}], 'PolicyDocument': {"
                + "'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': " + actions + ", 'Resource': '*'}]}}}}}");
    }

    @Test
    void aPullerWithThePullActionsPasses() {
        assertThat(rule.results(role("puller", "['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetAuthorizationToken']")))
                .containsExactly(rule.compliant());
    }

    @Test
    void aPullerWithAnActionOutsideItsTableFails() {
        assertThat(rule.results(role("puller", "['ecr:BatchGetImage', 'ecr:DescribeImages']")))
                .containsExactly(rule.nonCompliant("Action::ecr:DescribeImages"));
    }

    @Test
    void anUnknownPersonaFails() {
        assertThat(rule.results(role("auditor", "['ecr:BatchGetImage']"))).containsExactly(rule.nonCompliant("Persona::auditor"));
    }

    @Test
    void aSuppressionWithAReasonSuppressesTheFindingItNames() {
        var template = suppressed(role("puller", "['ecr:DescribeImages']"), PersonaActions.ID);
        assertThat(rule.results(template)).containsExactly(rule.suppressed("Action::ecr:DescribeImages"));
        assertThat(rule.results(suppressed(role("puller", "['ecr:DescribeImages']"), "EcrBlueprint-IAM1")))
                .containsExactly(rule.suppressed("Action::ecr:DescribeImages"));
    }

    /**
     * A publisher serving as a CodeBuild project's service role, with a second policy of {@code statement}; the template
     * holds a log group, a bucket and a key. {@code vpc} gives the project a VpcConfig.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode buildRole(String statement, boolean vpc) {
        return template("{'Resources': {"
                + "'Subject': {'Type': 'AWS::IAM::Role', 'Properties': {'AssumeRolePolicyDocument': {}, 'Tags': ["
                + "{'Key': 'ecr-blueprint:persona', 'Value': 'publisher'}]}},"
                + "'Project': {'Type': 'AWS::CodeBuild::Project', 'Properties': {'ServiceRole': {'Fn::GetAtt': ['Subject', 'Arn']}"
                + (vpc ? ", 'VpcConfig': {'VpcId': 'vpc-1'}" : "") + "}},"
                + "'Logs': {'Type': 'AWS::Logs::LogGroup', 'Properties': {}},"
                + "'Artifacts': {'Type': 'AWS::S3::Bucket', 'Properties': {}},"
                + "'Key': {'Type': 'AWS::KMS::Key', 'Properties': {}},"
                + "'Build': {'Type': 'AWS::IAM::ManagedPolicy', 'Properties': {'Roles': [{'Ref': 'Subject'}], 'PolicyDocument': {"
                + "'Version': '2012-10-17', 'Statement': [" + statement + "]}}}}}");
    }

    @Test
    void aBuildRoleMayWriteItsLogGroupAndReadItsArtifactBucketAndKey() {
        assertThat(rule.results(buildRole("{'Effect': 'Allow', 'Action': ['logs:CreateLogStream', 'logs:PutLogEvents'],"
                + " 'Resource': [{'Fn::GetAtt': ['Logs', 'Arn']}]},"
                + "{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:GetObjectVersion'],"
                + " 'Resource': [{'Fn::Join': ['', [{'Fn::GetAtt': ['Artifacts', 'Arn']}, '/*']]}]},"
                + "{'Effect': 'Allow', 'Action': 'kms:Decrypt', 'Resource': {'Fn::GetAtt': ['Key', 'Arn']}}", false)))
                .containsExactly(rule.compliant());
    }

    @Test
    void aBuildRolesLogAndArtifactActionsFailOnAnyOtherResource() {
        assertThat(rule.results(buildRole("{'Effect': 'Allow', 'Action': ['logs:PutLogEvents'], 'Resource': '*'},"
                + "{'Effect': 'Allow', 'Action': ['s3:GetObject'], 'Resource': 'arn:aws:s3:::someone-elses-bucket/*'},"
                + "{'Effect': 'Allow', 'Action': ['kms:Decrypt'], 'Resource': [{'Fn::GetAtt': ['Artifacts', 'Arn']}]}", false)))
                .containsExactlyInAnyOrder(rule.nonCompliant("Action::kms:Decrypt"), rule.nonCompliant("Action::logs:PutLogEvents"),
                        rule.nonCompliant("Action::s3:GetObject"));
    }

    @Test
    void networkInterfaceActionsPassOnlyForAProjectInAVpc() {
        String statement = "{'Effect': 'Allow', 'Action': ['ec2:CreateNetworkInterface', 'ec2:DescribeVpcs'], 'Resource': '*'}";
        assertThat(rule.results(buildRole(statement, true))).containsExactly(rule.compliant());
        assertThat(rule.results(buildRole(statement, false)))
                .containsExactlyInAnyOrder(rule.nonCompliant("Action::ec2:CreateNetworkInterface"),
                        rule.nonCompliant("Action::ec2:DescribeVpcs"));
    }

    @Test
    void aPublisherThatServesNoProjectGetsNoBuildActions() {
        var template = role("publisher", "['logs:PutLogEvents']");
        assertThat(rule.results(template)).containsExactly(rule.nonCompliant("Action::logs:PutLogEvents"));
    }
}
