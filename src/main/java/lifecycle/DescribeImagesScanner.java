package lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level reader for the common shape of describe-images JSON: plain ASCII strings without escapes,
 * the fields' usual types. It does far less work per byte than a general tokenizer and needs no warm-up of a
 * large parser, which is what a cold JVM pays for most on a listing of a million images.
 *
 * <p>It accepts only input that is valid JSON (the grammar is checked everywhere, skipped values included),
 * and gives up with {@link Fallback} on anything else or anything unusual (an escape, a non-ASCII byte, a
 * field of an unexpected type, an image over {@link #MAX_VALUE_BYTES}). The caller then reads the same input
 * with Jackson, so results and error messages are exactly those of the general reader.
 */
final class DescribeImagesScanner {

    /** The input is outside what this reader handles; read it with the general reader instead. */
    static final class Fallback extends RuntimeException {
        private Fallback() {
            super(null, null, false, false);
        }
    }

    /** Where bytes come from; {@code read} returns -1 at the end, like {@link java.io.InputStream#read}. */
    interface Source {
        int read(byte[] target, int offset, int length) throws IOException;
    }

    private static final Fallback FALLBACK = new Fallback();
    private static final String[] NO_TAGS = new String[0];
    /** The largest single image (or page-level value) read without giving up: real ones are a few kB. */
    static final int MAX_VALUE_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 8 << 20;
    private static final int MAX_DEPTH = 64;
    /** Jackson's default limit; longer numbers are its to reject. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    /** Bytes that may appear unescaped inside a string this reader accepts: printable ASCII but '"' and '\'. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    private static final byte[] IMAGE_DETAILS = ascii("imageDetails");
    private static final byte[] IMAGE_TAGS = ascii("imageTags");
    private static final byte[] IMAGE_DIGEST = ascii("imageDigest");
    private static final byte[] IMAGE_STATUS = ascii("imageStatus");
    private static final byte[] IMAGE_PUSHED_AT = ascii("imagePushedAt");
    private static final byte[] LAST_ARCHIVED_AT = ascii("lastArchivedAt");
    private static final byte[] LAST_ACTIVATED_AT = ascii("lastActivatedAt");
    private static final byte[] IMAGE_SIZE = ascii("imageSizeInBytes");
    private static final byte[] LAST_PULL = ascii("lastRecordedPullTime");
    private static final byte[] SUBJECT = ascii("subjectManifestDigest");
    private static final byte[] ACTIVE = ascii("ACTIVE");
    private static final byte[] ARCHIVED = ascii("ARCHIVED");
    private static final byte[] ACTIVATING = ascii("ACTIVATING");

    private final Source source;
    /** One byte longer than the data can be: a 0 after the last byte ends every scan (0 is invalid everywhere). */
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private String[] tagBuffer = new String[8];
    final ImageInventory.Builder images = ImageInventory.builder();
    private int pages;

    private DescribeImagesScanner(Source source, int bufferBytes) {
        this.source = source;
        this.buf = new byte[bufferBytes + 1];
    }

    /** Reads every page from {@code source}, or throws {@link Fallback} (also for I/O errors: the general reader reports them). */
    static ImageInventory.Builder scan(Source source) {
        return scan(source, BUFFER_BYTES);
    }

    static ImageInventory.Builder scan(Source source, int bufferBytes) {
        DescribeImagesScanner scanner = new DescribeImagesScanner(source, Math.max(bufferBytes, 2 * MAX_VALUE_BYTES));
        try {
            scanner.roots();
        } catch (IOException e) {
            throw FALLBACK;
        }
        return scanner.images;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes at least {@link #MAX_VALUE_BYTES} available from {@code pos}, unless the input ends first. */
    private void ensure() throws IOException {
        if (limit - pos >= MAX_VALUE_BYTES || eof) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        int capacity = buf.length - 1;
        while (limit < capacity) {
            int n = source.read(buf, limit, capacity - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
        buf[limit] = 0;
    }

    private void roots() throws IOException {
        while (true) {
            ensure();
            whitespace();
            if (pos == limit) {
                if (eof) {
                    break;
                }
                throw FALLBACK;
            }
            byte c = buf[pos];
            if (c == '{') {
                pos++;
                page();
            } else if (c == '[') {
                pos++;
                ensure();
                whitespace();
                if (buf[pos] == ']') {
                    pos++;
                    continue;
                }
                while (true) {
                    expect('{');
                    page();
                    ensure();
                    whitespace();
                    if (buf[pos] == ']') {
                        pos++;
                        break;
                    }
                    expect(',');
                    whitespace();
                }
            } else {
                throw FALLBACK;
            }
        }
        if (pages == 0) {
            throw FALLBACK;
        }
    }

    /** After the '{' of a page. */
    private void page() throws IOException {
        boolean hasDetails = false;
        ensure();
        whitespace();
        if (buf[pos] != '}') {
            while (true) {
                ensure();
                whitespace();
                int keyStart = key();
                int keyLength = pos - 1 - keyStart;
                colon();
                if (is(keyStart, keyLength, IMAGE_DETAILS) && buf[pos] == '[') {
                    pos++;
                    hasDetails = true;
                    imageArray();
                } else {
                    skipValue(0);
                }
                whitespace();
                if (buf[pos] == ',') {
                    pos++;
                    continue;
                }
                break;
            }
        }
        expect('}');
        if (!hasDetails) {
            throw FALLBACK;
        }
        pages++;
    }

    /** After the '[' of imageDetails. */
    private void imageArray() throws IOException {
        ensure();
        whitespace();
        if (buf[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            expect('{');
            image();
            whitespace();
            if (buf[pos] == ']') {
                pos++;
                return;
            }
            expect(',');
            ensure();
            whitespace();
        }
    }

    /** After the '{' of an image. */
    private void image() {
        int digestStart = -1;
        int digestLength = 0;
        String[] tags = NO_TAGS;
        long pushedAt = ImageInventory.ABSENT;
        long size = 0;
        long lastPulledAt = ImageInventory.ABSENT;
        long lastArchivedAt = ImageInventory.ABSENT;
        long lastActivatedAt = ImageInventory.ABSENT;
        ImageInventory.Status status = null;
        String subject = null;
        whitespace();
        if (buf[pos] == '}') {
            throw FALLBACK;
        }
        while (true) {
            whitespace();
            int keyStart = key();
            int keyLength = pos - 1 - keyStart;
            colon();
            switch (keyLength) {
                case 9 -> {
                    if (is(keyStart, keyLength, IMAGE_TAGS)) {
                        tags = tags();
                    } else {
                        skipValue(0);
                    }
                }
                case 11 -> {
                    if (is(keyStart, keyLength, IMAGE_DIGEST)) {
                        digestStart = string();
                        digestLength = pos - 1 - digestStart;
                    } else if (is(keyStart, keyLength, IMAGE_STATUS)) {
                        status = status();
                    } else {
                        skipValue(0);
                    }
                }
                case 13 -> pushedAt = is(keyStart, keyLength, IMAGE_PUSHED_AT) ? time() : skip(pushedAt);
                case 14 -> lastArchivedAt = is(keyStart, keyLength, LAST_ARCHIVED_AT) ? time() : skip(lastArchivedAt);
                case 15 -> lastActivatedAt = is(keyStart, keyLength, LAST_ACTIVATED_AT) ? time() : skip(lastActivatedAt);
                case 16 -> size = is(keyStart, keyLength, IMAGE_SIZE) ? integer() : skip(size);
                case 20 -> lastPulledAt = is(keyStart, keyLength, LAST_PULL) ? time() : skip(lastPulledAt);
                case 21 -> {
                    if (is(keyStart, keyLength, SUBJECT)) {
                        subject = nullableString();
                    } else {
                        skipValue(0);
                    }
                }
                default -> skipValue(0);
            }
            whitespace();
            if (buf[pos] == ',') {
                pos++;
                continue;
            }
            expect('}');
            break;
        }
        if (digestStart < 0 || pushedAt == ImageInventory.ABSENT) {
            throw FALLBACK;
        }
        images.add(buf, digestStart, digestLength, tags, pushedAt, size, lastPulledAt, status, lastArchivedAt,
                lastActivatedAt, subject);
    }

    private long skip(long keep) {
        skipValue(0);
        return keep;
    }

    private boolean is(int start, int length, byte[] name) {
        return length == name.length && Arrays.equals(buf, start, start + length, name, 0, length);
    }

    private String[] tags() {
        if (literal('n', "null")) {
            return NO_TAGS;
        }
        expect('[');
        whitespace();
        if (buf[pos] == ']') {
            pos++;
            return NO_TAGS;
        }
        int count = 0;
        while (true) {
            whitespace();
            int start = string();
            if (count == tagBuffer.length) {
                tagBuffer = Arrays.copyOf(tagBuffer, count * 2);
            }
            tagBuffer[count++] = new String(buf, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
            whitespace();
            if (buf[pos] == ',') {
                pos++;
                continue;
            }
            expect(']');
            return Arrays.copyOf(tagBuffer, count);
        }
    }

    private long time() {
        byte c = buf[pos];
        if (c == '"') {
            int start = string();
            long time = Timestamps.parseIsoOrAbsent(buf, start, pos - 1 - start);
            if (time == ImageInventory.ABSENT) {
                throw FALLBACK;
            }
            return time;
        }
        if (c == 'n' && literal('n', "null")) {
            return ImageInventory.ABSENT;
        }
        int start = pos;
        skipNumber();
        double seconds = Double.parseDouble(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
        if (!Timestamps.plausibleEpochSeconds(seconds)) {
            throw FALLBACK;
        }
        return Timestamps.fromEpochSeconds(seconds);
    }

    /** A plain integer of at most 18 digits; anything else goes to the general reader. */
    private long integer() {
        int start = pos;
        skipNumber();
        int p = start;
        boolean negative = buf[p] == '-';
        if (negative) {
            p++;
        }
        if (pos - p > 18) {
            throw FALLBACK;
        }
        long value = 0;
        for (; p < pos; p++) {
            byte d = buf[p];
            if (d < '0' || d > '9') {
                throw FALLBACK;
            }
            value = value * 10 + (d - '0');
        }
        if (negative) {
            throw FALLBACK;
        }
        return value;
    }

    private ImageInventory.Status status() {
        if (literal('n', "null")) {
            return null;
        }
        int start = string();
        int length = pos - 1 - start;
        if (is(start, length, ACTIVE)) {
            return ImageInventory.Status.ACTIVE;
        }
        if (is(start, length, ARCHIVED)) {
            return ImageInventory.Status.ARCHIVED;
        }
        if (is(start, length, ACTIVATING)) {
            return ImageInventory.Status.ACTIVATING;
        }
        throw FALLBACK;
    }

    private String nullableString() {
        if (literal('n', "null")) {
            return null;
        }
        int start = string();
        return new String(buf, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
    }

    /** A string at {@code pos}; returns the offset of its first character and leaves {@code pos} after the closing quote. */
    private int string() {
        if (buf[pos] != '"') {
            throw FALLBACK;
        }
        int p = pos + 1;
        int start = p;
        while (PLAIN[buf[p] & 0xff]) {
            p++;
        }
        if (buf[p] != '"') {
            throw FALLBACK;
        }
        pos = p + 1;
        return start;
    }

    private int key() {
        return string();
    }

    private void colon() {
        whitespace();
        expect(':');
        whitespace();
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw FALLBACK;
        }
        switch (buf[pos]) {
            case '"' -> string();
            case '{' -> {
                pos++;
                whitespace();
                if (buf[pos] == '}') {
                    pos++;
                    return;
                }
                while (true) {
                    whitespace();
                    string();
                    colon();
                    skipValue(depth + 1);
                    whitespace();
                    if (buf[pos] == ',') {
                        pos++;
                        continue;
                    }
                    expect('}');
                    return;
                }
            }
            case '[' -> {
                pos++;
                whitespace();
                if (buf[pos] == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    whitespace();
                    skipValue(depth + 1);
                    whitespace();
                    if (buf[pos] == ',') {
                        pos++;
                        continue;
                    }
                    expect(']');
                    return;
                }
            }
            case 't' -> literalOrFail("true");
            case 'f' -> literalOrFail("false");
            case 'n' -> literalOrFail("null");
            default -> skipNumber();
        }
    }

    private void literalOrFail(String word) {
        if (!literal(word.charAt(0), word)) {
            throw FALLBACK;
        }
    }

    /** Consumes {@code word} when the input has it at {@code pos}, followed by a delimiter. */
    private boolean literal(char first, String word) {
        if (buf[pos] != first) {
            return false;
        }
        int p = pos;
        for (int k = 0; k < word.length(); k++, p++) {
            if (buf[p] != word.charAt(k)) {
                throw FALLBACK;
            }
        }
        delimiterAt(p);
        pos = p;
        return true;
    }

    /** JSON's number grammar exactly (no leading zeros, digits after '.' and 'e'), then a delimiter. */
    private void skipNumber() {
        int p = pos;
        if (buf[p] == '-') {
            p++;
        }
        if (buf[p] == '0') {
            p++;
        } else if (buf[p] >= '1' && buf[p] <= '9') {
            p = digits(p);
        } else {
            throw FALLBACK;
        }
        if (buf[p] == '.') {
            int q = digits(p + 1);
            if (q == p + 1) {
                throw FALLBACK;
            }
            p = q;
        }
        if (buf[p] == 'e' || buf[p] == 'E') {
            p++;
            if (buf[p] == '+' || buf[p] == '-') {
                p++;
            }
            int q = digits(p);
            if (q == p) {
                throw FALLBACK;
            }
            p = q;
        }
        if (p - pos > MAX_NUMBER_LENGTH) {
            throw FALLBACK;
        }
        delimiterAt(p);
        pos = p;
    }

    private int digits(int p) {
        while (buf[p] >= '0' && buf[p] <= '9') {
            p++;
        }
        return p;
    }

    private void delimiterAt(int p) {
        byte c = buf[p];
        if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            throw FALLBACK;
        }
    }

    private void whitespace() {
        byte c;
        while ((c = buf[pos]) == ' ' || c == '\n' || c == '\r' || c == '\t') {
            pos++;
        }
    }

    private void expect(char c) {
        if (buf[pos] != c) {
            throw FALLBACK;
        }
        pos++;
    }
}
