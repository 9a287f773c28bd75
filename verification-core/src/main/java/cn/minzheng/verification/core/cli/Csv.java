package cn.minzheng.verification.core.cli;

/** RFC 4180 quoting for the few CSV files the command line writes itself. */
public final class Csv {

    private Csv() {}

    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
