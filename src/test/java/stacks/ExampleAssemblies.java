package stacks;

import platform.Platform;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each example synthesized once per test JVM, the way {@code cdk synth} builds it: the tests here only read the assembly. */
public final class ExampleAssemblies {

    private static final Map<String, CloudAssembly> ASSEMBLIES = new ConcurrentHashMap<>();

    private ExampleAssemblies() {
    }

    public static Path platformFile(String example) {
        return Path.of("examples", example, "platform.yaml");
    }

    public static Platform platform(String example) {
        return PlatformLoader.load(platformFile(example));
    }

    public static synchronized CloudAssembly of(String example) {
        return ASSEMBLIES.computeIfAbsent(example, name -> {
            App app = SnapshotApp.create();
            PlatformStacks.create(app, platform(name), platformFile(name).toString());
            return app.synth();
        });
    }
}
