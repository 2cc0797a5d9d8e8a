package cli;

import lifecycle.ImageInventory;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.LifecyclePreview;
import lifecycle.LifecycleRetention;
import lifecycle.StoragePricing;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The table output of {@code lifecycle preview} streams: it is written in bounded chunks while rows are formatted,
 * and formatting a row creates no object, so a million images cost the table no more memory than the JSON output.
 * Nothing here is timed; the memory of whole runs is measured in {@code bench/lifecycle}.
 */
class PreviewTableTest {

    static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    static final LifecyclePolicy POLICY = LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
            .untaggedExpiryDays(7).releaseArchiveDays(90).keepLastImages(100).build());

    static LifecyclePreview preview(int images) {
        ImageInventory.Builder builder = ImageInventory.builder();
        for (int i = 0; i < images; i++) {
            String digest = "sha256:" + String.format("%064x", i);
            List<String> tags = i % 3 == 0 ? List.of() : i % 3 == 1 ? List.of("commit-" + i, "build-" + i)
                    : List.of("v1." + i + ".0", "commit-" + i);
            builder.add(digest, tags, NOW.minusSeconds(3_600L * (images - i)), 50_000_000L + i, null);
        }
        return LifecyclePreview.run(POLICY, builder.build(), NOW);
    }

    /** Counts what it is given and keeps nothing. */
    static final class CountingWriter extends Writer {
        long characters;
        int writes;
        int largestWrite;

        @Override
        public void write(char[] buffer, int offset, int length) {
            characters += length;
            writes++;
            largestWrite = Math.max(largestWrite, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void rowsGoOutInBoundedChunksWhileTheTableIsFormatted() {
        LifecyclePreview preview = preview(20_000);
        CountingWriter writer = new CountingWriter();

        PreviewTable.write(preview, StoragePricing.defaults(), writer);

        // 20,000 rows of about 130 characters: far more text than one chunk, so it cannot have been held whole
        assertThat(writer.characters).isGreaterThan(20L * PreviewTable.CHUNK);
        assertThat(writer.largestWrite).isLessThanOrEqualTo(PreviewTable.CHUNK + 1024);
        assertThat(writer.writes).isGreaterThan(20);
    }

    @Test
    void streamedRowsAreTheRowsOfTheTable() {
        LifecyclePreview preview = preview(3);
        StringWriter text = new StringWriter();

        PreviewTable.write(preview, StoragePricing.defaults(), text);

        assertThat(text.toString()).startsWith("ACTION     RULE        SIZE  DIGEST"
                        + " ".repeat(67) + "TAGS\n"
                        + "keep       -       47.7 MiB  sha256:" + "0".repeat(64) + "  \n"
                        + "keep       -       47.7 MiB  sha256:" + "0".repeat(63) + "1  commit-1,build-1\n"
                        + "keep       -       47.7 MiB  sha256:" + "0".repeat(63) + "2  v1.2.0,commit-2\n")
                .contains("images        3 (143.1 MiB)\n");
    }

    @Test
    void formattingARowAllocatesNoMoreThanTheJsonOutputDoes() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        LifecyclePreview small = preview(5_000);
        LifecyclePreview large = preview(45_000);
        StoragePricing pricing = StoragePricing.defaults();
        // The same renderer over 5,000 and 45,000 images: the difference is what 40,000 more rows allocate,
        // whatever the constant cost of buffers and totals.
        Runnable warmUp = () -> {
            PreviewTable.write(small, pricing, new CountingWriter());
            LifecyclePreviewCommand.json(small, pricing, new PrintWriter(new CountingWriter()));
        };
        warmUp.run();
        long tablePerRow = perRow(threads, () -> PreviewTable.write(small, pricing, new CountingWriter()),
                () -> PreviewTable.write(large, pricing, new CountingWriter()), 40_000);
        long jsonPerRow = perRow(threads,
                () -> LifecyclePreviewCommand.json(small, pricing, new PrintWriter(new CountingWriter())),
                () -> LifecyclePreviewCommand.json(large, pricing, new PrintWriter(new CountingWriter())), 40_000);

        // A row String, a tag list or a digest String per row would be 40 to 200 bytes a row.
        assertThat(tablePerRow).as("bytes allocated per table row").isLessThanOrEqualTo(Math.max(jsonPerRow, 0) + 4);
    }

    private static long perRow(com.sun.management.ThreadMXBean threads, Runnable small, Runnable large, int extraRows) {
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        small.run();
        long afterSmall = threads.getThreadAllocatedBytes(id);
        large.run();
        long afterLarge = threads.getThreadAllocatedBytes(id);
        return ((afterLarge - afterSmall) - (afterSmall - before)) / extraRows;
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
