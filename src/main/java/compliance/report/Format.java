package compliance.report;

import java.util.Arrays;
import java.util.List;

/** The files the report is written as, next to the templates. */
public enum Format {
    MD("compliance-report.md"),
    JSON("compliance-report.json"),
    SARIF("compliance-report.sarif");

    private final String fileName;

    Format(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** {@code md}, {@code json}, {@code sarif}, or {@code all} for every format. */
    public static List<Format> parse(String value) {
        if ("all".equals(value)) {
            return List.of(values());
        }
        return Arrays.stream(values())
                .filter(f -> f.name().equalsIgnoreCase(value))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> new IllegalArgumentException(
                        "format \"" + value + "\" is unknown: must be md, json, sarif or all"));
    }

    public String render(ComplianceReport report) {
        return switch (this) {
            case MD -> MarkdownReport.render(report);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
        };
    }
}
