package lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageInventoryReadTest {

    static ImageInventory read(String json) throws IOException {
        return ImageInventory.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String PAGE_ONE = """
            {
              "imageDetails": [
                {
                  "registryId": "123456789012",
                  "repositoryName": "shop/prod/user-service",
                  "imageDigest": "sha256:aaa",
                  "imageTags": ["v1.2.0", "commit-abc"],
                  "imageSizeInBytes": 52428800,
                  "imagePushedAt": "2025-11-03T09:15:30.123000+01:00",
                  "imageScanStatus": {"status": "COMPLETE", "description": "The scan was completed successfully."},
                  "imageScanFindingsSummary": {"findingSeverityCounts": {"HIGH": 2}},
                  "imageManifestMediaType": "application/vnd.oci.image.manifest.v1+json",
                  "artifactMediaType": "application/vnd.oci.image.config.v1+json",
                  "lastRecordedPullTime": "2026-01-01T00:00:00+00:00",
                  "imageStatus": "ACTIVE"
                }
              ],
              "nextToken": "abc"
            }
            """;

    private static final String PAGE_TWO = """
            {"imageDetails": [
              {"imageDigest": "sha256:bbb", "imagePushedAt": 1700000000.5, "imageSizeInBytes": 10,
               "imageStatus": "ARCHIVED", "lastArchivedAt": "2025-06-01T12:00:00Z", "someFutureField": [1, {"x": 2}]},
              {"imageDigest": "sha256:ccc", "imagePushedAt": "2025-06-01T12:00:00Z",
               "subjectManifestDigest": "sha256:aaa"}
            ]}
            """;

    @Test
    void readsConcatenatedPagesAndIgnoresOtherFields() throws IOException {
        ImageInventory images = read(PAGE_ONE + PAGE_TWO);

        assertThat(images.size()).isEqualTo(3);
        assertThat(images.digest(0)).isEqualTo("sha256:aaa");
        assertThat(images.tags(0)).containsExactly("v1.2.0", "commit-abc");
        assertThat(images.sizeInBytes(0)).isEqualTo(52_428_800L);
        assertThat(images.pushedAt[0]).isEqualTo(Instant.parse("2025-11-03T08:15:30.123Z").toEpochMilli());
        assertThat(images.lastPulledAt[0]).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        assertThat(images.pushedAt[1]).isEqualTo(1_700_000_000_500L);
        assertThat(images.status(1)).isEqualTo(ImageInventory.Status.ARCHIVED);
        assertThat(images.lastArchivedAt[1]).isEqualTo(Instant.parse("2025-06-01T12:00:00Z").toEpochMilli());
        assertThat(images.tags(2)).isEmpty();
        assertThat(images.subjects[2]).isEqualTo("sha256:aaa");
        assertThat(images.lastPulledAt[2]).isEqualTo(ImageInventory.ABSENT);
    }

    @Test
    void aLargeFileReadInTwoHalvesGivesTheSameImagesInTheSameOrder(@TempDir Path dir) throws IOException {
        StringBuilder pages = new StringBuilder();
        for (int page = 0; page < 6; page++) {
            pages.append("{\n    \"imageDetails\": [\n");
            for (int i = 0; i < 3; i++) {
                int n = page * 3 + i;
                pages.append(i == 0 ? "" : ",\n").append("        {\"imageDigest\": \"sha256:")
                        .append(String.format("%064x", n)).append("\", \"imageTags\": [\"v").append(n)
                        .append("\"], \"imagePushedAt\": ").append(1_700_000_000 + n).append("}");
            }
            pages.append("\n    ]\n}\n");
        }
        Path file = Files.writeString(dir.resolve("images.json"), pages);

        ImageInventory halves = DescribeImagesReader.read(file, 1);
        ImageInventory whole = read(pages.toString());

        assertThat(halves.size()).isEqualTo(18);
        for (int i = 0; i < 18; i++) {
            assertThat(halves.digest(i)).isEqualTo(whole.digest(i)).isEqualTo("sha256:" + String.format("%064x", i));
            assertThat(halves.tags(i)).containsExactly("v" + i);
            assertThat(halves.pushedAt[i]).isEqualTo((1_700_000_000L + i) * 1000);
        }
    }

    @Test
    void aBrokenLargeFileIsReportedAsIfReadInOnePiece(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("images.json"),
                "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": 1}]}\n"
                        + "{\"imageDetails\": [{\"imageDigest\": \"sha256:b\"}]}\n");

        assertThatThrownBy(() -> DescribeImagesReader.read(file, 1))
                .hasMessage("imageDetails[1] (sha256:b) has no imagePushedAt: lifecycle rules order and age images by "
                        + "it. Fix: pass the unmodified describe-images output");
    }

    @Test
    void readsAnArrayOfPages() throws IOException {
        assertThat(read("[" + PAGE_ONE + "," + PAGE_TWO + "]").size()).isEqualTo(3);
    }

    @Test
    void fastTimeParsingAgreesWithJavaTime() {
        for (String text : List.of("2024-02-29T23:59:59.999-05:30", "1999-12-31T00:00:00Z", "2026-07-04T10:00:00.1+00:00",
                "2038-01-19T03:14:08.123456+14:00")) {
            assertThat(Timestamps.parseIso(text)).as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli());
        }
    }

    @Test
    void failsOnMalformedJsonNamingTheLocation() {
        assertThatThrownBy(() -> read("{\"imageDetails\": [\n {\"imageDigest\": \"sha256:a\",}]}"))
                .isInstanceOf(DescribeImagesException.class)
                .hasMessage("not valid JSON at line 2, column 29: Unexpected character ('}' (code 125)): was expecting "
                        + "double-quote to start field name. Fix: pass the unmodified output of `aws ecr describe-images "
                        + "--output json`");
    }

    @Test
    void failsOnAnImageWithoutPushTime() {
        assertThatThrownBy(() -> read("{\"imageDetails\": [{\"imageDigest\": \"sha256:a\"}]}"))
                .isInstanceOf(DescribeImagesException.class)
                .hasMessage("imageDetails[0] (sha256:a) has no imagePushedAt: lifecycle rules order and age images by "
                        + "it. Fix: pass the unmodified describe-images output");
    }

    @Test
    void failsOnListImagesOutput() {
        assertThatThrownBy(() -> read("{\"imageIds\": [{\"imageDigest\": \"sha256:a\"}]}"))
                .isInstanceOf(DescribeImagesException.class)
                .hasMessage("the page starting at line 1, column 1 has no \"imageDetails\" array: this is not describe-images "
                        + "output. Fix: pass the output of `aws ecr describe-images --output json` (list-images output "
                        + "has no push times or sizes)");
    }

    @Test
    void failsOnEmptyInput() {
        assertThatThrownBy(() -> read("  "))
                .isInstanceOf(DescribeImagesException.class)
                .hasMessage("no describe-images page found: the input is empty. Fix: pass the output of "
                        + "`aws ecr describe-images --output json`");
    }
}
