package cn.minzheng.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page being shown, for links that keep the current filters: {@code ${here.page(2)}} is this page's address with
 * page=2 and every other query parameter as it was; {@code ${here.with('year', 2025)}} changes one parameter.
 */
public record Here(String path, Map<String, String[]> parameters) {

    public String page(int page) {
        return with("page", page);
    }

    public String with(String name, Object value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.forEach((key, values) -> {
            if (!key.equals(name) && !key.equals("_csrf")) {
                for (String v : values) {
                    uri.queryParam(key, v);
                }
            }
        });
        if (value != null) {
            uri.queryParam(name, value);
        }
        return uri.encode().build().toUriString();
    }

    /** The value of a query parameter, or null. */
    public String param(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The page numbers a pager shows around the current one (0-based), with −1 for a gap. */
    public List<Integer> pagesAround(int current, int pages) {
        List<Integer> shown = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            if (p == 0 || p == pages - 1 || Math.abs(p - current) <= 2) {
                shown.add(p);
            } else if (!shown.isEmpty() && shown.get(shown.size() - 1) != -1) {
                shown.add(-1);
            }
        }
        return shown;
    }
}
