package cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import platform.PublisherType;
import platform.Service;
import publishing.PromotionStep;
import publishing.PublishScript;
import publishing.PublishTarget;
import publishing.RegistryHost;
import publishing.TaggingStrategy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Prints the promotion of one image digest into an environment: the registry logins and the
 * {@code oras cp -r} that copies the digest (index, platform manifests, signatures) and tags it,
 * exactly as the generated workflows' promotion job does. Run it with the target's promoter role.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Print the commands that promote one digest of a service into an environment (build once, promote the same digest).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the commands are printed", "2:the platform file has problems, or an option is invalid (each is printed)"})
public final class PromoteCommand implements Callable<Integer> {

    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    @Spec
    CommandSpec spec;

    @Option(names = "--platform", required = true, description = "The platform file.")
    Path platformFile;

    @Option(names = "--service", required = true, description = "The service whose image is promoted.")
    String service;

    @Option(names = "--to", required = true, description = "The target environment (a later step of the promotion order).")
    String target;

    @Option(names = "--digest", required = true, description = "The image digest, sha256:<64 hex>, as CI printed it.")
    String digest;

    @Option(names = "--commit", required = true, description = "The git commit the image was built from (its commit-<sha> tag).")
    String commit;

    @Option(names = "--release", description = "A release tag to add, e.g. v1.4.2 (must start with the platform's release prefix).")
    String release;

    @Option(names = "--date", description = "The day of the environment tag, yyyy-MM-dd. Default: today (UTC).")
    String date;

    @Option(names = "--dual-stack", negatable = true, description = "Log in to and copy between ECR's dual-stack registry hosts"
            + " (<account>.dkr-ecr.<region>.on.aws, for IPv6 networks); --no-dual-stack: the IPv4 hosts. Default: as the"
            + " service's github publisher's dualStack, whose workflow promotes the same way.")
    Boolean dualStack;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Platform platform;
        try {
            platform = PlatformLoader.load(platformFile);
        } catch (PlatformFileException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<String> problems = new ArrayList<>();
        Service svc = platform.service(service).orElse(null);
        if (svc == null) {
            problems.add("--service \"" + service + "\" is not a service of " + platformFile + ": use one of "
                    + platform.services().stream().map(Service::name).toList());
        }
        if (!DIGEST.matcher(digest).matches()) {
            problems.add("--digest \"" + digest + "\" is not an image digest: expected sha256:<64 lowercase hex digits>."
                    + " Promote by digest, never by tag: a tag names whatever was pushed last");
        }
        if (!COMMIT.matcher(commit).matches()) {
            problems.add("--commit \"" + commit + "\" is not a full git commit id: expected 40 lowercase hex digits (the commit-<sha> tag CI wrote)");
        }
        String prefix = platform.tagging().releasePrefix();
        if (release != null && !release.startsWith(prefix)) {
            problems.add("--release \"" + release + "\" does not start with the release prefix \"" + prefix
                    + "\": the lifecycle rules keep only " + prefix + "* images as releases");
        } else if (release != null && svc != null && !TaggingStrategy.of(platform, svc).isRelease(release)) {
            problems.add("--release \"" + release + "\" is not a release version: must match "
                    + TaggingStrategy.of(platform, svc).releaseTagRegex() + ", e.g. " + prefix + "1.4.2");
        }
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add("--date \"" + date + "\" is not a date: expected yyyy-MM-dd");
            }
        }
        PromotionStep step = null;
        PublishTarget publish = null;
        if (svc != null) {
            publish = dualStack == null ? PublishTarget.of(platform, svc, PublisherType.GITHUB)
                    : PublishTarget.of(platform, svc, dualStack.booleanValue());
            step = publish.promotions().stream().filter(p -> p.target().equals(target)).findFirst().orElse(null);
            if (step == null) {
                problems.add("--to \"" + target + "\" is not a promotion target of " + platformFile + ": images are promoted into "
                        + publish.promotions().stream().map(PromotionStep::target).toList()
                        + " (the first environment receives them from CI, not by promotion)");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return 2;
        }
        List<String> tags = TaggingStrategy.of(platform, svc).promotionTags(target, day, digest, commit, release);
        var out = spec.commandLine().getOut();
        out.println("# Promote " + service + " " + digest + " into " + target + " as " + step.promoterRoleArn());
        if (publish.dualStack()) {
            out.println("export " + RegistryHost.DUAL_STACK_VARIABLE + "=true");
        }
        out.print(PublishScript.promotionCommands(step, digest, tags));
        out.flush();
        return 0;
    }
}
