package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The return-file formats of the paying banks, declared as data (one file per bank in {@code assistance/bank-formats/}):
 * encoding, separator, header lines, which column holds the item, the amount (in 元 or 分), the result and the reason,
 * and the words the bank uses for paid and failed. A new bank is a new file, not a release of code.
 */
@Component
public class BankFormats {

    /** One bank's format. Columns are counted from 1. */
    record Format(
            String code,
            String name,
            Charset encoding,
            String delimiter,
            int headerLines,
            List<String> skipLinesStartingWith,
            int itemColumn,
            int amountColumn,
            int resultColumn,
            int reasonColumn,
            boolean amountInYuan,
            List<String> paid,
            List<String> failed) {}

    private final Map<String, Format> formats = new LinkedHashMap<>();

    BankFormats() {
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:assistance/bank-formats/*.yaml");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    Format format = read(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
                    formats.put(format.code(), format);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Format> all() {
        return List.copyOf(formats.values());
    }

    Format get(String code) {
        Format format = formats.get(code == null || code.isBlank() ? "PLATFORM_CSV" : code);
        if (format == null) {
            throw new BusinessRuleViolation("没有这种银行回盘格式，请从列表中选择代发银行的格式");
        }
        return format;
    }

    @SuppressWarnings("unchecked")
    private static Format read(Map<String, Object> yaml) {
        Map<String, Object> columns = (Map<String, Object>) yaml.get("columns");
        return new Format(
                (String) yaml.get("code"),
                (String) yaml.get("name"),
                Charset.forName((String) yaml.getOrDefault("encoding", "UTF-8")),
                (String) yaml.getOrDefault("delimiter", ","),
                ((Number) yaml.getOrDefault("headerLines", 0)).intValue(),
                strings(yaml.get("skipLinesStartingWith")),
                ((Number) columns.get("item")).intValue(),
                ((Number) columns.get("amount")).intValue(),
                ((Number) columns.get("result")).intValue(),
                columns.containsKey("reason") ? ((Number) columns.get("reason")).intValue() : 0,
                "YUAN".equals(yaml.get("amountUnit")),
                strings(yaml.get("paid")),
                strings(yaml.get("failed")));
    }

    private static List<String> strings(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.forEach(item -> list.add(String.valueOf(item)));
        }
        return list;
    }
}
