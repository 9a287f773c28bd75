package cn.minzheng.procedure;

import java.util.List;

/**
 * A module's reference data for the kernel's catalogues, shipped with its release as classpath YAML files in the
 * formats of {@code procedure/legal-basis.yaml} and {@code procedure/parameters.yaml}. Loaded at start-up after the
 * kernel's own files; only what the database lacks is added, so values the bureau has edited or approved stay.
 */
public interface ReferenceDataSource {

    default List<String> legalBasis() {
        return List.of();
    }

    default List<String> parameters() {
        return List.of();
    }
}
