package dev.regua.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartFailureIT {

    @Test
    void namesTheFailingComponentWithItsLogAndStopsWhatDidStart(@TempDir Path fakeJdk) throws Exception {
        // a "JDK" whose java prints something and dies: GreenMail (a child JVM) cannot start; PostgreSQL (native) can
        Path java = Files.createDirectories(fakeJdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"boom: this is not a JVM\"\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path stateDir = ReguaHome.resolve().resolve("run").resolve("it-start-failure");

        InfraStartException failure = assertThrows(InfraStartException.class, () -> LocalInfra.start(
                InfraOptions.builder().stateDir(stateDir).javaHome(fakeJdk).postgres(0, "billing").smtp(0, 0).build()));

        String message = failure.getMessage();
        assertTrue(message.startsWith("smtp failed to start: the process exited with code 3"), message);
        assertTrue(message.contains("boom: this is not a JVM"), "log tail in the message: " + message);
        assertTrue(PidFile.readAll(stateDir).isEmpty(), "PostgreSQL, which did start, was stopped again");
        assertFalse(Files.exists(stateDir.resolve("postgres").resolve("data").resolve("postmaster.pid")));
    }
}
