package cn.minzheng.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Chinese labels of one kind of code (programmes, income kinds, roles …), contributed by the module that owns the
 * codes as a bean. Screens show {@code #show.label('income-kind', code)}; exports and documents use {@link Labels}.
 */
public interface LabelCatalogue {

    /** The catalogue's name, e.g. {@code income-kind}: lower case, words joined by hyphens. */
    String name();

    /** Code → label. */
    Map<String, String> labels();

    static LabelCatalogue of(String name, Map<String, String> labels) {
        Map<String, String> copy = Map.copyOf(labels);
        return new LabelCatalogue() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, String> labels() {
                return copy;
            }
        };
    }

    /** A catalogue from an enum whose constants know their label. */
    static <E extends Enum<E>> LabelCatalogue ofEnum(String name, Class<E> type, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            labels.put(constant.name(), label.apply(constant));
        }
        return of(name, labels);
    }
}
