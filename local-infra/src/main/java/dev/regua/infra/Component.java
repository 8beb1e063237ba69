package dev.regua.infra;

import java.nio.file.Path;
import java.util.List;

/** One piece of infrastructure. {@link #start} blocks until it is ready, or throws {@link InfraStartException}. */
interface Component {

    String name();

    void start(StartContext context) throws Exception;

    /** Stops what {@link #start} started, by PID. Idempotent; safe after a failed start. */
    void stop();

    /** PIDs this component is responsible for (processes and their watchdogs). */
    List<Long> pids();

    Path log();
}
