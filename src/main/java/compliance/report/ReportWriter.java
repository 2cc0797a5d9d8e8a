package compliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the report files into the cloud assembly directory, next to the templates. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes {@code report} (read from {@code cdkOut}) in each format; returns the files written, in order. */
    public static List<Path> write(Path cdkOut, ComplianceReport report, List<Format> formats) {
        List<Path> written = new ArrayList<>();
        for (Format format : formats) {
            Path file = cdkOut.resolve(format.fileName());
            try {
                Files.writeString(file, format.render(report));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }
}
