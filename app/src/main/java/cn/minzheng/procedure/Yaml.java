package cn.minzheng.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML declarations (reference data, matter types) into plain values, collecting every problem with the path
 * where it was found ({@code steps[2].roles}) instead of stopping at the first one. Only plain YAML: no tags, no
 * objects.
 */
final class Yaml {

    private Yaml() {}

    /** Problems found while reading one document; each is shown to the author as it is. */
    static final class Problems {
        private final List<String> list = new ArrayList<>();

        void add(String path, String problem) {
            list.add((path.isEmpty() ? "" : path + "：") + problem);
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<String> list() {
            return List.copyOf(list);
        }
    }

    static Object parse(String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(2_000_000);
        try {
            return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String message = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            problems.add("", "不是有效的 YAML：" + message);
            return null;
        }
    }

    /** A value inside the document with its path. */
    record Node(String path, Object value, Problems problems) {

        boolean isMap() {
            return value instanceof Map;
        }

        boolean has(String key) {
            return value instanceof Map<?, ?> map && map.get(key) != null;
        }

        Node get(String key) {
            Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
            return new Node(path.isEmpty() ? key : path + "." + key, child, problems);
        }

        List<Node> list(String key) {
            Node child = get(key);
            if (child.value() == null) {
                return List.of();
            }
            if (!(child.value() instanceof List<?> items)) {
                problems.add(child.path(), "应为列表");
                return List.of();
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                nodes.add(new Node(child.path() + "[" + i + "]", items.get(i), problems));
            }
            return nodes;
        }

        List<String> strings(String key) {
            Node child = get(key);
            if (child.value() == null) {
                return List.of();
            }
            if (child.value() instanceof String s) {
                return List.of(s.strip());
            }
            return list(key).stream().map(Node::text).filter(s -> s != null).toList();
        }

        String text() {
            if (value == null) {
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                problems.add(path, "应为文字");
                return null;
            }
            String s = value.toString().strip();
            return s.isEmpty() ? null : s;
        }

        String string(String key) {
            return get(key).text();
        }

        String required(String key) {
            String s = string(key);
            if (s == null) {
                problems.add(get(key).path(), "必须填写");
            }
            return s;
        }

        Integer integer(String key) {
            Object v = get(key).value();
            if (v == null) {
                return null;
            }
            if (v instanceof Integer i) {
                return i;
            }
            try {
                return Integer.parseInt(v.toString().strip());
            } catch (NumberFormatException e) {
                problems.add(get(key).path(), "应为整数：" + v);
                return null;
            }
        }

        BigDecimal decimal(String key) {
            Object v = get(key).value();
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v.toString().strip());
            } catch (NumberFormatException e) {
                problems.add(get(key).path(), "应为数字：" + v);
                return null;
            }
        }

        boolean flag(String key, boolean otherwise) {
            Object v = get(key).value();
            if (v == null) {
                return otherwise;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            problems.add(get(key).path(), "应为 true 或 false");
            return otherwise;
        }

        LocalDate date(String key) {
            Object v = get(key).value();
            if (v == null) {
                return null;
            }
            if (v instanceof Date d) {
                return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            }
            try {
                return LocalDate.parse(v.toString().strip());
            } catch (DateTimeParseException e) {
                problems.add(get(key).path(), "应为日期 YYYY-MM-DD：" + v);
                return null;
            }
        }
    }
}
