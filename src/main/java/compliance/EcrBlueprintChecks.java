package compliance;

import compliance.rules.EcrRule;
import io.github.cdklabs.cdknag.IApplyRule;
import io.github.cdklabs.cdknag.INagSuppressionIgnore;
import io.github.cdklabs.cdknag.NagMessageLevel;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

import java.util.List;

/**
 * The {@value #PACK_NAME} cdk-nag pack: Amazon ECR practice that AwsSolutions does not cover
 * (its only ECR rule is AwsSolutions-ECR1, "no open repository policy"). The rules are listed in
 * {@link EcrBlueprintRules}; each finding is reported as {@code EcrBlueprint-<suffix>}.
 */
public class EcrBlueprintChecks extends NagPack {

    public static final String PACK_NAME = "EcrBlueprint";

    private final List<EcrRule> rules;

    public EcrBlueprintChecks(NagPackProps props, List<EcrRule> rules) {
        super(props);
        this.rules = List.copyOf(rules);
        setPackName(PACK_NAME);
    }

    @Override
    public void visit(IConstruct node) {
        if (!(node instanceof CfnResource resource)) {
            return;
        }
        for (EcrRule rule : rules) {
            if (rule.appliesTo(resource)) {
                applyRule(new RuleApplication(rule, resource));
            }
        }
    }

    /** The jsii bridge: cdk-nag reads these properties and calls {@link #rule(CfnResource)} back. */
    private static final class RuleApplication implements IApplyRule {
        private final EcrRule rule;
        private final CfnResource node;

        RuleApplication(EcrRule rule, CfnResource node) {
            this.rule = rule;
            this.node = node;
        }

        @Override
        public String getRuleSuffixOverride() {
            return rule.suffix();
        }

        @Override
        public String getInfo() {
            return rule.info();
        }

        @Override
        public void setInfo(String value) {
            throw new UnsupportedOperationException("info is fixed by the rule");
        }

        @Override
        public String getExplanation() {
            return rule.explanation();
        }

        @Override
        public void setExplanation(String value) {
            throw new UnsupportedOperationException("explanation is fixed by the rule");
        }

        @Override
        public NagMessageLevel getLevel() {
            return rule.level();
        }

        @Override
        public void setLevel(NagMessageLevel value) {
            throw new UnsupportedOperationException("level is fixed by the rule");
        }

        @Override
        public CfnResource getNode() {
            return node;
        }

        @Override
        public void setNode(CfnResource value) {
            throw new UnsupportedOperationException("node is fixed for one application of a rule");
        }

        @Override
        public INagSuppressionIgnore getIgnoreSuppressionCondition() {
            return null;
        }

        @Override
        public Object rule(CfnResource target) {
            return rule.evaluate(target).toNagResult();
        }
    }
}
