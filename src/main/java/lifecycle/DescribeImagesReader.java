package lifecycle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads describe-images JSON: first with {@link DescribeImagesScanner} (bytes, the common shape only), and when
 * it gives up, with Jackson token by token (no tree, no data binding), which also reports every error. Either
 * way memory beyond the inventory itself stays bounded.
 */
final class DescribeImagesReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String[] NO_TAGS = new String[0];

    private final JsonParser parser;
    private final ImageInventory.Builder images = ImageInventory.builder();
    private int index;
    private int pages;
    private char[] digestChars = new char[71];
    private String[] tagBuffer = new String[8];

    private DescribeImagesReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Input up to {@link #IN_MEMORY_LIMIT} is read into memory and tried with the byte-level scanner first; a
     * longer stream (a pipe: a regular file goes through {@link #read(Path)}) is parsed by Jackson as it comes.
     */
    static ImageInventory read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(IN_MEMORY_LIMIT);
        if (head.length < IN_MEMORY_LIMIT) {
            try {
                ImageInventory scanned = DescribeImagesScanner.scan(new ByteSource(head)).build();
                if (!scanned.mayRepeatDigests()) {
                    return scanned;
                }
            } catch (RuntimeException general) {
                // Fallback, or anything unforeseen in the scanner: the general reader decides and reports
            }
            return parse(new java.io.ByteArrayInputStream(head)).images.build();
        }
        return parse(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in)).images.build();
    }

    private static final int IN_MEMORY_LIMIT = 64 << 20;

    /** Jackson only, never the byte-level scanner: the reference the scanner's results are tested against. */
    static ImageInventory readGeneral(InputStream in) throws IOException {
        return parse(in).images.build();
    }

    /**
     * Reads a file, in two halves on two threads when it is large: describe-images pages start on a line of
     * their own ("\n{" then "imageDetails"), and a newline never occurs inside a JSON string, so a page start
     * near the middle splits the listing into two complete sequences of pages. When the split turns out wrong
     * (either half fails to parse) the file is read again in one piece, so errors are reported as usual.
     */
    static ImageInventory read(Path file) throws IOException {
        return read(file, PARALLEL_THRESHOLD);
    }

    static ImageInventory read(Path file, long parallelThreshold) throws IOException {
        ImageInventory scanned = scan(file, parallelThreshold);
        if (scanned != null) {
            return scanned;
        }
        if (Files.isRegularFile(file) && Files.size(file) >= parallelThreshold && Files.size(file) < Integer.MAX_VALUE) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                int split = pageStartNear(channel, size / 2);
                if (split > 0) {
                    ImageInventory halves = readHalves(channel, split, size);
                    if (halves != null) {
                        return halves;
                    }
                }
            }
        }
        // FileInputStream, not Files.newInputStream: the latter fails on pipes such as <(aws ecr describe-images ...)
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            return read(in);
        }
    }

    /**
     * The byte-level scanner over a regular file, in two halves on two threads when it is large; null when the
     * scanner gives up on any part, and the general reader then reads the file.
     */
    private static ImageInventory scan(Path file, long parallelThreshold) {
        // Checked before opening: opening and closing a pipe (<(aws ecr describe-images ...)) would lose its writer
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int split = size >= parallelThreshold && size < Integer.MAX_VALUE ? pageStartNear(channel, size / 2) : -1;
            if (split <= 0) {
                return withoutRepeats(DescribeImagesScanner.scan(new ChannelSource(channel, 0, size)).build());
            }
            ImageInventory.Builder[] second = new ImageInventory.Builder[1];
            Thread worker = new Thread(() -> {
                try {
                    second[0] = DescribeImagesScanner.scan(new ChannelSource(channel, split, size));
                } catch (RuntimeException general) {
                    second[0] = null;
                }
            }, "describe-images-second-half");
            worker.start();
            ImageInventory.Builder first;
            try {
                first = DescribeImagesScanner.scan(new ChannelSource(channel, 0, split));
            } finally {
                worker.join();
            }
            return second[0] == null ? null : withoutRepeats(ImageInventory.join(first, second[0]));
        } catch (IOException | RuntimeException general) {
            // Fallback, or anything unforeseen in the scanner: the general reader decides and reports
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Null (read again by the general reader, which names the line) when two images may share a digest. */
    private static ImageInventory withoutRepeats(ImageInventory images) {
        return images.mayRepeatDigests() ? null : images;
    }

    private record ByteSource(byte[] bytes, int[] position) implements DescribeImagesScanner.Source {
        ByteSource(byte[] bytes) {
            this(bytes, new int[1]);
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            int n = Math.min(length, bytes.length - position[0]);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, position[0], target, offset, n);
            position[0] += n;
            return n;
        }
    }

    /** Positional reads of [from, to): the two halves share one channel without sharing a position. */
    private static final class ChannelSource implements DescribeImagesScanner.Source {
        private final FileChannel channel;
        private long position;
        private final long end;

        ChannelSource(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(target, offset, (int) Math.min(length, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }

    private static final int PARALLEL_THRESHOLD = 32 << 20;
    private static final byte[] PAGE_FIELD = "\"imageDetails\"".getBytes(StandardCharsets.US_ASCII);

    private static ImageInventory readHalves(FileChannel channel, long split, long size) {
        DescribeImagesReader[] secondResult = new DescribeImagesReader[1];
        Thread worker = new Thread(() -> {
            try {
                secondResult[0] = parse(new RangeInputStream(channel, split, size));
            } catch (IOException | RuntimeException e) {
                secondResult[0] = null;
            }
        }, "describe-images-second-half");
        worker.start();
        DescribeImagesReader firstResult;
        try {
            firstResult = parse(new RangeInputStream(channel, 0, split));
        } catch (IOException | RuntimeException e) {
            firstResult = null;
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (firstResult == null || secondResult[0] == null) {
            return null;
        }
        return firstResult.images.append(secondResult[0].images).build();
    }

    /** The offset of a line starting a page ("{" then optional whitespace then "imageDetails") at or after {@code from}. */
    private static int pageStartNear(FileChannel channel, long from) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(1 << 20);
        for (long base = from; base < channel.size(); base += window.capacity() - 64) {
            window.clear();
            while (window.hasRemaining() && channel.read(window, base + window.position()) > 0) {
                // fill the window
            }
            window.flip();
            int found = pageStartIn(window);
            if (found >= 0) {
                return (int) (base + found);
            }
            if (window.limit() < window.capacity()) {
                return -1;
            }
        }
        return -1;
    }

    private static int pageStartIn(ByteBuffer map) {
        int limit = map.limit();
        for (int i = 0; i < limit - 1; i++) {
            if (map.get(i) != '\n' || map.get(i + 1) != '{') {
                continue;
            }
            int k = i + 2;
            while (k < limit && (map.get(k) == ' ' || map.get(k) == '\n' || map.get(k) == '\r' || map.get(k) == '\t')) {
                k++;
            }
            boolean field = k + PAGE_FIELD.length <= limit;
            for (int j = 0; field && j < PAGE_FIELD.length; j++) {
                field = map.get(k + j) == PAGE_FIELD[j];
            }
            if (field) {
                return i + 1;
            }
        }
        return -1;
    }

    private static DescribeImagesReader parse(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            DescribeImagesReader reader = new DescribeImagesReader(parser);
            reader.roots();
            return reader;
        } catch (JsonProcessingException e) {
            throw new DescribeImagesException("not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage()
                    + ". Fix: pass the unmodified output of `aws ecr describe-images --output json`");
        }
    }

    private void roots() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.START_OBJECT) {
                page();
            } else if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                    page();
                }
                if (token != JsonToken.END_ARRAY) {
                    throw notAListing();
                }
            } else {
                throw notAListing();
            }
        }
        if (pages == 0) {
            throw new DescribeImagesException("no describe-images page found: the input is empty. Fix: pass the output "
                    + "of `aws ecr describe-images --output json`");
        }
    }

    private void page() throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        boolean hasDetails = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("imageDetails".equals(name) && value == JsonToken.START_ARRAY) {
                hasDetails = true;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    image();
                }
            } else {
                parser.skipChildren();
            }
        }
        if (!hasDetails) {
            throw new DescribeImagesException("the page starting" + where(start) + " has no \"imageDetails\" "
                    + "array: this is not describe-images output. Fix: pass the output of `aws ecr describe-images "
                    + "--output json` (list-images output has no push times or sizes)");
        }
        pages++;
    }

    private void image() throws IOException {
        JsonLocation imageStart = parser.currentTokenLocation();
        char[] digest = null;
        int digestLength = 0;
        String[] tags = NO_TAGS;
        long pushedAt = ImageInventory.ABSENT;
        long size = 0;
        long lastPulledAt = ImageInventory.ABSENT;
        long lastArchivedAt = ImageInventory.ABSENT;
        long lastActivatedAt = ImageInventory.ABSENT;
        ImageInventory.Status status = null;
        String subject = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "imageDigest" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        digestLength = parser.getTextLength();
                        digest = digestBuffer(digestLength);
                        System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), digest, 0, digestLength);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "imageTags" -> tags = tags(value);
                case "imagePushedAt" -> pushedAt = time(value, name);
                case "imageSizeInBytes" -> size = size(value);
                case "lastRecordedPullTime" -> lastPulledAt = time(value, name);
                case "lastArchivedAt" -> lastArchivedAt = time(value, name);
                case "lastActivatedAt" -> lastActivatedAt = time(value, name);
                case "imageStatus" -> status = status(value);
                case "subjectManifestDigest" -> subject = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        if (digest == null) {
            throw new DescribeImagesException("imageDetails[" + index + "]" + where(parser.currentLocation())
                    + " has no imageDigest: every listed image has one. Fix: pass the unmodified describe-images output");
        }
        if (pushedAt == ImageInventory.ABSENT) {
            throw new DescribeImagesException("imageDetails[" + index + "] (" + new String(digest, 0, digestLength)
                    + ") has no imagePushedAt: "
                    + "lifecycle rules order and age images by it. Fix: pass the unmodified describe-images output");
        }
        String text = new String(digest, 0, digestLength);
        Integer first = digestIndexes.putIfAbsent(text, index);
        if (first != null) {
            throw new DescribeImagesException("imageDetails[" + index + "]" + where(imageStart) + " repeats the "
                    + "imageDigest " + text + " of imageDetails[" + first + "]: a repository lists each image once, so "
                    + "pages were appended twice. Fix: pass each describe-images page once");
        }
        images.add(digest, 0, digestLength, tags, pushedAt, size, lastPulledAt, status, lastArchivedAt, lastActivatedAt, subject);
        index++;
    }

    /** Digests seen so far, for the duplicate check (the general reader only runs on small or unusual input). */
    private final java.util.Map<String, Integer> digestIndexes = new java.util.HashMap<>();

    private long size(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long bytes = parser.getLongValue();
            if (bytes >= 0) {
                return bytes;
            }
        }
        String got = value == JsonToken.VALUE_STRING ? "the text \"" + parser.getText() + "\""
                : value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getText()
                : value.isStructStart() ? "a JSON " + (value == JsonToken.START_ARRAY ? "list" : "object") : parser.getText();
        throw new DescribeImagesException("imageDetails[" + index + "].imageSizeInBytes" + where(parser.currentTokenLocation())
                + " must be a whole number of bytes, zero or more; got " + got + ". Fix: pass the unmodified describe-images output");
    }

    private String[] tags(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return NO_TAGS;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new DescribeImagesException("imageDetails[" + index + "].imageTags" + where(parser.currentTokenLocation())
                    + " must be a list of tags, got " + (value == JsonToken.VALUE_STRING ? "the text \"" + parser.getText()
                    + "\"" : parser.getText()) + ": a tag given as text would be read as no tags, and the image as untagged."
                    + " Fix: write [\"" + (value == JsonToken.VALUE_STRING ? parser.getText() : "v1.2.3") + "\"], as describe-images prints it");
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw new DescribeImagesException("imageDetails[" + index + "].imageTags" + where(parser.currentTokenLocation())
                        + " holds " + parser.getText() + ", not a tag: tags are text. Fix: pass the unmodified describe-images output");
            }
            if (count == tagBuffer.length) {
                tagBuffer = Arrays.copyOf(tagBuffer, count * 2);
            }
            tagBuffer[count++] = parser.getText();
        }
        return count == 0 ? NO_TAGS : Arrays.copyOf(tagBuffer, count);
    }

    private long time(JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = parser.getDoubleValue();
            if (!Timestamps.plausibleEpochSeconds(seconds)) {
                throw new DescribeImagesException("imageDetails[" + index + "]." + field + where(parser.currentTokenLocation())
                        + " " + parser.getText() + " is not a time in epoch seconds" + (seconds > 0 ? " (epoch milliseconds?)" : "")
                        + ": the AWS API and CLI v1 print seconds. Fix: divide by 1000, or pass the unmodified describe-images output");
            }
            return Timestamps.fromEpochSeconds(seconds);
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return Timestamps.parseIso(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            } catch (DateTimeParseException e) {
                String text = parser.getText();
                throw new DescribeImagesException("imageDetails[" + index + "]." + field + " \"" + text + "\" is not a "
                        + "time: expected ISO-8601 with offset or epoch seconds, as the AWS CLI prints. Fix: pass the "
                        + "unmodified describe-images output");
            }
        }
        parser.skipChildren();
        return ImageInventory.ABSENT;
    }

    private char[] digestBuffer(int length) {
        if (digestChars.length < length) {
            digestChars = new char[length];
        }
        return digestChars;
    }

    /** Compares in the parser's buffer: a String per image just to read "ACTIVE" adds up over a million images. */
    private ImageInventory.Status status(JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            parser.skipChildren();
            return null;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length == 6 && chars[offset] == 'A' && chars[offset + 1] == 'C' && chars[offset + 5] == 'E'
                && chars[offset + 2] == 'T' && chars[offset + 3] == 'I' && chars[offset + 4] == 'V') {
            return ImageInventory.Status.ACTIVE;
        }
        String text = parser.getText();
        return switch (text) {
            case "ACTIVE" -> ImageInventory.Status.ACTIVE;
            case "ARCHIVED" -> ImageInventory.Status.ARCHIVED;
            case "ACTIVATING" -> ImageInventory.Status.ACTIVATING;
            default -> throw new DescribeImagesException("imageDetails[" + index + "].imageStatus \"" + text + "\" is "
                    + "not one of ACTIVE, ARCHIVED, ACTIVATING. Fix: pass the unmodified describe-images output");
        };
    }

    private DescribeImagesException notAListing() {
        return new DescribeImagesException("the input" + where(parser.currentLocation()) + " is not a describe-images "
                + "page: expected {\"imageDetails\": [...]} objects, one per page. Fix: pass the output of "
                + "`aws ecr describe-images --output json`");
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Bytes {@code [from, to)} of a file through positional reads, so two threads can read one channel. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        RangeInputStream(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(target, offset, (int) Math.min(length, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
