package dev.regua.deploy;

/**
 * One thing wrong with a manifest or with the compose file.
 *
 * @param check   the family of check that found it ("ports", "references", …), so a test can ask for it
 * @param subject what is wrong, e.g. {@code Deployment regua/billing-service} or {@code service gateway}
 * @param message why, in words a person can act on
 */
record Problem(String check, String subject, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + subject + ": " + message;
    }
}
