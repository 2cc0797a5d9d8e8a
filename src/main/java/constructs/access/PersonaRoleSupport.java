package constructs.access;

import limits.AwsFormats;
import constructs.internal.IamPolicySize;
import constructs.internal.RoleLimits;
import constructs.internal.Tokens;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What every persona role shares: one {@code AWS::IAM::Role} ("Resource") with an explicit name, a
 * one-hour session and the persona tag; one customer-managed policy ("Policy") attached to it, never
 * an inline policy; both documents built here in Java, sized against IAM's limits at synth time and
 * handed to CloudFormation once.
 */
final class PersonaRoleSupport {

    static final String POLICY_VERSION = "2012-10-17";

    private static final Pattern SIGNING_PROFILE_ARN = Pattern.compile(
            AwsFormats.SIGNING_PROFILE_ARN.replaceFirst("\\$$", "") + AwsFormats.SIGNING_PROFILE_VERSION_SUFFIX + "$");

    /** Actions on the repositories of one scope, under one statement id. */
    record RepositoryGrant(String sid, String field, List<String> actions, RepositoryScope scope) {
    }

    /**
     * Grants beside the repository grants, each optional.
     *
     * @param cachePrefixArns       pull-through cache namespaces ({@code repository/<prefix>/*}) the role pulls through
     * @param readInspectorFindings whether the role reads Amazon Inspector findings (the ENHANCED scan gate)
     */
    record Extras(List<String> cachePrefixArns, boolean readInspectorFindings) {
        static final Extras NONE = new Extras(List.of(), false);

        Extras {
            cachePrefixArns = List.copyOf(cachePrefixArns);
        }
    }

    private static final Pattern CACHE_PREFIX_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9]+(?:[._/-][a-z0-9]+)*/\\*");

    static void validateCachePrefixes(List<String> cachePrefixArns, List<String> problems) {
        for (int i = 0; i < cachePrefixArns.size(); i++) {
            String arn = cachePrefixArns.get(i);
            if (arn == null || (!Tokens.isUnresolved(arn) && !CACHE_PREFIX_ARN.matcher(arn).matches())) {
                problems.add("pullThroughCachePrefixArns[" + i + "] \"" + arn + "\" is invalid: must be a cache "
                        + "namespace, a repository ARN ending in <prefix>/*. Hint: "
                        + "RepositoryScope.prefixArn(account, region, \"ecr-public/\")");
            }
        }
    }

    /** What a persona role construct gets back. */
    record Built(CfnRole role, CfnManagedPolicy policy, List<Map<String, Object>> statements,
                 List<Boolean> prefixScoped) {
    }

    private PersonaRoleSupport() {
    }

    static Map<String, Object> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", POLICY_VERSION);
        document.put("Statement", List.copyOf(statements));
        return document;
    }

    static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", List.copyOf(actions));
        statement.put("Resource", List.copyOf(resources));
        return statement;
    }

    static void validateSigningProfile(String signingProfileArn, List<String> problems) {
        if (signingProfileArn != null && !Tokens.isUnresolved(signingProfileArn)
                && !SIGNING_PROFILE_ARN.matcher(signingProfileArn).matches()) {
            problems.add("signingProfileArn \"" + signingProfileArn + "\" is invalid: must be an AWS Signer signing "
                    + "profile ARN. Hint: \"arn:aws:signer:eu-west-1:111111111111:/signing-profiles/shop_release\"");
        }
    }

    /**
     * Sizes both documents, switches repository grants to their prefix while the managed policy does
     * not fit (largest listing first), and creates the role and its policy, or throws once with every
     * problem (the caller's and the size problems).
     *
     * @param what names the role in the error message; only computed when there is a problem (the
     *             construct path is a jsii round trip)
     */
    static Built build(PersonaRole scope, Supplier<String> what, Persona persona, String roleName, String description,
                       Map<String, Object> trust, List<RepositoryGrant> grants, String signingProfileArn,
                       Extras extras, List<String> problems) {
        throwIfAny(what, problems);
        Stack stack = scope.stackValues().stack();

        List<Boolean> prefixed = new ArrayList<>();
        grants.forEach(g -> prefixed.add(false));
        List<Map<String, Object>> statements = statements(grants, prefixed, signingProfileArn, extras);
        // Both documents in one Stack.resolve: each resolve is a jsii round trip, and the result is the same.
        // (Resolving a list drops null elements, hence the null trust apart.)
        List<?> resolved = (List<?>) stack.resolve(trust == null ? List.of(document(statements))
                : List.of(document(statements), trust));
        int size = IamPolicySize.characters(resolved.get(0));
        int trustSize = IamPolicySize.characters(trust == null ? null : resolved.get(1));
        int listedSize = size;
        while (size > RoleLimits.MANAGED_POLICY_CHARACTERS) {
            int next = -1;
            for (int i = 0; i < grants.size(); i++) {
                var g = grants.get(i);
                if (!prefixed.get(i) && g.scope().hasPrefix() && g.scope().repositoryArns().size() > 1
                        && (next < 0 || g.scope().repositoryArns().size()
                        > grants.get(next).scope().repositoryArns().size())) {
                    next = i;
                }
            }
            if (next < 0) {
                problems.add("the managed policy of role \"" + roleName + "\" would be " + size + " characters (every "
                        + "repository listed: " + listedSize + "), but IAM allows " + RoleLimits.MANAGED_POLICY_CHARACTERS
                        + " (whitespace excluded). Hint: give the repositories a prefix fallback, "
                        + "RepositoryScope.of(arns, RepositoryScope.prefixArn(account, region, \"<platform>/<env>/\"))");
                break;
            }
            prefixed.set(next, true);
            statements = statements(grants, prefixed, signingProfileArn, extras);
            size = IamPolicySize.characters(stack.resolve(document(statements)));
        }
        if (trustSize > RoleLimits.TRUST_POLICY_CHARACTERS) {
            problems.add("the trust policy of role \"" + roleName + "\" would be " + trustSize + " characters, but IAM "
                    + "allows " + RoleLimits.TRUST_POLICY_CHARACTERS + " by default (whitespace excluded). Hint: trust "
                    + "fewer subjects or projects per role, or split the role");
        }
        throwIfAny(what, problems);

        CfnRole role = CfnRole.Builder.create(scope, "Resource")
                .roleName(roleName)
                .description(description)
                .assumeRolePolicyDocument(trust)
                .maxSessionDuration(RoleLimits.MAX_SESSION_SECONDS)
                .tags(List.of(CfnTag.builder().key(Persona.TAG_KEY).value(persona.tagValue()).build()))
                .build();
        CfnManagedPolicy policy = CfnManagedPolicy.Builder.create(scope, "Policy")
                .description("ecr-blueprint " + persona.tagValue() + " permissions of " + roleName)
                .policyDocument(document(statements))
                .roles(List.of(role.getRef()))
                .build();
        suppress(policy, grants, prefixed, extras);
        return new Built(role, policy, statements, List.copyOf(prefixed));
    }

    private static void throwIfAny(Supplier<String> what, List<String> problems) {
        if (!problems.isEmpty()) {
            RoleLimits.throwIfAny(what.get(), problems);
        }
    }

    private static List<Map<String, Object>> statements(List<RepositoryGrant> grants, List<Boolean> prefixed,
                                                        String signingProfileArn, Extras extras) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            var g = grants.get(i);
            statements.add(allow(g.sid(), g.actions(),
                    prefixed.get(i) ? List.of(g.scope().prefixArn()) : g.scope().repositoryArns()));
        }
        if (!extras.cachePrefixArns().isEmpty()) {
            // Pull through the registry's cache rules: ECR imports the upstream image and creates the cached
            // repository on first pull, as the caller.
            statements.add(allow("PullThroughCache", Persona.CACHE_PULLER.actions(), extras.cachePrefixArns()));
        }
        statements.add(allow("GetAuthorizationToken", List.of(Persona.AUTHORIZATION_TOKEN_ACTION), List.of("*")));
        if (extras.readInspectorFindings()) {
            statements.add(allow("ReadInspectorFindings", Persona.INSPECTOR_SCAN_GATE_ACTIONS, List.of("*")));
        }
        if (signingProfileArn != null) {
            statements.add(allow("SignPushedImages", List.of(Persona.SIGN_ACTION), List.of(signingProfileArn)));
        }
        return statements;
    }

    private static void suppress(CfnManagedPolicy policy, List<RepositoryGrant> grants, List<Boolean> prefixed,
                                 Extras extras) {
        List<Object> appliesTo = new ArrayList<>(List.of("Resource::*"));
        boolean anyPrefixed = false;
        for (int i = 0; i < grants.size(); i++) {
            if (prefixed.get(i)) {
                appliesTo.add(RegexAppliesTo.builder().regex(prefixRegex(grants.get(i).scope().prefixArn())).build());
                anyPrefixed = true;
            }
        }
        for (String cache : extras.cachePrefixArns()) {
            appliesTo.add(RegexAppliesTo.builder().regex(prefixRegex(cache)).build());
        }
        String reason = "ecr:GetAuthorizationToken has no resource-level permissions, so IAM only accepts Resource \"*\" "
                + "for it (the token alone reaches no repository)"
                + (extras.readInspectorFindings() ? "; so has inspector2:ListFindings, which the scan gate filters to "
                + "the pushed image's repository and digest" : "")
                + (anyPrefixed ? "; listing every repository ARN would pass IAM's 6,144-character "
                + "managed-policy limit, so the repository actions are scoped to the environment's repository-name "
                + "prefix, which only this environment's repositories carry" : "")
                + (extras.cachePrefixArns().isEmpty() ? "" : "; ECR creates cached repositories on first pull under "
                + "names not known in advance, so the cache actions are scoped to the cache rules' namespaces")
                + ".";
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").reason(reason).appliesTo(appliesTo).build()), true);
    }

    /** cdk-nag's finding for the prefix, whatever tokens the ARN's partition, region or account are. */
    static String prefixRegex(String prefixArn) {
        int at = prefixArn.lastIndexOf(":repository/");
        String tail = at < 0 ? "" : prefixArn.substring(at + ":repository/".length());
        String literalTail = Tokens.isUnresolved(tail) ? ".+" : escape(tail);
        return "/^Resource::arn:.+:ecr:.+:repository\\/" + literalTail + "$/g";
    }

    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
