package dev.regua.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading the logs of child processes: tails for error messages, and a cheap incremental search for markers. */
final class LogFiles {

    private LogFiles() {
    }

    /** The last {@code lines} lines of {@code file}, indented, or a note when it cannot be read. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "    (no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            List<String> last = new ArrayList<>();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                last.add("    " + all[i]);
            }
            return last.isEmpty() ? "    (log is empty)" : String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "    (could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Remembers how far it has read, so each poll only reads what the process wrote since. */
    static final class Watcher {
        private final Path file;
        private final String marker;
        private long offset;
        private String carry = "";

        Watcher(Path file, String marker) {
            this.file = file;
            this.marker = marker;
        }

        boolean seen() {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length < offset) {
                    offset = 0; // truncated
                }
                if (length == offset) {
                    return false;
                }
                byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
                raf.seek(offset);
                raf.readFully(bytes);
                offset += bytes.length;
                String text = carry + new String(bytes, StandardCharsets.UTF_8);
                if (text.contains(marker)) {
                    return true;
                }
                carry = text.substring(Math.max(0, text.length() - marker.length()));
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
