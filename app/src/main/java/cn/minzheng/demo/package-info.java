/**
 * 演示区: a deterministic generator of a Yanta-like district for demonstrations, tests and benchmarks — about 240
 * communities with their 2023 history (30 communities handed over from development zones, oversized ones split into 28
 * new ones), staff accounts for every role and scope, residents and households. Synthetic data only; never real people.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "演示数据",
        allowedDependencies = {
            "shared",
            "platform",
            "region",
            "identity",
            "procedure",
            "resident",
            "assistance",
            "assistance :: rules",
            "verification"
        })
package cn.minzheng.demo;
