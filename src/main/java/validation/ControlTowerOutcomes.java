package validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ControlTowerValidation} found per template, written beside it in the cloud assembly as
 * {@code <template>.control-tower.json} ({@value #SUFFIX}), for the compliance report: every Control Tower control
 * that applied, with pass, fail, documented exception (and its reason) or not enforced.
 */
public final class ControlTowerOutcomes {

    public static final String SUFFIX = ".control-tower.json";

    public enum Status { PASS, FAIL, EXCEPTION, NOT_ENFORCED }

    /**
     * @param control          the control id, {@code CT.KMS.PR.3}
     * @param guardRule        the cfn-guard rule that checks it
     * @param status           the outcome for the template
     * @param failingResources logical id of each resource that fails it unexcepted, with the paths that failed
     * @param exceptions       logical id of each excepted resource, with the reason
     */
    public record ControlOutcome(String control, String guardRule, Status status,
                                 Map<String, List<String>> failingResources, Map<String, String> exceptions) {

        static final Comparator<ControlOutcome> BY_CONTROL = Comparator.comparing(ControlOutcome::control);

        static ControlOutcome passed(String control, String guardRule) {
            return new ControlOutcome(control, guardRule, Status.PASS, Map.of(), Map.of());
        }
    }

    /** The controls of one template, and the version of the rules package that checked them. */
    public record TemplateOutcome(String rulesVersion, List<ControlOutcome> controls) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ControlTowerOutcomes() {
    }

    /** The file of {@code template}'s outcomes: {@code shop-dev.template.json} → {@code shop-dev.control-tower.json}. */
    public static Path fileOf(Path template) {
        String name = template.getFileName().toString().replaceFirst("\\.template\\.json$", "");
        return template.resolveSibling(name + SUFFIX);
    }

    static void write(Path template, TemplateOutcome outcome) {
        try {
            JSON.writeValue(fileOf(template).toFile(), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("Control Tower controls: cannot write " + fileOf(template), e);
        }
    }

    /** The outcomes recorded for {@code template}, empty when none were (controls off, or an older assembly). */
    public static Optional<TemplateOutcome> read(Path template) {
        Path file = fileOf(template);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TemplateOutcome.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
