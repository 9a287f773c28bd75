package cn.minzheng.verification.core.cli;

/**
 * Bad input from the person or tool calling the engine: a missing file, a missing column, an unreadable encoding.
 * The command line prints its message as one line and exits non-zero, without a stack trace.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
