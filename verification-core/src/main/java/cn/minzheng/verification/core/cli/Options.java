package cn.minzheng.verification.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command; unknown options are refused so that typos do not pass silently. */
public final class Options {

    private final String command;
    private final Map<String, String> values = new HashMap<>();

    public Options(String command, String[] args, int from, Set<String> allowed) {
        this.command = command;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UserError(command + ": unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new UserError(command + ": option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!allowed.contains(name)) {
                throw new UserError(
                        command + ": unknown option --" + name + " (allowed: --" + String.join(", --", allowed) + ")");
            }
            values.put(name, value);
        }
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UserError(command + ": missing option --" + name);
        }
        return value;
    }

    public String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A path option that must name an existing regular file. */
    public Path existingFile(String name) {
        Path path = Path.of(required(name));
        if (!Files.isRegularFile(path)) {
            throw new UserError(command + ": file not found: " + path);
        }
        return path;
    }

    /** A path option that must name an existing directory. */
    public Path existingDirectory(String name) {
        Path path = Path.of(required(name));
        if (!Files.isDirectory(path)) {
            throw new UserError(command + ": directory not found: " + path);
        }
        return path;
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UserError(command + ": --" + name + " must be a number, not " + value);
        }
    }
}
