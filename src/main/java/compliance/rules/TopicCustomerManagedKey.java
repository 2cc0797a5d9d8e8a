package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.sns.CfnTopic;

/**
 * Alert topics are encrypted with a customer managed key: the AWS managed key alias/aws/sns cannot
 * be used by EventBridge or CloudWatch alarms, so alerts encrypted with it are silently dropped.
 */
public final class TopicCustomerManagedKey implements EcrRule {

    @Override
    public String suffix() {
        return "SNS1";
    }

    @Override
    public String info() {
        return "The SNS topic is not encrypted with a customer managed KMS key.";
    }

    @Override
    public String explanation() {
        return "An unencrypted topic stores messages in clear; the AWS managed key alias/aws/sns has a key policy that "
                + "EventBridge and CloudWatch cannot use, so their alerts never arrive. Fix: set masterKey to a customer "
                + "managed key whose policy allows events.amazonaws.com and cloudwatch.amazonaws.com kms:GenerateDataKey* and kms:Decrypt.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnTopic;
    }

    @Override
    public Outcome evaluate(CfnResource node) {
        // Usually a Ref or Fn::GetAtt of a key in the stack (customer managed); only a literal can name the AWS managed key.
        Object key = Resolved.value(node, ((CfnTopic) node).getKmsMasterKeyId());
        if (key == null) {
            return Outcome.nonCompliant();
        }
        boolean awsManaged = key instanceof String k && k.endsWith("alias/aws/sns");
        return Outcome.when(!awsManaged);
    }
}
