package access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code aws <service> <command>} of the generated CI files (GitHub workflows, CodeBuild buildspecs, Jenkinsfiles
 * and GitLab CI files), with
 * the role its job runs as, mapped to the IAM action and resource it needs: the input of the check that every call
 * is allowed for the role that makes it.
 */
public final class CiCalls {

    /** One AWS CLI call of a job. */
    public record Call(String file, String job, String roleArn, String command, String action, String resource) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern AWS_CALL = Pattern.compile("(?<![\\w./-])aws\\s+([a-z0-9-]+)\\s+(wait\\s+)?([a-z0-9-]+)([^|)\\n]*)");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/[\\w+=,.@-]+");
    private static final String CONFIGURE_CREDENTIALS = "aws-actions/configure-aws-credentials";

    /**
     * CLI commands whose IAM action is not the command's name in PascalCase.
     * Sources: https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html (calls GetAuthorizationToken),
     * https://docs.aws.amazon.com/cli/latest/reference/ecr/wait/image-scan-complete.html (polls DescribeImageScanFindings)
     */
    static final Map<String, String> ACTION_OF_COMMAND = Map.of(
            "ecr get-login-password", "ecr:GetAuthorizationToken",
            "ecr wait image-scan-complete", "ecr:DescribeImageScanFindings");

    private CiCalls() {
    }

    /** The calls of every file, by the path {@code PublishingFiles.generate} gives it. */
    public static List<Call> of(Map<String, String> files) {
        List<Call> calls = new ArrayList<>();
        files.forEach((path, text) -> calls.addAll(path.endsWith("buildspec.yml") ? buildspec(path, text)
                : path.endsWith("Jenkinsfile") ? jenkinsfile(path, text)
                : path.endsWith(".gitlab-ci.yml") ? gitlabCi(path, text) : workflow(path, text)));
        return calls;
    }

    private static final Pattern GROOVY_ENV = Pattern.compile("^\\s+(\\w+) = '((?:[^'\\\\]|\\\\.)*)'$", Pattern.MULTILINE);
    private static final Pattern GROOVY_SCRIPT = Pattern.compile("sh '''(.*?)'''", Pattern.DOTALL);

    /** A declarative Jenkinsfile: the environment block's values, and each {@code sh} script as the role it assumes. */
    private static List<Call> jenkinsfile(String file, String text) {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher e = GROOVY_ENV.matcher(text);
        while (e.find()) {
            env.put(e.group(1), e.group(2).replace("\\'", "'").replace("\\\\", "\\"));
        }
        List<Call> calls = new ArrayList<>();
        Matcher script = GROOVY_SCRIPT.matcher(text);
        while (script.find()) {
            // Groovy reads the doubled backslashes of a ''' string as one.
            calls.addAll(calls(file, "Publish", env.get("PUBLISHER_ROLE_ARN"), script.group(1).replace("\\\\", "\\"), env));
        }
        return calls;
    }

    /** A GitLab CI file: global and job variables; every job with an ID token runs as its PUBLISHER_ROLE_ARN. */
    private static List<Call> gitlabCi(String file, String text) {
        JsonNode root = read(text);
        Map<String, String> env = strings(root.path("variables"));
        List<Call> calls = new ArrayList<>();
        root.fields().forEachRemaining(job -> {
            if (!job.getValue().has("script")) {
                return;
            }
            Map<String, String> jobEnv = new LinkedHashMap<>(env);
            jobEnv.putAll(strings(job.getValue().path("variables")));
            String role = job.getValue().has("id_tokens") ? jobEnv.get("PUBLISHER_ROLE_ARN") : null;
            for (JsonNode line : job.getValue().path("script")) {
                calls.addAll(calls(file, job.getKey(), role, line.asText(), jobEnv));
            }
        });
        return calls;
    }

    private static List<Call> workflow(String file, String text) {
        JsonNode root = read(text);
        Map<String, String> env = strings(root.path("env"));
        List<Call> calls = new ArrayList<>();
        root.path("jobs").fields().forEachRemaining(job -> {
            String role = null;
            Map<String, String> jobEnv = new LinkedHashMap<>(env);
            jobEnv.putAll(strings(job.getValue().path("env")));
            for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText().startsWith(CONFIGURE_CREDENTIALS)) {
                    role = step.path("with").path("role-to-assume").asText();
                    jobEnv.putIfAbsent("AWS_REGION", step.path("with").path("aws-region").asText());
                }
                if (step.has("run")) {
                    Map<String, String> stepEnv = new LinkedHashMap<>(jobEnv);
                    stepEnv.putAll(strings(step.path("env")));
                    calls.addAll(calls(file, job.getKey(), role, step.path("run").asText(), stepEnv));
                }
            }
        });
        return calls;
    }

    private static List<Call> buildspec(String file, String text) {
        JsonNode root = read(text);
        Map<String, String> env = strings(root.path("env").path("variables"));
        // A buildspec cannot choose its role: the generated header names the project's service role.
        String header = text.substring(0, text.indexOf("version:"));
        Matcher role = ROLE_ARN.matcher(header);
        String roleArn = role.find() ? role.group() : null;
        List<Call> calls = new ArrayList<>();
        root.path("phases").fields().forEachRemaining(phase -> phase.getValue().path("commands")
                .forEach(command -> calls.addAll(calls(file, phase.getKey(), roleArn, command.asText(), env))));
        return calls;
    }

    private static List<Call> calls(String file, String job, String roleArn, String script, Map<String, String> env) {
        String joined = script.replace("\\\n", " ");
        List<Call> calls = new ArrayList<>();
        Matcher m = AWS_CALL.matcher(joined);
        while (m.find()) {
            String service = m.group(1);
            if (service.equals("sts")) {
                continue; // the assumption of the role itself, by the caller's own identity: the trust scenarios decide it
            }
            boolean waiter = m.group(2) != null;
            String command = service + (waiter ? " wait " : " ") + m.group(3);
            String arguments = m.group(4);
            String action = ACTION_OF_COMMAND.getOrDefault(command, service + ":" + pascal(m.group(3)));
            if (waiter && !ACTION_OF_COMMAND.containsKey(command)) {
                throw new IllegalStateException(file + " job " + job + ": no IAM action known for waiter `aws " + command
                        + "`: add it to CiCalls.ACTION_OF_COMMAND from the CLI reference");
            }
            String resource = "*";
            String repository = argument(arguments, "--repository-name", env, file);
            if (repository != null) {
                String region = argument(arguments, "--region", env, file);
                String registry = argument(arguments, "--registry-id", env, file);
                String account = registry != null ? registry : roleArn == null ? "000000000000" : roleArn.split(":")[4];
                resource = EstateTemplates.repositoryArn(account, region, repository);
            }
            calls.add(new Call(file, job, roleArn, "aws " + command, action, resource));
        }
        return calls;
    }

    /** The value of {@code --name} in the arguments, with {@code $VAR} / {@code "$VAR"} resolved from the job's environment. */
    private static String argument(String arguments, String name, Map<String, String> env, String file) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "[\\s=]+(\"[^\"]*\"|'[^']*'|\\S+)").matcher(arguments);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).replaceAll("^[\"']|[\"']$", "");
        Matcher variable = Pattern.compile("\\$\\{?(\\w+)}?").matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String resolved = env.get(variable.group(1));
            if (resolved == null) {
                throw new IllegalStateException(file + ": " + name + " " + value + " uses $" + variable.group(1)
                        + ", which the file does not set");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static String pascal(String command) {
        StringBuilder out = new StringBuilder();
        for (String part : command.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct calls, in order. */
    static List<Call> distinct(List<Call> calls) {
        Set<Call> set = new LinkedHashSet<>(calls);
        return List.copyOf(set);
    }
}
