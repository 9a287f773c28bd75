/**
 * 平台基础: runtime of the modular monolith — the database (embedded PostgreSQL or external, with the data scope
 * handed to row-level security per transaction), the page layout and menu that modules contribute to, error pages,
 * platform settings. Every business module may use it; it depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "平台基础",
        allowedDependencies = {"shared"},
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.minzheng.platform;
