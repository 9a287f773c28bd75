package cn.minzheng.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All label catalogues the modules contribute, by name. An unknown code is returned as it is (and logged), so that the
 * screen crawl test finds the missing label instead of a person guessing what "其他" meant.
 */
@Component
public class Labels {

    private static final Logger log = LoggerFactory.getLogger(Labels.class);

    private final Map<String, List<LabelCatalogue>> catalogues = new HashMap<>();

    Labels(List<LabelCatalogue> contributed) {
        // asked on each use: a catalogue kept in the database reads (and caches) its labels itself
        for (LabelCatalogue catalogue : contributed) {
            catalogues
                    .computeIfAbsent(catalogue.name(), k -> new java.util.ArrayList<>())
                    .add(catalogue);
        }
    }

    public String label(String catalogue, String code) {
        if (code == null || code.isBlank()) {
            return Display.NONE;
        }
        String label = null;
        for (LabelCatalogue source : catalogues.getOrDefault(catalogue, List.of())) {
            label = source.labels().get(code);
            if (label != null) {
                break;
            }
        }
        if (label == null) {
            log.warn("标签目录 {} 中没有代码 {} 的中文名称", catalogue, code);
            return code;
        }
        return label;
    }

    /** Several codes as one phrase: 工资性收入、经营净收入. */
    public String labels(String catalogue, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Display.NONE;
        }
        return codes.stream().map(code -> label(catalogue, code)).collect(Collectors.joining("、"));
    }

    public boolean knows(String catalogue) {
        return catalogues.containsKey(catalogue);
    }
}
