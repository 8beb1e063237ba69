package dev.regua.deploy;

import java.nio.file.Path;
import java.util.List;

/** Renders a kustomization with {@code kubectl kustomize}, or with a standalone {@code kustomize}. */
final class Kustomize {

    private static final String INSTALL = "Install kubectl 1.27 or newer (it bundles kustomize v5), or put a standalone kustomize v5 on the PATH.";

    private Kustomize() {
    }

    /** The rendered YAML of the kustomization in {@code directory}. */
    static String render(Path directory) {
        List<String> command;
        if (Tools.onPath("kubectl").isPresent() || Tools.onPath("kustomize").isEmpty()) {
            Path kubectl = Tools.need("kubectl", "the rendering of the kustomize overlays", INSTALL);
            command = List.of(kubectl.toString(), "kustomize", directory.toString());
        } else {
            command = List.of(Tools.onPath("kustomize").orElseThrow().toString(), "build", directory.toString());
        }
        Tools.Result result = Tools.run(command, directory, null, 60);
        if (result.exitCode() != 0) {
            throw new AssertionError("kustomize could not render " + directory + ":\n" + result.stderr().strip());
        }
        return result.stdout();
    }
}
