package cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import lifecycle.DescribeImagesException;
import lifecycle.ImageInventory;
import lifecycle.LifecyclePolicy;
import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import lifecycle.LifecyclePolicyException;
import lifecycle.LifecyclePreview;
import lifecycle.StoragePricing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code ecr-blueprint lifecycle preview}: what a lifecycle policy would expire or archive, computed offline
 * from {@code aws ecr describe-images} output.
 *
 * <p>Nothing is printed until everything that can fail (options, both files, the policy, the evaluation) has
 * succeeded, so a failure never leaves half a table or half a JSON document behind: both are written in chunks
 * once the preview is complete.
 */
@Command(name = "preview",
        mixinStandardHelpOptions = true,
        description = "Shows, per image, whether a lifecycle policy expires it, transitions it to archive or keeps it, "
                + "the rule priority that decided, totals of images and bytes, and the monthly storage cost before "
                + "and after (an upper bound: shared layers are counted once per image).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:preview printed", "2:unusable input (options, unreadable file, malformed JSON, invalid policy)"})
public final class LifecyclePreviewCommand implements Callable<Integer> {

    static final int INPUT_ERROR = 2;

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "<file>",
            description = "Lifecycle policy JSON: the lifecyclePolicyText of `aws ecr get-lifecycle-policy`."
                    + " Or give --platform, --environment and --service instead.")
    Path policyFile;

    @Option(names = "--platform", paramLabel = "<file>",
            description = "Preview the policy the platform file gives --service in --environment (what the stacks deploy).")
    Path platformFile;

    @Option(names = "--environment", paramLabel = "<name>", description = "With --platform: the environment.")
    String environment;

    @Option(names = "--service", paramLabel = "<name>", description = "With --platform: the service.")
    String service;

    @Option(names = "--images", required = true, paramLabel = "<file>",
            description = "Output of `aws ecr describe-images --output json`; several pages may be concatenated.")
    Path imagesFile;

    @Option(names = "--now", paramLabel = "<ISO-8601>",
            description = "The time to evaluate at, e.g. 2026-01-15T12:00:00Z. Default: the current time.")
    String now;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--price-per-gb-month", paramLabel = "<USD>", defaultValue = "0.10",
            description = "Standard storage price in USD per GB-month. Default: ${DEFAULT-VALUE} (Amazon ECR pricing).")
    double standardPrice;

    @Option(names = "--archive-price-per-gb-month", paramLabel = "<USD>", defaultValue = "0.10",
            description = "Archive storage price in USD per GB-month. Default: ${DEFAULT-VALUE} (Amazon ECR pricing, "
                    + "first 150 TB a month).")
    double archivePrice;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Instant at = evaluationTime();
            StoragePricing pricing = pricing();
            // The listing is read while the policy is parsed (its JSON library's first use costs half a second of
            // class loading); a policy error is still the one reported when both inputs are wrong.
            FutureTask<ImageInventory> reading = new FutureTask<>(this::readImages);
            Thread reader = new Thread(reading, "read-images");
            reader.setDaemon(true);
            reader.start();
            LifecyclePolicy policy = readPolicy();
            ImageInventory images = result(reading);
            LifecyclePreview preview = LifecyclePreview.run(policy, images, at);
            if (format == Format.json) {
                // Everything that can fail has run: the output is written as it is formatted, in chunks, rather
                // than held whole (a million images make 126 MB of text).
                json(preview, pricing, spec.commandLine().getOut());
                return 0;
            }
            // As for JSON: nothing can fail any more, so rows stream out in chunks (PreviewTable).
            PreviewTable.write(preview, pricing, spec.commandLine().getOut());
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return INPUT_ERROR;
        }
    }

    /** The policy the stacks deploy for this service in this environment (profile, overrides, tagging). */
    private LifecyclePolicy platformPolicy() {
        Platform model;
        try {
            model = PlatformLoader.load(platformFile);
        } catch (PlatformFileException e) {
            throw new InputException(e.getMessage());
        }
        var env = model.environment(environment).orElseThrow(() -> new InputException("--environment \"" + environment
                + "\" is not an environment of " + platformFile + ": use one of "
                + model.environments().stream().map(platform.EnvironmentSpec::name).toList()));
        var svc = model.service(service).orElseThrow(() -> new InputException("--service \"" + service
                + "\" is not a service of " + platformFile + ": use one of "
                + model.services().stream().map(platform.Service::name).toList()));
        return model.lifecyclePolicy(env, svc);
    }

    private Instant evaluationTime() {
        if (now == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputException("--now \"" + now + "\" is not an ISO-8601 time with offset. Fix: write it like "
                    + "2026-01-15T12:00:00Z");
        }
    }

    private StoragePricing pricing() {
        try {
            return new StoragePricing(standardPrice, archivePrice);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private LifecyclePolicy readPolicy() {
        if (platformFile != null || environment != null || service != null) {
            if (policyFile != null || platformFile == null || environment == null || service == null) {
                throw new InputException("the policy comes either from --policy <file> or from all three of --platform,"
                        + " --environment and --service. Fix: give one of the two");
            }
            return platformPolicy();
        }
        if (policyFile == null) {
            throw new InputException("no lifecycle policy given. Fix: pass --policy <file>, or --platform <file>"
                    + " --environment <name> --service <name>");
        }
        String text;
        try {
            try (InputStream in = new FileInputStream(policyFile.toFile())) {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            }
        } catch (IOException e) {
            throw new InputException("cannot read the lifecycle policy file " + policyFile + ": " + reason(e)
                    + ". Fix: pass the path of a readable JSON file to --policy");
        }
        try {
            return LifecyclePolicy.parse(text);
        } catch (LifecyclePolicyException e) {
            throw new InputException("the lifecycle policy file " + policyFile + " cannot be used: " + e.getMessage());
        }
    }

    private static ImageInventory result(FutureTask<ImageInventory> reading) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the images file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ImageInventory readImages() {
        try {
            return ImageInventory.read(imagesFile);
        } catch (DescribeImagesException e) {
            throw new InputException("the images file " + imagesFile + " cannot be used: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("cannot read the images file " + imagesFile + ": " + reason(e)
                    + ". Fix: pass the path of a readable JSON file to --images");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileNotFoundException) {
            return e.getMessage() != null && e.getMessage().contains("Permission denied") ? "permission denied"
                    : e.getMessage() != null && e.getMessage().contains("Is a directory") ? "it is a directory"
                    : "no such file";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final char[] FIRST_IMAGE = "\n{\"imageDigest\":\"".toCharArray();
    private static final char[] NEXT_IMAGE = ",\n{\"imageDigest\":\"".toCharArray();
    private static final char[] ACTION = "\",\"action\":\"".toCharArray();
    private static final char[] PRIORITY = "\",\"rulePriority\":".toCharArray();
    private static final char[] NULL = "null".toCharArray();
    private static final char[][] ACTIONS = java.util.Arrays.stream(lifecycle.PreviewAction.values())
            .map(a -> a.json().toCharArray()).toArray(char[][]::new);
    /** Room for the longest line of an image with a sha256 digest (132 chars) and some. */
    private static final int LINE_ROOM = 256;

    static void json(LifecyclePreview preview, StoragePricing pricing, PrintWriter writer) {
        // The image list is written by hand into one reused chunk: a million generator calls, digest Strings or
        // boxed priorities cost more than the preview itself. Digests are escaped like any JSON string; actions
        // and numbers need no escaping.
        StringBuilder totals = new StringBuilder(2048);
        totals(preview, pricing, totals);
        char[] chunk = new char[1 << 16];
        int at = append("{\"images\":[".toCharArray(), chunk, 0);
        for (int i = 0; i < preview.size(); i++) {
            if (at > chunk.length - LINE_ROOM) {
                writer.write(chunk, 0, at);
                at = 0;
            }
            at = append(i == 0 ? FIRST_IMAGE : NEXT_IMAGE, chunk, at);
            if (preview.writeSha256Digest(i, chunk, at)) {
                at += 71;
            } else {
                writer.write(chunk, 0, at);
                at = 0;
                StringBuilder digest = new StringBuilder();
                preview.appendDigest(i, digest);
                escapeFrom(digest, 0);
                writer.write(digest.toString());
            }
            at = append(ACTION, chunk, at);
            at = append(ACTIONS[preview.action(i).ordinal()], chunk, at);
            at = append(PRIORITY, chunk, at);
            int priority = preview.rulePriorityOrZero(i);
            at = priority == 0 ? append(NULL, chunk, at) : appendPositive(priority, chunk, at);
            chunk[at++] = '}';
        }
        writer.write(chunk, 0, at);
        writer.write(totals.toString());
        writer.flush();
    }

    private static int append(char[] text, char[] target, int at) {
        System.arraycopy(text, 0, target, at, text.length);
        return at + text.length;
    }

    /** Decimal digits of a positive int (rule priorities), as Integer.toString writes them. */
    private static int appendPositive(int value, char[] target, int at) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int k = at + digits - 1; k >= at; k--) {
            target[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }

    /** The end of the image list and the totals object: {@code ],\n"totals":{...}}\n}. */
    private static void totals(LifecyclePreview preview, StoragePricing pricing, StringBuilder out) {
        out.append("],\n\"totals\":");
        try (JsonGenerator json = new JsonFactory().createGenerator(new StringBuilderWriter(out))) {
            LifecyclePreview.Totals totals = preview.totals();
            json.writeStartObject();
            json.writeNumberField("images", totals.images());
            json.writeNumberField("bytes", totals.bytes());
            outcome(json, "expired", totals.expiredImages(), totals.expiredBytes());
            outcome(json, "transitioned", totals.transitionedImages(), totals.transitionedBytes());
            outcome(json, "kept", totals.keptImages(), totals.keptBytes());
            json.writeObjectFieldStart("storage");
            storageClass(json, "standard", totals.standardBytesBefore(), totals.standardBytesAfter(),
                    pricing.monthlyCost(totals.standardBytesBefore(), 0), pricing.monthlyCost(totals.standardBytesAfter(), 0));
            storageClass(json, "archive", totals.archiveBytesBefore(), totals.archiveBytesAfter(),
                    pricing.monthlyCost(0, totals.archiveBytesBefore()), pricing.monthlyCost(0, totals.archiveBytesAfter()));
            json.writeEndObject();
            json.writeObjectFieldStart("monthlyStorageCost");
            json.writeStringField("currency", "USD");
            json.writeNumberField("before", round(totals.monthlyCostBefore(pricing)));
            json.writeNumberField("after", round(totals.monthlyCostAfter(pricing)));
            json.writeBooleanField("upperBound", true);
            json.writeStringField("note", StoragePricing.UPPER_BOUND_NOTE);
            json.writeNumberField("standardPricePerGbMonth", pricing.standardPerGbMonth());
            json.writeStringField("standardPriceSource", StoragePricing.STANDARD_SOURCE);
            json.writeNumberField("archivePricePerGbMonth", pricing.archivePerGbMonth());
            json.writeStringField("archivePriceSource", StoragePricing.ARCHIVE_SOURCE);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        out.append("}\n");
    }

    /** JSON-escapes what was appended from {@code start} on, when it needs it (sha256 digests never do). */
    private static void escapeFrom(StringBuilder out, int start) {
        for (int k = start; k < out.length(); k++) {
            char c = out.charAt(k);
            if (c == '"' || c == '\\' || c < 0x20) {
                String raw = out.substring(start);
                out.setLength(start);
                out.append(JsonStringEncoder.getInstance().quoteAsString(raw));
                return;
            }
        }
    }

    private static void outcome(JsonGenerator json, String name, long images, long bytes) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("images", images);
        json.writeNumberField("bytes", bytes);
        json.writeEndObject();
    }

    /** Bytes and monthly cost of one storage class before and after the policy acts. */
    private static void storageClass(JsonGenerator json, String name, long bytesBefore, long bytesAfter,
                                     double costBefore, double costAfter) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("bytesBefore", bytesBefore);
        json.writeNumberField("bytesAfter", bytesAfter);
        json.writeNumberField("monthlyCostBefore", round(costBefore));
        json.writeNumberField("monthlyCostAfter", round(costAfter));
        json.writeEndObject();
    }

    private static double round(double dollars) {
        return Math.round(dollars * 100.0) / 100.0;
    }

    /** Unusable input: the message is complete and meant for the user as it is. */
    private static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    /** A Writer appending to a StringBuilder (StringWriter synchronizes every call). */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder target;

        StringBuilderWriter(StringBuilder target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            target.append(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            target.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
