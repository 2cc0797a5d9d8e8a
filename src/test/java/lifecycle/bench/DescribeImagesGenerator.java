package lifecycle.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a synthetic {@code aws ecr describe-images} listing for the lifecycle-preview benchmark
 * (bench/lifecycle/run.sh): pages of 1,000 images concatenated, every field AWS CLI v2 prints for a scanned
 * image (registry, repository, media types, scan status and findings summary, ISO-8601 times with
 * microseconds), written compactly, one image per line, as {@code describe-images --output json | jq -c}
 * would. See bench/lifecycle/RESULTS.md for why compact.
 *
 * <p>Usage: {@code DescribeImagesGenerator <images> <output file> <now ISO-8601> [--with-scan-findings]}.
 * Deterministic (fixed seed). Without the flag the images carry no scan results (about 430 bytes an image);
 * with it, a basic-scan status and findings summary each (about 690 bytes).
 * Lives under src/test: it is benchmark tooling and must not ship in the jar.
 */
public final class DescribeImagesGenerator {

    private static final int PAGE = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private DescribeImagesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long now = Instant.parse(args[2]).toEpochMilli();
        boolean scanFields = args.length > 3 && args[3].equals("--with-scan-findings");
        SplittableRandom random = new SplittableRandom(20260115L);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 20)) {
            for (int start = 0; start < count; start += PAGE) {
                out.write("{\"imageDetails\":[\n");
                int end = Math.min(count, start + PAGE);
                for (int i = start; i < end; i++) {
                    image(out, i, now, random, scanFields);
                    out.write(i + 1 < end ? "},\n" : "}\n");
                }
                out.write("],\"nextToken\":\"page-" + (start / PAGE + 1) + "\"}\n");
            }
        }
    }

    private static void image(Writer out, int i, long now, SplittableRandom random, boolean scanFields) throws IOException {
        long pushed = now - random.nextLong(2L * 365 * 86_400_000L);
        out.write("{\"registryId\":\"123456789012\",\"repositoryName\":\"shop/prod/user-service\",\"imageDigest\":\"sha256:");
        out.write(hex(i, random));
        out.write("\",");
        String[] tags = tags(i, random);
        if (tags.length > 0) {
            out.write("\"imageTags\":[");
            for (int t = 0; t < tags.length; t++) {
                out.write((t == 0 ? "\"" : ",\"") + tags[t] + "\"");
            }
            out.write("],");
        }
        out.write("\"imageSizeInBytes\":" + (20_000_000L + random.nextLong(800_000_000L)));
        out.write(",\"imagePushedAt\":\"" + TIME.format(Instant.ofEpochMilli(pushed)) + "\"");
        if (scanFields) {
            out.write(",\"imageScanStatus\":{\"status\":\"COMPLETE\",\"description\":\"The scan was completed successfully.\"}");
            out.write(",\"imageScanFindingsSummary\":{\"imageScanCompletedAt\":\"" + TIME.format(Instant.ofEpochMilli(pushed + 60_000))
                    + "\",\"findingSeverityCounts\":{\"MEDIUM\":" + random.nextInt(20) + ",\"LOW\":" + random.nextInt(40) + "}}");
        }
        out.write(",\"imageManifestMediaType\":\"application/vnd.oci.image.manifest.v1+json\"");
        out.write(",\"artifactMediaType\":\"application/vnd.oci.image.config.v1+json\"");
        int kind = random.nextInt(100);
        if (kind < 5) {
            long archived = pushed + random.nextLong(Math.max(1, now - pushed));
            out.write(",\"imageStatus\":\"ARCHIVED\",\"lastArchivedAt\":\"" + TIME.format(Instant.ofEpochMilli(archived)) + "\"");
        } else if (kind < 75) {
            long pulled = pushed + random.nextLong(Math.max(1, now - pushed));
            out.write(",\"imageStatus\":\"ACTIVE\",\"lastRecordedPullTime\":\"" + TIME.format(Instant.ofEpochMilli(pulled)) + "\"");
        } else {
            out.write(",\"imageStatus\":\"ACTIVE\"");
        }
    }

    private static String[] tags(int i, SplittableRandom random) {
        int kind = random.nextInt(100);
        String sha = Integer.toHexString(i);
        if (kind < 20) {
            return new String[0];
        }
        if (kind < 30) {
            return new String[] {"v" + (i / 1000) + "." + (i % 1000) + ".0", "commit-" + sha};
        }
        if (kind < 60) {
            return new String[] {"commit-" + sha};
        }
        if (kind < 75) {
            return new String[] {"pr-" + (i % 5000) + "-" + sha};
        }
        if (kind < 82) {
            return new String[] {"rc-" + i};
        }
        if (kind < 90) {
            return new String[] {"staging-" + i};
        }
        if (kind < 95) {
            return new String[] {"feature-" + sha + "-snapshot"};
        }
        return new String[] {"nightly-" + i};
    }

    private static String hex(int i, SplittableRandom random) {
        StringBuilder digest = new StringBuilder(64).append(String.format("%08x", i));
        while (digest.length() < 64) {
            digest.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return digest.substring(0, 64);
    }
}
