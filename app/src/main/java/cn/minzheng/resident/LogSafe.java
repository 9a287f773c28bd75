package cn.minzheng.resident;

/**
 * What of an exception may go into the application log: its type and its message with every run of six or more digits
 * masked — database errors can quote values, and no ID, phone or account number may reach a log file.
 */
final class LogSafe {

    private LogSafe() {}

    static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            if (depth > 0) {
                out.append(" ← ");
            }
            out.append(t.getClass().getName()).append(": ").append(redact(t.getMessage()));
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) {
                out.append(" at ").append(frames[i]);
            }
        }
        return out.toString();
    }

    static String redact(String text) {
        return text == null
                ? ""
                : text.replaceAll("[0-9０-９]{6,}[0-9Xx]*", "******").replaceAll("\\R", " ");
    }
}
