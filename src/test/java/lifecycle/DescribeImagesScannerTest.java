package lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte-level scanner must give exactly what the Jackson reader gives, or give up. */
class DescribeImagesScannerTest {

    private static final String IMAGE = """
            {"registryId": "123456789012", "repositoryName": "shop/prod/user-service",
             "imageDigest": "sha256:%s", "imageTags": ["v1.2.0", "commit-abc"], "imageSizeInBytes": 52428800,
             "imagePushedAt": "2025-11-03T09:15:30.123000+01:00",
             "imageScanStatus": {"status": "COMPLETE", "description": "The scan was completed successfully."},
             "imageScanFindingsSummary": {"findingSeverityCounts": {"HIGH": 2, "LOW": 0}, "n": [1.5e3, -0.25, true, false, null, []]},
             "lastRecordedPullTime": "2026-01-01T00:00:00Z", "imageStatus": "ACTIVE"}""";

    private static final String OTHERS = """
            {"imageDigest": "sha256:bbb", "imagePushedAt": 1700000000.5, "imageSizeInBytes": 10, "imageTags": null,
             "imageStatus": "ARCHIVED", "lastArchivedAt": "2025-06-01T12:00:00Z", "someFutureField": [1, {"x": 2}]},
            {"imageDigest": "sha256:ccc", "imagePushedAt": 1700000000, "subjectManifestDigest": "sha256:bbb",
             "imageStatus": "ACTIVATING", "lastActivatedAt": "2025-07-01T12:00:00.5-02:30", "imageTags": []},
            {"imageDigest": "sha256:ddd", "imagePushedAt": "2025-06-01T12:00:00Z", "lastRecordedPullTime": null,
             "subjectManifestDigest": null, "imageStatus": null}""";

    private static String listing() {
        String digest = "0123456789abcdef".repeat(4);
        return "{\"imageDetails\": [" + IMAGE.formatted(digest) + ",\n" + OTHERS + "], \"nextToken\": \"x\"}\n"
                + "  {\"imageDetails\": []}\n[{\"imageDetails\": [" + IMAGE.formatted("ABC") + "]}, {\"imageDetails\": []}]";
    }

    private static ImageInventory scan(String json) {
        return DescribeImagesScanner.scan(source(json.getBytes(StandardCharsets.UTF_8)), 0).build();
    }

    private static DescribeImagesScanner.Source source(byte[] bytes) {
        int[] at = {0};
        // at most 7 bytes a read, as a pipe may deliver them
        return (target, offset, length) -> {
            int n = Math.min(Math.min(length, 7), bytes.length - at[0]);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, at[0], target, offset, n);
            at[0] += n;
            return n;
        };
    }

    private static ImageInventory general(String json) throws IOException {
        return DescribeImagesReader.readGeneral(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSame(ImageInventory actual, ImageInventory expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.sha256).isEqualTo(expected.sha256);
        assertThat(actual.otherDigests).isEqualTo(expected.otherDigests);
        assertThat(actual.tags).isDeepEqualTo(expected.tags);
        assertThat(actual.pushedAt).isEqualTo(expected.pushedAt);
        assertThat(actual.lastPulledAt).isEqualTo(expected.lastPulledAt);
        assertThat(actual.lastArchivedAt).isEqualTo(expected.lastArchivedAt);
        assertThat(actual.lastActivatedAt).isEqualTo(expected.lastActivatedAt);
        assertThat(actual.sizes).isEqualTo(expected.sizes);
        assertThat(actual.statuses).isEqualTo(expected.statuses);
        assertThat(actual.subjects).isEqualTo(expected.subjects);
    }

    @Test
    void givesWhatTheGeneralReaderGives() throws IOException {
        ImageInventory scanned = scan(listing());

        assertThat(scanned.size()).isEqualTo(5);
        assertThat(scanned.digest(0)).isEqualTo("sha256:" + "0123456789abcdef".repeat(4));
        assertThat(scanned.digest(4)).isEqualTo("sha256:ABC");
        assertSame(scanned, general(listing()));
    }

    @Test
    void aListingLongerThanItsBufferGivesTheSameImages() throws IOException {
        StringBuilder json = new StringBuilder("{\"imageDetails\": [\n");
        for (int i = 0; i < 12_000; i++) {
            json.append(i == 0 ? "" : ",\n").append(IMAGE.formatted(String.format("%064x", i)));
        }
        json.append("]}");
        assertThat(json.length()).isGreaterThan(3 * DescribeImagesScanner.MAX_VALUE_BYTES);

        ImageInventory scanned = scan(json.toString());

        assertThat(scanned.size()).isEqualTo(12_000);
        assertSame(scanned, general(json.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // unusual but valid: the general reader decides
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\\u0062\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\"}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", \"imageTags\": [\"é\"]}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", \"imageSizeInBytes\": 1e3}]}",
            "\uFEFF{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\"}]}",
            // invalid: the general reader reports it
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\",}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", \"x\": 01}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", \"x\": tru}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", \"x\": 1.}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"yesterday\"}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\"}]}",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\"}]",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\"}]} x",
            "{\"imageIds\": []}",
            "  ",
    })
    void givesUpOnWhatItDoesNotHandle(String json) {
        assertThatThrownBy(() -> scan(json)).isInstanceOf(DescribeImagesScanner.Fallback.class);
    }

    @Test
    void readingFallsBackToTheGeneralReader() throws IOException {
        String escaped = "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\\u0062\", \"imagePushedAt\": \"2025-06-01T12:00:00Z\", "
                + "\"imageTags\": [\"caf\\u00e9\"]}]}";

        ImageInventory images = ImageInventoryReadTest.read(escaped);

        assertThat(images.digest(0)).isEqualTo("sha256:ab");
        assertThat(images.tags(0)).containsExactly("café");
    }
}
