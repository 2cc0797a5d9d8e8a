package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node processes that validate CloudFormation templates with {@code @aws/cloudformation-validate}
 * ({@code cloudformation-validate-worker.js}), shared by every App of the JVM.
 *
 * <p>Why: aws-cdk-lib validates each template in the jsii Node process, one after the other, after
 * synthesis, and pays about 3 s on the first template for the engine's start. The workers start when the
 * first App registers the validation, warm up while the JVM constructs, and validate as many templates at
 * once as there are workers. Results are kept by template content, account and region, so a template
 * submitted twice (the CDK asks environment by environment, {@link ParallelTemplateValidation} submits all of
 * them at the first call) is validated once.
 *
 * <p>A worker that cannot start (no {@code node_modules/@aws/cloudformation-validate} beside the
 * project, for example in an app that uses the constructs as a Maven dependency only) reports so, and
 * {@link ParallelTemplateValidation} falls back to the CDK's own validation.
 */
final class TemplateValidationWorkers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Results kept: a test JVM synthesizes a few hundred templates; each result is a short list. */
    private static final int MAX_RESULTS = 4096;

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> engineVersion = new CompletableFuture<>();
    private final Map<String, CompletableFuture<List<TemplateDiagnostic>>> results =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<List<TemplateDiagnostic>>> eldest) {
                    return size() > MAX_RESULTS;
                }
            };
    private final AtomicInteger running = new AtomicInteger();
    private final int maxCount;
    private final String node;
    private final Path moduleDirectory;
    private final Path scripts;
    private int started;
    private final AtomicInteger nextId = new AtomicInteger();
    private final List<Process> processes = new ArrayList<>();

    private record Task(int id, Path template, String accountId, String region, String key,
                        CompletableFuture<List<TemplateDiagnostic>> result) {
    }

    /**
     * Starts one worker with {@code node}, resolving the validator from {@code moduleDirectory} (Node walks up
     * from there to the nearest {@code node_modules}); {@link #ensureStarted} adds more, up to {@code maxCount}.
     */
    TemplateValidationWorkers(int maxCount, String node, Path moduleDirectory) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("validation workers: count must be at least 1, got " + maxCount);
        }
        this.maxCount = maxCount;
        this.node = node;
        this.moduleDirectory = moduleDirectory;
        this.scripts = extractScripts();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "template-validation-workers-stop"));
        ensureStarted(1);
    }

    /**
     * Starts workers until {@code count} (at most the maximum) have been started. Each worker costs about 5 s
     * of CPU to start and warm up, so the first starts at once and the others only when there is work to share
     * (at the first validation, or earlier through {@link ParallelTemplateValidation#expectTemplates}).
     */
    synchronized void ensureStarted(int count) {
        while (started < Math.min(count, maxCount)) {
            // --single-threaded: the worker's engine starts in about half the CPU time (V8 compiles the
            // WebAssembly validator and collects garbage on the calling thread instead of competing
            // background threads); on 2 cores a second worker otherwise slows the JVM's construction.
            ProcessBuilder builder = new ProcessBuilder(node, "--single-threaded",
                    scripts.resolve("cloudformation-validate-worker.js").toString(),
                    moduleDirectory.toString(), scripts.resolve("warm-up.template.json").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            running.incrementAndGet();
            Thread thread = new Thread(() -> serve(builder), "template-validation-worker-" + started);
            thread.setDaemon(true);
            thread.start();
            started++;
        }
    }

    /**
     * The validator's version once a worker is ready, for example {@code 1.6.0}; completes exceptionally
     * with the reason when no worker can start.
     */
    CompletableFuture<String> engineVersion() {
        return engineVersion;
    }

    /**
     * The findings of the validator on {@code template} for the given environment (null when not known).
     * Completes exceptionally when the worker fails on it.
     */
    CompletableFuture<List<TemplateDiagnostic>> validate(Path template, String accountId, String region) {
        String key = contentHash(template) + "|" + accountId + "|" + region;
        synchronized (results) {
            CompletableFuture<List<TemplateDiagnostic>> known = results.get(key);
            if (known != null && !known.isCompletedExceptionally()) {
                return known;
            }
            CompletableFuture<List<TemplateDiagnostic>> result = new CompletableFuture<>();
            results.put(key, result);
            queue.add(new Task(nextId.incrementAndGet(), template.toAbsolutePath(), accountId, region, key, result));
            if (running.get() == 0) {
                failQueued("no template validation worker is running");
            }
            return result;
        }
    }

    private void serve(ProcessBuilder builder) {
        String reason = "the worker stopped";
        try {
            Process process = builder.start();
            synchronized (processes) {
                processes.add(process);
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            BufferedWriter in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            JsonNode hello = readLine(out, process);
            if (!hello.path("ready").asBoolean(false)) {
                reason = hello.path("error").asText("the worker did not start");
                return;
            }
            engineVersion.complete(hello.path("version").asText());
            while (true) {
                Task task = queue.take();
                try {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("id", task.id());
                    request.put("template", task.template().toString());
                    request.put("accountId", task.accountId());
                    request.put("region", task.region());
                    in.write(JSON.writeValueAsString(request));
                    in.newLine();
                    in.flush();
                    JsonNode reply = readLine(out, process);
                    if (reply.has("error") || reply.path("id").asInt() != task.id()) {
                        fail(task, new IllegalStateException("validation worker: " + task.template() + ": "
                                + reply.path("error").asText("reply to another request")));
                    } else {
                        task.result().complete(List.of(JSON.treeToValue(reply.path("diagnostics"), TemplateDiagnostic[].class)));
                    }
                } catch (IOException | RuntimeException e) {
                    fail(task, e);
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            reason = e.getMessage();
        } finally {
            if (running.decrementAndGet() == 0) {
                engineVersion.completeExceptionally(new IllegalStateException(reason));
                failQueued(reason);
            }
        }
    }

    private static JsonNode readLine(BufferedReader out, Process process) throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("validation worker exited" + (process.isAlive() ? "" : " with code " + process.exitValue()));
        }
        return JSON.readTree(line);
    }

    private void fail(Task task, Exception cause) {
        synchronized (results) {
            results.remove(task.key());
        }
        task.result().completeExceptionally(cause);
    }

    private void failQueued(String reason) {
        List<Task> left = new ArrayList<>();
        queue.drainTo(left);
        for (Task task : left) {
            fail(task, new IllegalStateException("template validation workers are not available: " + reason));
        }
    }

    private void stop() {
        synchronized (processes) {
            processes.forEach(Process::destroy);
        }
    }

    private static String contentHash(Path template) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(template)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The worker script and its warm-up template, copied out of the jar into a directory deleted at exit. */
    private static Path extractScripts() {
        try {
            Path directory = Files.createTempDirectory("ecr-blueprint-validation-");
            directory.toFile().deleteOnExit();
            for (String name : List.of("cloudformation-validate-worker.js", "warm-up.template.json")) {
                Path file = directory.resolve(name);
                try (InputStream resource = TemplateValidationWorkers.class.getResourceAsStream("/validation/" + name)) {
                    if (resource == null) {
                        throw new IllegalStateException("resource /validation/" + name + " is missing from the build");
                    }
                    Files.copy(resource, file);
                }
                file.toFile().deleteOnExit();
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the template validation worker", e);
        }
    }
}
