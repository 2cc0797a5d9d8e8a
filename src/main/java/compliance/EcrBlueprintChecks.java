package compliance;

import compliance.rules.CheckedResource;
import compliance.rules.EcrRule;
import compliance.rules.Outcome;
import compliance.rules.StackResources;
import io.github.cdklabs.cdknag.IApplyRule;
import io.github.cdklabs.cdknag.INagSuppressionIgnore;
import io.github.cdklabs.cdknag.NagMessageLevel;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagRuleCompliance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.constructs.IConstruct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * The {@value #PACK_NAME} cdk-nag pack: Amazon ECR practice that AwsSolutions does not cover
 * (its only ECR rule is AwsSolutions-ECR1, "no open repository policy"). The rules are listed in
 * {@link EcrBlueprintRules}; each finding is reported as {@code EcrBlueprint-<suffix>}.
 *
 * <p>Unlike the JavaScript packs, this pack is not an Aspect: {@link Compliance#applyTo} runs it once per
 * stack during validation ({@link #check}). The rules are Java, and as an Aspect cdk-nag would call back
 * into Java for every construct and every rule (about 400 round trips between Node and Java per
 * repository, most of the synthesis time of a large estate). Here the properties of a stack's resources
 * are read in one batch, every rule runs in Java, and only a non-compliant result goes through cdk-nag's
 * {@code applyRule}, which applies suppressions and writes the annotation and the report line. Compliant
 * results are written to the same CSV report by {@link #check} itself.
 */
public class EcrBlueprintChecks extends NagPack {

    public static final String PACK_NAME = "EcrBlueprint";

    private final List<EcrRule> rules;
    private final boolean writeReports;
    /** Stacks already checked: validations run on every synth() of the app, the rules only once. */
    private final Set<Stack> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    public EcrBlueprintChecks(NagPackProps props, List<EcrRule> rules) {
        super(props);
        this.rules = List.copyOf(rules);
        this.writeReports = props == null || props.getReports() == null || props.getReports();
        setPackName(PACK_NAME);
    }

    /** Refuses to run as an Aspect (it would check nothing): apply it with {@link Compliance#applyTo}. */
    @Override
    public void visit(IConstruct node) {
        throw new UnsupportedOperationException("the " + PACK_NAME + " pack is not an Aspect: apply it with "
                + "compliance.Compliance.applyTo(scope, packs), which also runs AwsSolutions and fails synthesis on findings");
    }

    /** A stack the pack has checked, and where cdk-nag writes its reports. */
    record CheckedStack(Stack stack, String stackName, Path reportDirectory, boolean hasResources) {

        /** cdk-nag's CSV report of one pack for this stack ({@code NagReportLogger}'s file name). */
        Path report(String packName) {
            return reportDirectory.resolve(NagReportCsv.fileName(packName, stackName));
        }
    }

    /**
     * Runs the pack during synthesis on every stack of {@code scope}'s stage, as adding a JavaScript pack
     * as an Aspect would: findings become annotations (which fail {@code cdk synth}) and report lines.
     * {@link Compliance#applyTo} does this and also fails {@code app.synth()} on unsuppressed errors.
     */
    public void addTo(IConstruct scope) {
        scope.getNode().addValidation(() -> {
            check(scope);
            return List.of();
        });
    }

    /**
     * Checks every stack of {@code scope}'s stage not checked yet (stacks inside a nested Stage are left
     * to that stage, as Aspects are), and returns them all.
     */
    List<CheckedStack> check(IConstruct scope) {
        List<CheckedStack> checkedStacks = new ArrayList<>();
        for (var entry : stacksInScope(scope).entrySet()) {
            Stack stack = entry.getKey();
            var checked = new CheckedStack(stack, stack.getStackName(), reportDirectory(stack), !entry.getValue().isEmpty());
            if (this.checked.add(stack)) {
                check(new StackResources(stack, entry.getValue()), checked.report(PACK_NAME));
            }
            checkedStacks.add(checked);
        }
        return checkedStacks;
    }

    /**
     * Runs every rule on every resource of {@code stack}. Non-compliant results are handed to cdk-nag;
     * compliant ones are appended to {@code report} (cdk-nag's CSV report of this pack and stack), which is
     * created with its header when cdk-nag did not create it.
     */
    private void check(StackResources stack, Path report) {
        Map<CheckedResource, List<EcrRule>> applicable = new LinkedHashMap<>();
        for (CheckedResource resource : stack.resources()) {
            List<EcrRule> applying = rules.stream().filter(rule -> rule.appliesTo(resource.node())).toList();
            if (!applying.isEmpty()) {
                applicable.put(resource, applying);
            }
        }
        stack.load(List.copyOf(applicable.keySet()));
        boolean reportedByNag = false;
        List<String> compliantLines = new ArrayList<>();
        for (var entry : applicable.entrySet()) {
            CheckedResource resource = entry.getKey();
            String path = null;
            for (EcrRule rule : entry.getValue()) {
                Outcome outcome = rule.evaluate(resource);
                if (outcome.compliance() == NagRuleCompliance.NON_COMPLIANT) {
                    applyRule(new RuleApplication(rule, resource.node(), outcome));
                    reportedByNag = true;
                } else if (outcome.compliance() == NagRuleCompliance.COMPLIANT) {
                    path = path == null ? resource.path() : path;
                    compliantLines.add(NagReportCsv.line(PACK_NAME + "-" + rule.suffix(), path, "Compliant", "N/A",
                            rule.level() == NagMessageLevel.ERROR ? "Error" : "Warning", rule.info()));
                }
            }
        }
        if (applicable.isEmpty() || !writeReports) {
            return;
        }
        try {
            if (!reportedByNag) {
                Files.writeString(report, NagReportCsv.HEADER + "\n");
            }
            Files.write(report, compliantLines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compliance report " + report, e);
        }
    }

    /**
     * The stacks of the scope's stage (not of nested stages), each with its L1 resources. A nested
     * stack's resources belong to the nested stack: stacks come in pre-order, so the deepest one wins.
     */
    private static Map<Stack, List<CfnResource>> stacksInScope(IConstruct scope) {
        IConstruct stage = scope instanceof Stage ? scope : Stage.of(scope);
        // Proxies of jsii objects compare by identity; a later (deeper) stack takes over its resources.
        Map<CfnResource, Stack> owner = new LinkedHashMap<>();
        Map<Stack, List<CfnResource>> stacks = new LinkedHashMap<>();
        for (IConstruct construct : scope.getNode().findAll()) {
            if (construct instanceof Stack stack && Stage.of(stack) == stage) {
                stacks.put(stack, new ArrayList<>());
                for (IConstruct child : stack.getNode().findAll()) {
                    if (child instanceof CfnResource resource) {
                        owner.put(resource, stack);
                    }
                }
            }
        }
        owner.forEach((resource, stack) -> stacks.get(stack).add(resource));
        return stacks;
    }

    /** Where cdk-nag writes a stack's reports: the outdir of the root App, even for stacks inside a Stage. */
    private static Path reportDirectory(Stack stack) {
        // cdk-nag's App.of is the root App; Java's App.of is Stage.of (the nearest stage).
        IConstruct root = stack.getNode().getRoot();
        return Path.of(root instanceof App app ? app.getOutdir() : Stage.of(stack).getOutdir());
    }

    /** The jsii bridge: cdk-nag reads these properties and calls {@link #rule(CfnResource)} back for the outcome found in Java. */
    private static final class RuleApplication implements IApplyRule {
        private final EcrRule rule;
        private final CfnResource node;
        private final Outcome outcome;

        RuleApplication(EcrRule rule, CfnResource node, Outcome outcome) {
            this.rule = rule;
            this.node = node;
            this.outcome = outcome;
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
            return outcome.toNagResult();
        }
    }
}
