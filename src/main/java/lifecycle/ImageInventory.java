package lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The images of one repository as {@code aws ecr describe-images} lists them, held column by column
 * (one array per field) so that a million images fit in a few hundred megabytes and rules scan them fast.
 *
 * <p>Times are epoch milliseconds; {@link #ABSENT} marks a time the listing did not give (an image never
 * pulled has no {@code lastRecordedPullTime}).
 */
public final class ImageInventory {

    /** A time the listing does not give. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** {@code imageStatus} of describe-images; absent means active (listings from before archiving existed). */
    public enum Status { ACTIVE, ARCHIVED, ACTIVATING }

    private static final String[] NO_TAGS = new String[0];

    final int size;
    /** sha256 digests as 32 raw bytes each: a million digest Strings would be two million objects to collect. */
    final byte[] sha256;
    /** Digests that are not {@code sha256:<64 hex>}, else null. */
    final String[] otherDigests;
    final String[][] tags;
    final long[] pushedAt;
    final long[] lastPulledAt;
    final long[] lastArchivedAt;
    final long[] lastActivatedAt;
    final long[] sizes;
    final Status[] statuses;
    final String[] subjects;

    private ImageInventory(Builder b) {
        this(b, Builder.EMPTY);
    }

    /** The images of {@code a} then those of {@code b}, copied once into arrays of the exact size. */
    private ImageInventory(Builder a, Builder b) {
        size = a.size + b.size;
        sha256 = join(a.sha256, a.size * 32, b.sha256, b.size * 32, new byte[size * 32]);
        otherDigests = join(a.otherDigests, a.size, b.otherDigests, b.size, new String[size]);
        tags = join(a.tags, a.size, b.tags, b.size, new String[size][]);
        pushedAt = join(a.pushedAt, a.size, b.pushedAt, b.size, new long[size]);
        lastPulledAt = join(a.lastPulledAt, a.size, b.lastPulledAt, b.size, new long[size]);
        lastArchivedAt = join(a.lastArchivedAt, a.size, b.lastArchivedAt, b.size, new long[size]);
        lastActivatedAt = join(a.lastActivatedAt, a.size, b.lastActivatedAt, b.size, new long[size]);
        sizes = join(a.sizes, a.size, b.sizes, b.size, new long[size]);
        statuses = join(a.statuses, a.size, b.statuses, b.size, new Status[size]);
        subjects = join(a.subjects, a.size, b.subjects, b.size, new String[size]);
    }

    private static <T> T join(T first, int firstLength, T second, int secondLength, T target) {
        System.arraycopy(first, 0, target, 0, firstLength);
        System.arraycopy(second, 0, target, firstLength, secondLength);
        return target;
    }

    /** Both builders' images, {@code first}'s first, without growing either builder. */
    static ImageInventory join(Builder first, Builder second) {
        return new ImageInventory(first, second);
    }

    /**
     * Reads the JSON that {@code aws ecr describe-images} prints: one page ({@code {"imageDetails": [...]}}),
     * several pages concatenated, or an array of pages. Fields other than those the lifecycle evaluation
     * uses are skipped, whatever they hold.
     *
     * @throws DescribeImagesException for malformed JSON or an image without digest or push time
     */
    public static ImageInventory read(InputStream json) throws IOException {
        return DescribeImagesReader.read(json);
    }

    /** As {@link #read(InputStream)}, from a file; a large file is read in two halves on two threads. */
    public static ImageInventory read(Path file) throws IOException {
        return DescribeImagesReader.read(file);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    /**
     * Whether two images might share a digest: false proves they do not. Compares one 64-bit key per digest
     * after a primitive sort, so a million images cost one {@code long[]} and no Strings; a true answer is confirmed
     * (and reported with its line) by the general reader.
     */
    boolean mayRepeatDigests() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            if (otherDigests[i] != null) {
                keys[i] = otherDigests[i].hashCode();
            } else {
                // all 32 bytes folded into one long: digests that share a prefix still get distinct keys
                long key = 0;
                for (int word = 0; word < 4; word++) {
                    long part = 0;
                    for (int k = 0; k < 8; k++) {
                        part = part << 8 | (sha256[i * 32 + word * 8 + k] & 0xff);
                    }
                    key ^= Long.rotateLeft(part, 16 * word);
                }
                keys[i] = key;
            }
        }
        java.util.Arrays.sort(keys);
        for (int i = 1; i < size; i++) {
            if (keys[i] == keys[i - 1]) {
                return true;
            }
        }
        return false;
    }

    public String digest(int image) {
        if (otherDigests[image] != null) {
            return otherDigests[image];
        }
        return new String(sha256Chars(image));
    }

    private char[] sha256Chars(int image) {
        char[] text = new char[71];
        "sha256:".getChars(0, 7, text, 0);
        for (int k = 0; k < 32; k++) {
            int b = sha256[image * 32 + k] & 0xff;
            text[7 + 2 * k] = HEX[b >>> 4];
            text[8 + 2 * k] = HEX[b & 0xf];
        }
        return text;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Lower-case hex digit values; -1 for every other ASCII character (ECR digests are lower case). */
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX[i]] = (byte) i;
        }
    }

    /**
     * Writes the digest of {@code image} into {@code target} without creating a String.
     *
     * @return true when it is a canonical {@code sha256:<64 lower-case hex>} digest (safe in JSON as it is)
     */
    public boolean appendDigest(int image, StringBuilder target) {
        if (otherDigests[image] != null) {
            target.append(otherDigests[image]);
            return false;
        }
        target.append(sha256Chars(image));
        return true;
    }

    /**
     * Writes a canonical {@code sha256:<64 lower-case hex>} digest into {@code target} at {@code at} (71 chars);
     * writes nothing and returns false for any other digest.
     */
    public boolean writeSha256Digest(int image, char[] target, int at) {
        if (otherDigests[image] != null) {
            return false;
        }
        "sha256:".getChars(0, 7, target, at);
        int from = image * 32;
        for (int k = 0; k < 32; k++) {
            int b = sha256[from + k] & 0xff;
            target[at + 7 + 2 * k] = HEX[b >>> 4];
            target[at + 8 + 2 * k] = HEX[b & 0xf];
        }
        return true;
    }

    public List<String> tags(int image) {
        return List.of(tags[image]);
    }

    /** How many tags the image has; with {@link #tag(int, int)}, reads tags without copying them into a list. */
    public int tagCount(int image) {
        return tags[image].length;
    }

    /** The image's tag number {@code k}, in listing order. */
    public String tag(int image, int k) {
        return tags[image][k];
    }

    public long sizeInBytes(int image) {
        return sizes[image];
    }

    public Status status(int image) {
        return statuses[image];
    }

    /** Collects images one at a time; the arrays grow as needed. */
    public static final class Builder {
        private static final Builder EMPTY = new Builder();
        private int size;
        private byte[] sha256 = new byte[16 * 32];
        private String[] otherDigests = new String[16];
        private String[][] tags = new String[16][];
        private long[] pushedAt = new long[16];
        private long[] lastPulledAt = new long[16];
        private long[] lastArchivedAt = new long[16];
        private long[] lastActivatedAt = new long[16];
        private long[] sizes = new long[16];
        private Status[] statuses = new Status[16];
        private String[] subjects = new String[16];

        private Builder() {
        }

        /**
         * Adds one image. Times in epoch milliseconds or {@link #ABSENT}; {@code status} and {@code subjectDigest}
         * may be null (active; not a reference artifact).
         */
        public Builder add(String digest, List<String> imageTags, long pushedAtMillis, long sizeInBytes,
                           long lastPulledAtMillis, Status status, long lastArchivedAtMillis,
                           long lastActivatedAtMillis, String subjectDigest) {
            return add(digest.toCharArray(), 0, digest.length(), imageTags == null || imageTags.isEmpty() ? NO_TAGS : imageTags.toArray(String[]::new),
                    pushedAtMillis, sizeInBytes, lastPulledAtMillis, status, lastArchivedAtMillis,
                    lastActivatedAtMillis, subjectDigest);
        }

        /** Convenience for an active image that is not a reference artifact. */
        public Builder add(String digest, List<String> imageTags, Instant pushedAt, long sizeInBytes, Instant lastPulledAt) {
            return add(digest, imageTags, pushedAt.toEpochMilli(), sizeInBytes,
                    lastPulledAt == null ? ABSENT : lastPulledAt.toEpochMilli(), Status.ACTIVE, ABSENT, ABSENT, null);
        }

        /** The digest is read from {@code chars} in place, so a parser can hand over its buffer. */
        Builder add(char[] chars, int offset, int length, String[] imageTags, long pushedAtMillis, long sizeInBytes,
                    long lastPulledAtMillis, Status status, long lastArchivedAtMillis, long lastActivatedAtMillis,
                    String subjectDigest) {
            if (size == otherDigests.length) {
                grow();
            }
            if (!packSha256(chars, offset, length, sha256, size * 32)) {
                otherDigests[size] = new String(chars, offset, length);
            }
            tags[size] = imageTags.length == 0 ? NO_TAGS : imageTags;
            pushedAt[size] = pushedAtMillis;
            lastPulledAt[size] = lastPulledAtMillis;
            lastArchivedAt[size] = lastArchivedAtMillis;
            lastActivatedAt[size] = lastActivatedAtMillis;
            sizes[size] = sizeInBytes;
            statuses[size] = status == null ? Status.ACTIVE : status;
            subjects[size] = subjectDigest;
            size++;
            return this;
        }

        /** As the char variant, the digest read from ASCII bytes in place (the byte-level scanner's buffer). */
        Builder add(byte[] bytes, int offset, int length, String[] imageTags, long pushedAtMillis, long sizeInBytes,
                    long lastPulledAtMillis, Status status, long lastArchivedAtMillis, long lastActivatedAtMillis,
                    String subjectDigest) {
            if (size == otherDigests.length) {
                grow();
            }
            if (!packSha256(bytes, offset, length, sha256, size * 32)) {
                otherDigests[size] = new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            tags[size] = imageTags.length == 0 ? NO_TAGS : imageTags;
            pushedAt[size] = pushedAtMillis;
            lastPulledAt[size] = lastPulledAtMillis;
            lastArchivedAt[size] = lastArchivedAtMillis;
            lastActivatedAt[size] = lastActivatedAtMillis;
            sizes[size] = sizeInBytes;
            statuses[size] = status == null ? Status.ACTIVE : status;
            subjects[size] = subjectDigest;
            size++;
            return this;
        }

        private static boolean packSha256(byte[] chars, int offset, int length, byte[] target, int at) {
            if (length != 71 || chars[offset] != 's' || chars[offset + 1] != 'h' || chars[offset + 2] != 'a'
                    || chars[offset + 3] != '2' || chars[offset + 4] != '5' || chars[offset + 5] != '6'
                    || chars[offset + 6] != ':') {
                return false;
            }
            for (int k = 0; k < 32; k++) {
                int a = chars[offset + 7 + 2 * k];
                int b = chars[offset + 8 + 2 * k];
                int high = a >= 0 ? HEX_VALUE[a] : -1;
                int low = b >= 0 ? HEX_VALUE[b] : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                target[at + k] = (byte) (high << 4 | low);
            }
            return true;
        }

        private static boolean packSha256(char[] chars, int offset, int length, byte[] target, int at) {
            if (length != 71 || chars[offset] != 's' || chars[offset + 1] != 'h' || chars[offset + 2] != 'a'
                    || chars[offset + 3] != '2' || chars[offset + 4] != '5' || chars[offset + 5] != '6'
                    || chars[offset + 6] != ':') {
                return false;
            }
            for (int k = 0; k < 32; k++) {
                char a = chars[offset + 7 + 2 * k];
                char b = chars[offset + 8 + 2 * k];
                int high = a < 128 ? HEX_VALUE[a] : -1;
                int low = b < 128 ? HEX_VALUE[b] : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                target[at + k] = (byte) (high << 4 | low);
            }
            return true;
        }

        /** Appends every image of {@code other} after this builder's images. */
        Builder append(Builder other) {
            for (int i = 0; i < other.size; i++) {
                if (size == otherDigests.length) {
                    grow();
                }
                System.arraycopy(other.sha256, i * 32, sha256, size * 32, 32);
                otherDigests[size] = other.otherDigests[i];
                tags[size] = other.tags[i];
                pushedAt[size] = other.pushedAt[i];
                lastPulledAt[size] = other.lastPulledAt[i];
                lastArchivedAt[size] = other.lastArchivedAt[i];
                lastActivatedAt[size] = other.lastActivatedAt[i];
                sizes[size] = other.sizes[i];
                statuses[size] = other.statuses[i];
                subjects[size] = other.subjects[i];
                size++;
            }
            return this;
        }

        private void grow() {
            int capacity = otherDigests.length * 2;
            sha256 = Arrays.copyOf(sha256, capacity * 32);
            otherDigests = Arrays.copyOf(otherDigests, capacity);
            tags = Arrays.copyOf(tags, capacity);
            pushedAt = Arrays.copyOf(pushedAt, capacity);
            lastPulledAt = Arrays.copyOf(lastPulledAt, capacity);
            lastArchivedAt = Arrays.copyOf(lastArchivedAt, capacity);
            lastActivatedAt = Arrays.copyOf(lastActivatedAt, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            statuses = Arrays.copyOf(statuses, capacity);
            subjects = Arrays.copyOf(subjects, capacity);
        }

        public ImageInventory build() {
            return new ImageInventory(this);
        }
    }
}
