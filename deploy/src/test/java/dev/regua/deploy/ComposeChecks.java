package dev.regua.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker-compose.yml checked the way {@code docker compose up} would find out, without Docker.
 * Families, as in {@link Problem#check()}:
 *
 * <ul>
 *   <li>{@code yaml}: the file parses, with no key written twice</li>
 *   <li>{@code structure}: known top-level and service keys (a typo such as {@code healtcheck} is ignored by nothing)</li>
 *   <li>{@code build}: every service has an image or a build whose context and Dockerfile exist</li>
 *   <li>{@code depends_on}: targets exist, conditions are valid, service_healthy targets have a healthcheck, no cycles</li>
 *   <li>{@code mounts}: bind-mounted files and env_files exist (Docker would create an empty directory instead), named volumes are declared</li>
 *   <li>{@code ports}: well-formed, and no host port published twice</li>
 *   <li>{@code healthcheck}: test commands and durations in a form Docker accepts</li>
 *   <li>{@code environment}: variable names and plain values</li>
 * </ul>
 */
final class ComposeChecks {

    private static final Set<String> TOP_LEVEL = Set.of("name", "version", "services", "networks", "volumes", "configs", "secrets", "include", "models");
    private static final Set<String> SERVICE_KEYS = Set.of(
            "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
            "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
            "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
            "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "driver_opts", "entrypoint",
            "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add",
            "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging",
            "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode",
            "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
            "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale",
            "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
            "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes",
            "volumes_from", "working_dir");
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");
    private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(us|ms|s|m|h))+");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    // [host_ip:][host_port[-end]:]container_port[-end][/protocol]; host_ip may be [::1]
    private static final Pattern PORT = Pattern.compile(
            "(?:(\\[[^]]+]|[0-9.]+):)?(?:(\\d*)(?:-(\\d+))?:)?(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");

    private final Path directory;
    private final List<Problem> problems = new ArrayList<>();

    private ComposeChecks(Path directory) {
        this.directory = directory;
    }

    /** The problems of a compose file whose relative paths start at {@code directory}. */
    static List<Problem> check(String composeYaml, Path directory) {
        var checks = new ComposeChecks(directory);
        JsonNode compose;
        try {
            compose = Yaml.document(composeYaml);
        } catch (RuntimeException e) {
            return List.of(new Problem("yaml", "docker-compose.yml", e.getMessage()));
        }
        checks.checkAll(compose);
        return List.copyOf(checks.problems);
    }

    static List<Problem> check(Path composeFile) {
        try {
            return check(Files.readString(composeFile), composeFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(String check, String subject, String message) {
        problems.add(new Problem(check, subject, message));
    }

    private void checkAll(JsonNode compose) {
        compose.properties().forEach(field -> {
            if (!TOP_LEVEL.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
                report("structure", "docker-compose.yml", "unknown top-level key '" + field.getKey() + "'");
            }
        });
        JsonNode services = compose.path("services");
        if (!services.isObject() || services.isEmpty()) {
            report("structure", "docker-compose.yml", "has no services");
            return;
        }
        var published = new ArrayList<Published>();
        services.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            String subject = "service " + name;
            service.properties().forEach(field -> {
                if (!SERVICE_KEYS.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
                    report("structure", subject, "unknown key '" + field.getKey() + "'");
                }
            });
            build(subject, service);
            dependencies(subject, name, service, services);
            mounts(subject, service, compose);
            ports(subject, service, published);
            healthcheck(subject, service);
            environment(subject, service);
        });
        cycles(services);
    }

    // ---- build --------------------------------------------------------------------------------------

    private void build(String subject, JsonNode service) {
        JsonNode build = service.path("build");
        if (build.isMissingNode()) {
            if (service.path("image").asText("").isEmpty()) {
                report("build", subject, "has neither image nor build");
            }
            return;
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        if (context.contains("://") || context.startsWith("git@")) {
            return; // a remote context: nothing to look at here
        }
        Path contextDirectory = directory.resolve(context).normalize();
        if (!Files.isDirectory(contextDirectory)) {
            report("build", subject, "build context " + context + " is not a directory");
            return;
        }
        if (build.has("dockerfile_inline")) {
            return;
        }
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        if (!Files.isRegularFile(contextDirectory.resolve(dockerfile))) {
            report("build", subject, "Dockerfile " + dockerfile + " does not exist in the build context " + context);
        }
    }

    // ---- depends_on ---------------------------------------------------------------------------------

    private static Map<String, String> dependenciesOf(JsonNode service) {
        var dependencies = new LinkedHashMap<String, String>();
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> dependencies.put(d.asText(), "service_started"));
        } else {
            dependsOn.properties().forEach(d -> dependencies.put(d.getKey(), d.getValue().path("condition").asText("service_started")));
        }
        return dependencies;
    }

    private void dependencies(String subject, String name, JsonNode service, JsonNode services) {
        dependenciesOf(service).forEach((target, condition) -> {
            if (target.equals(name)) {
                report("depends_on", subject, "depends on itself");
            } else if (!services.has(target)) {
                report("depends_on", subject, "depends on '" + target + "', which is not a service of this file");
            } else if (!CONDITIONS.contains(condition)) {
                report("depends_on", subject, "condition '" + condition + "' on " + target + " is not one of " + CONDITIONS);
            } else if (condition.equals("service_healthy") && !hasHealthcheck(services.path(target))) {
                report("depends_on", subject, "waits for " + target + " to be healthy, but " + target
                        + " has no healthcheck: it would never become healthy");
            }
        });
    }

    private boolean hasHealthcheck(JsonNode service) {
        JsonNode healthcheck = service.path("healthcheck");
        if (healthcheck.isObject()) {
            return !healthcheck.path("disable").asBoolean(false) && !healthcheck.path("test").path(0).asText().equals("NONE");
        }
        JsonNode build = service.path("build");
        if (build.isMissingNode()) {
            return false; // an image's own HEALTHCHECK cannot be seen from here: declare one in the file
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        Path dockerfile = directory.resolve(context).resolve(build.path("dockerfile").asText("Dockerfile"));
        try {
            return Files.isRegularFile(dockerfile) && Files.readString(dockerfile).lines().anyMatch(l -> l.strip().toUpperCase().startsWith("HEALTHCHECK"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cycles(JsonNode services) {
        var graph = new HashMap<String, Set<String>>();
        services.properties().forEach(s -> graph.put(s.getKey(), dependenciesOf(s.getValue()).keySet()));
        var done = new HashSet<String>();
        for (String start : graph.keySet()) {
            findCycle(start, graph, new ArrayList<>(), done);
        }
    }

    private void findCycle(String service, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        if (path.contains(service)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(service), path.size()));
            cycle.add(service);
            report("depends_on", "service " + service, "dependency cycle " + String.join(" -> ", cycle) + ": compose cannot start it");
            return;
        }
        if (!done.add(service)) {
            return;
        }
        path.add(service);
        for (String next : graph.getOrDefault(service, Set.of())) {
            findCycle(next, graph, path, done);
        }
        path.remove(path.size() - 1);
    }

    // ---- mounts -------------------------------------------------------------------------------------

    private void mounts(String subject, JsonNode service, JsonNode compose) {
        for (JsonNode volume : service.path("volumes")) {
            String type;
            String source;
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                if (parts.length == 1) {
                    continue; // an anonymous volume
                }
                source = parts[0];
                type = source.startsWith(".") || source.startsWith("/") || source.startsWith("~") ? "bind" : "volume";
            } else {
                type = volume.path("type").asText("volume");
                source = volume.path("source").asText("");
            }
            if (type.equals("bind")) {
                Path path = source.startsWith("~") ? Path.of(System.getProperty("user.home") + source.substring(1)) : directory.resolve(source).normalize();
                if (!Files.exists(path)) {
                    report("mounts", subject, "bind-mounts " + source + ", which does not exist: Docker would mount an empty directory there");
                }
            } else if (type.equals("volume") && !source.isEmpty() && !compose.path("volumes").has(source)) {
                report("mounts", subject, "uses volume '" + source + "', which the top-level volumes do not declare");
            }
        }
        JsonNode envFiles = service.path("env_file");
        List<JsonNode> files = new ArrayList<>();
        if (envFiles.isTextual()) {
            files.add(envFiles);
        } else {
            envFiles.forEach(files::add);
        }
        for (JsonNode file : files) {
            String path = file.isTextual() ? file.asText() : file.path("path").asText();
            boolean required = file.isTextual() || file.path("required").asBoolean(true);
            if (required && !Files.isRegularFile(directory.resolve(path))) {
                report("mounts", subject, "env_file " + path + " does not exist");
            }
        }
        for (String kind : List.of("configs", "secrets")) {
            for (JsonNode reference : service.path(kind)) {
                String name = reference.isTextual() ? reference.asText() : reference.path("source").asText();
                JsonNode declared = compose.path(kind).path(name);
                if (declared.isMissingNode()) {
                    report("mounts", subject, "uses " + kind.substring(0, kind.length() - 1) + " '" + name + "', which the top-level " + kind + " do not declare");
                } else if (declared.has("file") && !Files.exists(directory.resolve(declared.path("file").asText()))) {
                    report("mounts", subject, kind + " '" + name + "' comes from " + declared.path("file").asText() + ", which does not exist");
                }
            }
        }
    }

    // ---- ports --------------------------------------------------------------------------------------

    /** A host port a service publishes; an empty address means every address of the host. */
    private record Published(String subject, String address, int port, String protocol) {

        boolean clashesWith(Published other) {
            return port == other.port && protocol.equals(other.protocol)
                    && (address.isEmpty() || other.address.isEmpty() || address.equals(other.address));
        }
    }

    private void ports(String subject, JsonNode service, List<Published> published) {
        for (JsonNode port : service.path("ports")) {
            String address;
            int from;
            int to;
            String protocol;
            if (port.isObject()) {
                if (!port.has("target")) {
                    report("ports", subject, "a port needs a target: " + port);
                    continue;
                }
                if (!port.has("published")) {
                    continue; // Docker picks the host port
                }
                String[] range = port.path("published").asText().split("-");
                from = Integer.parseInt(range[0]);
                to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                address = port.path("host_ip").asText("");
                protocol = port.path("protocol").asText("tcp");
            } else {
                if (port.isInt()) {
                    report("ports", subject, "port " + port.asText() + " is a number: quote mappings (\"8080:8080\"), YAML 1.1 reads some"
                            + " unquoted host:container pairs as base-60 numbers");
                    continue;
                }
                Matcher matcher = PORT.matcher(port.asText());
                if (!matcher.matches()) {
                    report("ports", subject, "'" + port.asText() + "' is not a port mapping ([address:]host:container[/protocol])");
                    continue;
                }
                if (matcher.group(2) == null || matcher.group(2).isEmpty()) {
                    continue; // only a container port: Docker picks the host port
                }
                address = matcher.group(1) == null ? "" : matcher.group(1);
                from = Integer.parseInt(matcher.group(2));
                to = matcher.group(3) == null ? from : Integer.parseInt(matcher.group(3));
                protocol = matcher.group(6) == null ? "tcp" : matcher.group(6);
            }
            for (int number = from; number <= to; number++) {
                if (number < 1 || number > 65535) {
                    report("ports", subject, "host port " + number + " is out of range");
                    continue;
                }
                var candidate = new Published(subject, address, number, protocol);
                for (Published earlier : published) {
                    if (candidate.clashesWith(earlier)) {
                        report("ports", subject, "publishes host port " + number + "/" + protocol + ", already published by " + earlier.subject());
                    }
                }
                published.add(candidate);
            }
        }
    }

    // ---- healthcheck --------------------------------------------------------------------------------

    private void healthcheck(String subject, JsonNode service) {
        JsonNode healthcheck = service.path("healthcheck");
        if (healthcheck.isMissingNode()) {
            return;
        }
        healthcheck.properties().forEach(field -> {
            if (!HEALTHCHECK_KEYS.contains(field.getKey())) {
                report("healthcheck", subject, "unknown healthcheck key '" + field.getKey() + "'");
            }
        });
        if (healthcheck.path("disable").asBoolean(false)) {
            return;
        }
        JsonNode test = healthcheck.path("test");
        if (test.isArray()) {
            String first = test.path(0).asText();
            if (!Set.of("CMD", "CMD-SHELL", "NONE").contains(first)) {
                report("healthcheck", subject, "test must start with CMD, CMD-SHELL or NONE, starts with '" + first + "'");
            } else if (!first.equals("NONE") && test.size() < 2) {
                report("healthcheck", subject, "test " + first + " has no command");
            }
        } else if (!test.isTextual() || test.asText().isBlank()) {
            report("healthcheck", subject, "test must be a command: a list starting with CMD or CMD-SHELL, or a string");
        }
        for (String duration : List.of("interval", "timeout", "start_period", "start_interval")) {
            JsonNode value = healthcheck.path(duration);
            if (!value.isMissingNode() && !DURATION.matcher(value.asText()).matches()) {
                report("healthcheck", subject, duration + " '" + value.asText() + "' is not a duration such as 5s or 1m30s");
            }
        }
        JsonNode retries = healthcheck.path("retries");
        if (!retries.isMissingNode() && (!retries.isInt() || retries.asInt() < 1)) {
            report("healthcheck", subject, "retries must be a whole number of at least 1");
        }
    }

    // ---- environment --------------------------------------------------------------------------------

    private void environment(String subject, JsonNode service) {
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String name = entry.asText().split("=", 2)[0];
                if (!VARIABLE.matcher(name).matches()) {
                    report("environment", subject, "'" + name + "' is not a variable name");
                }
            }
        } else {
            environment.properties().forEach(variable -> {
                if (!VARIABLE.matcher(variable.getKey()).matches()) {
                    report("environment", subject, "'" + variable.getKey() + "' is not a variable name");
                }
                if (!variable.getValue().isValueNode()) {
                    report("environment", subject, variable.getKey() + " must be a single value, is " + variable.getValue());
                }
            });
        }
    }

    /** The environment of a service as a map (list and map forms alike). */
    static Map<String, String> environmentOf(JsonNode service) {
        var variables = new LinkedHashMap<String, String>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String[] parts = entry.asText().split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        } else {
            environment.properties().forEach(v -> variables.put(v.getKey(), v.getValue().asText()));
        }
        return variables;
    }
}
