package cn.minzheng.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a person reads must be Chinese prose: no internal code (RECEIVED, DIBAO, SHJZ_ZXBF), no login name, no amount in
 * fen, no raw JSON, no ISO/UTC timestamp, no region code, no program identifier. One check for screens (the visible
 * text of a page, {@link #visibleText}) and for documents (the text of a PDF): {@code ReadableText.leaks(text)} lists
 * what a person should not read, {@link #assertReadable} fails with each leak in its context.
 *
 * <p>Deliberately strict: any Latin word outside a short list of words Chinese offices use themselves (PDF, Excel …)
 * is a leak. A value a person must copy or type exactly (a hash, a support id, a login name on the account screen, a
 * declaration's source) is marked {@code data-verbatim} on its element, and what a person types is in {@code <kbd>}
 * (拼音 zhangsan): both are skipped on screens. Use them sparingly — every use is visible in the templates.
 */
public final class ReadableText {

    /** Latin words that Chinese office text uses as they are. Lower-case file extensions are allowed on file names. */
    static final Set<String> ALLOWED_WORDS = Set.of(
            "PDF", "OFD", "Excel", "CSV", "ZIP", "JPEG", "JPG", "PNG", "MP3", "MP4", "WAV", "SM2", "SM3", "SM4",
            "GB18030", "GBK", "UTF-8", "KB", "MB", "GB");

    static final Set<String> FILE_EXTENSIONS =
            Set.of("pdf", "ofd", "xlsx", "xls", "csv", "zip", "jpeg", "jpg", "png", "mp3", "mp4", "wav", "txt");

    /** Forms people read that contain Latin letters or dashes: removed before looking for leaks. */
    private static final List<Pattern> ALLOWED_FORMS = List.of(
            // 受理编号 2026-DBQR-00001 and 文号-like numbers people quote
            Pattern.compile("(?<![A-Za-z0-9])\\d{4}-[A-Z]{2,10}-\\d{3,6}(?![A-Za-z0-9])"),
            // numbers as displayed: 家庭编号 H00002, 疑似重复 D00001, 网上申请回执 WS20261208165647
            Pattern.compile("(?<![A-Za-z0-9])(H|D|WS)\\d{5,}(?![A-Za-z0-9])"),
            // masked ID numbers end in a digit or X: 610113********123X
            Pattern.compile("(?<![A-Za-z0-9])\\d{6}\\*{4,}\\d{3}[0-9X](?![A-Za-z0-9])"),
            // file names with a known extension: 申请书.pdf
            Pattern.compile("\\.(?i:pdf|ofd|xlsx|xls|csv|zip|jpeg|jpg|png|mp3|mp4|wav|txt)(?![A-Za-z0-9])"));

    public record Leak(String kind, String fragment, String context) {

        @Override
        public String toString() {
            return kind + "「" + fragment + "」 … " + context + " …";
        }
    }

    private record Rule(String kind, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            new Rule("ISO/UTC 时间", Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?")),
            new Rule("ISO 日期", Pattern.compile("(?<![\\d-])(19|20)\\d{2}-\\d{1,2}-\\d{1,2}(?![\\d-])")),
            new Rule("ISO 月份", Pattern.compile("(?<![\\d-])(19|20)\\d{2}-(0[1-9]|1[0-2])(?![\\d-])")),
            new Rule("原始 JSON", Pattern.compile("\\{\\s*\"|\"\\s*:\\s*[\"\\[{\\dtfn]|\\[\\s*\\{")),
            new Rule("内部引用", Pattern.compile("(?<![A-Za-z])[a-z]+:\\d+")),
            new Rule(
                    "以分为单位的金额",
                    Pattern.compile("[（(]分[）)]|(?<![\\u4e00-\\u9fa5])\\d[\\d,]*\\s?分(?![\\u4e00-\\u9fa5])")),
            new Rule("区划代码", Pattern.compile("(?<![\\d*])6101\\d{2}(\\d{3}){0,2}(?![\\d*])")),
            new Rule("程序标识或代码", Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[_.\\-][A-Za-z0-9]+)*")));

    private ReadableText() {}

    /** Every leak in the text, in order. */
    public static List<Leak> leaks(String text) {
        return leaks(text, Set.of());
    }

    /** Every leak in the text; {@code loginNames} are reported as login names wherever they appear. */
    public static List<Leak> leaks(String text, Collection<String> loginNames) {
        List<Leak> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String login : loginNames) {
            int at = text.indexOf(login);
            if (login.length() > 2 && at >= 0) {
                found.add(new Leak("登录名", login, context(text, at, at + login.length())));
            }
        }
        String rest = text;
        for (Pattern allowed : ALLOWED_FORMS) {
            rest = allowed.matcher(rest).replaceAll(m -> " ".repeat(m.group().length()));
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(rest);
            StringBuilder blanked = new StringBuilder(rest);
            while (m.find()) {
                String fragment = m.group();
                if (rule.kind().equals("程序标识或代码") && allowedWord(fragment)) {
                    continue;
                }
                found.add(new Leak(rule.kind(), fragment, context(text, m.start(), m.end())));
                // blanked, so that a timestamp is not reported again as a date and as a code
                for (int i = m.start(); i < m.end(); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
            rest = blanked.toString();
        }
        return found;
    }

    private static boolean allowedWord(String word) {
        return ALLOWED_WORDS.contains(word) || FILE_EXTENSIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Fails listing every leak, each with the words around it. */
    public static void assertReadable(String where, String text) {
        List<Leak> leaks = leaks(text);
        if (!leaks.isEmpty()) {
            throw new AssertionError(where + " 含有不应给人看的内容：\n  "
                    + String.join("\n  ", leaks.stream().map(Leak::toString).toList()));
        }
    }

    /**
     * The text a person sees on a page: the body's text, option labels, the values of visible text fields, and the
     * placeholder, title, alt and aria-label attributes — without scripts, styles, hidden inputs, hidden elements and
     * elements marked {@code data-verbatim}.
     */
    public static String visibleText(String html) {
        Document page = Jsoup.parse(html);
        page.select("script, style, template, noscript, [hidden], [data-verbatim], kbd, input[type=hidden]")
                .remove();
        StringBuilder text = new StringBuilder();
        text.append(page.title()).append('\n');
        Element body = page.body();
        text.append(body.text()).append('\n');
        for (Element e : body.select("[placeholder], [title], [alt], [aria-label]")) {
            for (String attribute : List.of("placeholder", "title", "alt", "aria-label")) {
                if (e.hasAttr(attribute)) {
                    text.append(e.attr(attribute)).append('\n');
                }
            }
        }
        for (Element input :
                body.select("input[value]:not([type]), input[type=text][value], input[type=search][value]")) {
            text.append(input.attr("value")).append('\n');
        }
        for (Element area : body.select("textarea")) {
            text.append(area.text()).append('\n');
        }
        return text.toString();
    }

    private static String context(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), end + 20);
        return text.substring(from, to).replaceAll("\\s+", " ");
    }
}
