package lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times as the AWS CLI prints them: ISO-8601 with an offset ({@code 2024-05-01T10:15:30.123000+00:00},
 * CLI v2's default) or epoch seconds ({@code 1714558530.123}, the wire format and CLI v1).
 *
 * <p>The common ISO form is parsed by hand: {@link OffsetDateTime#parse} costs about a microsecond a call,
 * which alone would take seconds over a million images with two times each.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Epoch milliseconds of an ISO-8601 time with offset, or throws {@link DateTimeParseException}. */
    static long parseIso(String text) {
        return parseIso(text.toCharArray(), 0, text.length());
    }

    /** As {@link #parseIso(String)}, reading the characters in place (no String for the common form). */
    static long parseIso(char[] chars, int offset, int length) {
        long fast = fast(chars, offset, length);
        if (fast != ImageInventory.ABSENT) {
            return fast;
        }
        String text = new String(chars, offset, length);
        if (fast != ImageInventory.ABSENT) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Instant.parse(text).toEpochMilli();
        }
    }

    /**
     * As {@link #parseIso(String)}, from ASCII bytes in place; {@link ImageInventory#ABSENT} when the text is not
     * a time (the caller then reads the input with the general reader, which reports it).
     */
    static long parseIsoOrAbsent(byte[] bytes, int offset, int length) {
        long fast = fast(bytes, offset, length);
        if (fast != ImageInventory.ABSENT) {
            return fast;
        }
        try {
            return parseIso(new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (DateTimeParseException e) {
            return ImageInventory.ABSENT;
        }
    }

    /** Above this many seconds (year 5138) a number is epoch milliseconds, not seconds: ECR's API prints seconds. */
    static final double LARGEST_EPOCH_SECONDS = 1e11;

    /** Whether a number read as epoch seconds is a time ECR could have written: from 1970 to well before 5138. */
    static boolean plausibleEpochSeconds(double seconds) {
        return seconds >= 0 && seconds < LARGEST_EPOCH_SECONDS;
    }

    static long fromEpochSeconds(double seconds) {
        return Math.round(seconds * 1000.0);
    }

    private static long fast(char[] c, int o, int n) {
        if (n < 20 || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':'
                || c[o + 16] != ':') {
            return ImageInventory.ABSENT;
        }
        int year = digits(c, o + 0, 4);
        int month = digits(c, o + 5, 2);
        int day = digits(c, o + 8, 2);
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return ImageInventory.ABSENT;
        }
        int i = 19;
        int millis = 0;
        if (i < n && c[o + i] == '.') {
            i++;
            int scale = 100;
            while (i < n && Character.isDigit(c[o + i])) {
                millis += (c[o + i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && c[o + i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (c[o + i] == '+' || c[o + i] == '-') && c[o + i + 3] == ':') {
            int h = digits(c, o + i + 1, 2);
            int m = digits(c, o + i + 4, 2);
            if (h < 0 || m < 0) {
                return ImageInventory.ABSENT;
            }
            offsetSeconds = (h * 3600 + m * 60) * (c[o + i] == '-' ? -1 : 1);
        } else {
            return ImageInventory.ABSENT;
        }
        long epochDay = epochDay(year, month, day);
        return ((epochDay * 86_400L + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000L + millis;
    }

    /** {@link #fast(char[], int, int)} over ASCII bytes: the same checks in the same order. */
    private static long fast(byte[] c, int o, int n) {
        if (n < 20 || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':'
                || c[o + 16] != ':') {
            return ImageInventory.ABSENT;
        }
        int year = digits(c, o + 0, 4);
        int month = digits(c, o + 5, 2);
        int day = digits(c, o + 8, 2);
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return ImageInventory.ABSENT;
        }
        int i = 19;
        int millis = 0;
        if (i < n && c[o + i] == '.') {
            i++;
            int scale = 100;
            while (i < n && c[o + i] >= '0' && c[o + i] <= '9') {
                millis += (c[o + i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && c[o + i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (c[o + i] == '+' || c[o + i] == '-') && c[o + i + 3] == ':') {
            int h = digits(c, o + i + 1, 2);
            int m = digits(c, o + i + 4, 2);
            if (h < 0 || m < 0) {
                return ImageInventory.ABSENT;
            }
            offsetSeconds = (h * 3600 + m * 60) * (c[o + i] == '-' ? -1 : 1);
        } else {
            return ImageInventory.ABSENT;
        }
        long epochDay = epochDay(year, month, day);
        return ((epochDay * 86_400L + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000L + millis;
    }

    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int digits(char[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
