package dev.dreamnet.cli;

/**
 * One line of {@code dreamnet doctor}'s checklist: what was checked, whether it passed, and a
 * one-line detail ({@code 9 services, valid} or the reason it failed). Immutable.
 */
record DoctorCheck(String subject, boolean ok, String detail) {

    static DoctorCheck ok(String subject, String detail) {
        return new DoctorCheck(subject, true, detail);
    }

    static DoctorCheck fail(String subject, String detail) {
        return new DoctorCheck(subject, false, detail);
    }

    /** The checklist line, {@code [ok] subject: detail} or {@code [FAIL] subject: detail}; a detail naming the subject stands alone. */
    String line() {
        return (ok ? "[ok] " : "[FAIL] ") + (detail.startsWith(subject + ":") ? detail : subject + ": " + detail);
    }
}
