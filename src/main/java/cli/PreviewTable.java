package cli;

import lifecycle.LifecyclePreview;
import lifecycle.StoragePricing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The table form of {@code lifecycle preview}: one row per image, then the totals and the storage cost.
 *
 * <p>Rows stream: each is appended into one reused buffer, which goes to the writer whenever it holds
 * {@link #CHUNK} characters, so the renderer holds at most one chunk of text and no object per image (no row
 * String, tag list or digest String). A million images then need no more memory than the JSON output does.
 */
final class PreviewTable {

    /** Characters of table text held before they are written. */
    static final int CHUNK = 1 << 16;

    private static final int ACTION_WIDTH = 10;
    private static final int RULE_WIDTH = 5;
    private static final int SIZE_WIDTH = 10;
    private static final int DIGEST_WIDTH = 71;
    private static final char[] SPACES = " ".repeat(80).toCharArray();
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private final Writer writer;
    /** The text not yet written: at most {@link #CHUNK} characters plus one row. */
    private final StringBuilder pending = new StringBuilder(CHUNK + 1024);
    private final char[] transfer = new char[CHUNK + 1024];
    private final char[] digest = new char[DIGEST_WIDTH];

    private PreviewTable(Writer writer) {
        this.writer = writer;
    }

    /**
     * Writes the table of {@code preview} to {@code writer} and flushes it.
     *
     * @param preview the evaluated preview
     * @param pricing the storage prices of the cost lines
     * @param writer  where the table goes; written in chunks of about {@link #CHUNK} characters
     */
    static void write(LifecyclePreview preview, StoragePricing pricing, Writer writer) {
        PreviewTable table = new PreviewTable(writer);
        table.pending.append(String.format(Locale.ROOT, "%-10s %-5s %10s  %-71s  %s%n", "ACTION", "RULE", "SIZE",
                "DIGEST", "TAGS"));
        for (int i = 0; i < preview.size(); i++) {
            table.row(preview, i);
            if (table.pending.length() >= CHUNK) {
                table.drain();
            }
        }
        table.totals(preview, pricing);
        table.drain();
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(LifecyclePreview preview, int i) {
        StringBuilder out = pending;
        int rowStart = out.length();
        out.append(preview.action(i).json());
        padTo(out, rowStart + ACTION_WIDTH + 1);
        int priority = preview.rulePriorityOrZero(i);
        if (priority == 0) {
            out.append('-');
        } else {
            out.append(priority);
        }
        padTo(out, rowStart + ACTION_WIDTH + 1 + RULE_WIDTH + 1);
        int sizeStart = out.length();
        appendSize(preview.sizeInBytes(i), out);
        int sizeLength = out.length() - sizeStart;
        if (sizeLength < SIZE_WIDTH) {
            out.insert(sizeStart, SPACES, 0, SIZE_WIDTH - sizeLength);
        }
        out.append("  ");
        int digestStart = out.length();
        if (preview.writeSha256Digest(i, digest, 0)) {
            out.append(digest, 0, DIGEST_WIDTH);
        } else {
            preview.appendDigest(i, out);
        }
        padTo(out, digestStart + DIGEST_WIDTH);
        out.append("  ");
        for (int k = 0, tags = preview.tagCount(i); k < tags; k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append(preview.tag(i, k));
        }
        out.append('\n');
    }

    private void totals(LifecyclePreview preview, StoragePricing pricing) {
        LifecyclePreview.Totals t = preview.totals();
        pending.append('\n')
                .append("images        ").append(t.images()).append(" (").append(size(t.bytes())).append(")\n")
                .append("  expire      ").append(t.expiredImages()).append(" (").append(size(t.expiredBytes())).append(")\n")
                .append("  transition  ").append(t.transitionedImages()).append(" (").append(size(t.transitionedBytes())).append(")\n")
                .append("  keep        ").append(t.keptImages()).append(" (").append(size(t.keptBytes())).append(")\n")
                .append("storage       before                  after\n")
                .append(storageLine("  standard", t.standardBytesBefore(), t.standardBytesAfter(),
                        pricing.monthlyCost(t.standardBytesBefore(), 0), pricing.monthlyCost(t.standardBytesAfter(), 0)))
                .append(storageLine("  archive", t.archiveBytesBefore(), t.archiveBytesAfter(),
                        pricing.monthlyCost(0, t.archiveBytesBefore()), pricing.monthlyCost(0, t.archiveBytesAfter())))
                .append(String.format(Locale.ROOT, "monthly storage cost, USD, %s:%n", StoragePricing.UPPER_BOUND_NOTE))
                .append(String.format(Locale.ROOT, "  before      $%.2f%n", t.monthlyCostBefore(pricing)))
                .append(String.format(Locale.ROOT, "  after       $%.2f%n", t.monthlyCostAfter(pricing)))
                .append(String.format(Locale.ROOT, "  standard    $%s per GB-month: %s%n", price(pricing.standardPerGbMonth()),
                        StoragePricing.STANDARD_SOURCE))
                .append(String.format(Locale.ROOT, "  archive     $%s per GB-month: %s%n", price(pricing.archivePerGbMonth()),
                        StoragePricing.ARCHIVE_SOURCE));
    }

    /** Writes the pending text through the reused transfer buffer and empties it. */
    private void drain() {
        try {
            for (int start = 0; start < pending.length(); start += transfer.length) {
                int end = Math.min(pending.length(), start + transfer.length);
                pending.getChars(start, end, transfer, 0);
                writer.write(transfer, 0, end - start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.setLength(0);
    }

    private static void padTo(StringBuilder out, int length) {
        if (out.length() < length) {
            out.append(SPACES, 0, length - out.length());
        }
    }

    /** Bytes in binary units with one decimal, rounded half up ({@code 1.5 KiB}); below 1 KiB in bytes. */
    static void appendSize(long bytes, StringBuilder out) {
        if (bytes < 1024) {
            out.append(bytes).append(" B");
            return;
        }
        int unit = 0;
        long scale = 1024;
        while (unit < UNITS.length - 1 && bytes >= scale * 1024) {
            scale *= 1024;
            unit++;
        }
        long tenths = Math.round(bytes * 10.0 / scale);
        out.append(tenths / 10).append('.').append(tenths % 10).append(' ').append(UNITS[unit]);
    }

    static String size(long bytes) {
        StringBuilder text = new StringBuilder(16);
        appendSize(bytes, text);
        return text.toString();
    }

    private static String storageLine(String label, long before, long after, double costBefore, double costAfter) {
        return String.format(Locale.ROOT, "%-12s  %-10s %-12s %-10s %s%n", label, size(before),
                String.format(Locale.ROOT, "$%.2f/month", costBefore), size(after),
                String.format(Locale.ROOT, "$%.2f/month", costAfter));
    }

    /** At least two decimals, more when the price has them: 0.1 prints 0.10, 0.023 prints 0.023. */
    private static String price(double dollars) {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(dollars).stripTrailingZeros();
        return value.setScale(Math.max(2, value.scale())).toPlainString();
    }
}
