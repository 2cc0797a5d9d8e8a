package compliance.report;

/** The report for people: one table per repository, then exceptions, suppressions and cdk-nag totals. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(ComplianceReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ECR compliance report\n\n");
        md.append(report.templates().size()).append(" templates, ")
                .append(report.repositories().size()).append(" repositories, ")
                .append(report.failures()).append(" failing controls.\n\n");

        md.append("## Repositories\n\n");
        if (report.repositories().isEmpty()) {
            md.append("No `AWS::ECR::Repository` in the templates.\n\n");
        }
        for (RepositoryResult repository : report.repositories()) {
            md.append("### ").append(cell(repository.name())).append("\n\n");
            md.append("`").append(repository.path()).append("` in `").append(repository.template()).append("`\n\n");
            md.append("| Control | Catalog | Title | Result | Detail |\n|---|---|---|---|---|\n");
            for (ControlResult result : repository.controls()) {
                Control control = control(result.control());
                md.append("| ").append(result.control())
                        .append(" | ").append(control.catalog())
                        .append(" | ").append(cell(control.title()))
                        .append(" | ").append(result.status())
                        .append(" | ").append(cell(result.detail()))
                        .append(" |\n");
            }
            md.append("\n");
        }

        md.append("## AWS Control Tower proactive controls\n\n");
        if (report.controlTower().isEmpty()) {
            md.append("Not evaluated (no `*.control-tower.json`: synthesize with the controls on).\n\n");
        } else {
            md.append("Every control that applied to a template, evaluated with AWS's cfn-guard rules at synthesis.\n\n")
                    .append("| Template | Control | Status | Detail |\n|---|---|---|---|\n");
            report.controlTower().forEach(c -> md.append("| ").append(c.template()).append(" | ").append(c.control())
                    .append(" | ").append(c.status()).append(" | ").append(cell(c.detail())).append(" |\n"));
            md.append("\n");
        }

        md.append("## Documented exceptions\n\n");
        if (report.exceptions().isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Resource | Template | Controls | Reason |\n|---|---|---|---|\n");
            report.exceptions().forEach(e -> md.append("| `").append(e.path()).append("` | ").append(e.template())
                    .append(" | ").append(e.controls()).append(" | ").append(cell(e.reason())).append(" |\n"));
            md.append("\n");
        }

        md.append("## Suppressions\n\n");
        if (report.suppressions().isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Resource | Template | Rule | Applies to | Reason |\n|---|---|---|---|---|\n");
            report.suppressions().forEach(s -> md.append("| `").append(s.path()).append("` | ").append(s.template())
                    .append(" | ").append(s.ruleId())
                    .append(" | ").append(s.appliesTo().isEmpty() ? "(whole rule)" : cell(String.join(", ", s.appliesTo())))
                    .append(" | ").append(cell(s.reason())).append(" |\n"));
            md.append("\n");
        }

        md.append("## cdk-nag reports\n\n");
        if (report.nagReports().isEmpty()) {
            md.append("No `*-NagReport.csv` in the cloud assembly.\n\n");
        } else {
            md.append("| Report | Compliant | Non-compliant | Suppressed | Unknown |\n|---|---|---|---|---|\n");
            report.nagReports().forEach(r -> md.append("| ").append(r.file()).append(" | ").append(r.compliant())
                    .append(" | ").append(r.nonCompliant()).append(" | ").append(r.suppressed())
                    .append(" | ").append(r.unknown()).append(" |\n"));
            md.append("\n");
            for (NagReportSummary r : report.nagReports()) {
                for (String line : r.nonCompliantLines()) {
                    md.append("- ").append(r.file()).append(": ").append(line).append("\n");
                }
            }
        }

        md.append("## Notes on the catalogs\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append("\n"));
        return md.toString();
    }

    static Control control(String id) {
        for (Control control : Control.values()) {
            if (control.id().equals(id)) {
                return control;
            }
        }
        throw new IllegalArgumentException("unknown control " + id);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
