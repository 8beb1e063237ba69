package dev.regua.infra;

/** How a component is asked to stop. PostgreSQL wants SIGINT ("fast" shutdown); the JVMs and kc.sh want SIGTERM. */
public enum Signal {
    TERM, INT, KILL
}
