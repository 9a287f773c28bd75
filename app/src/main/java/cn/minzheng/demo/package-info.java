/**
 * 演示区: a deterministic generator of a Yanta-like district for demonstrations, tests and benchmarks. This module
 * builds the base — about 240 communities with their 2023 history (30 communities handed over from development zones,
 * oversized ones split into 28 new ones) and staff accounts for every role and scope — and then runs, in their order,
 * the {@link cn.minzheng.shared.DemoStep}s each business module contributes from inside itself (residents and
 * households, the kernel's cases, social assistance, verification, a year of payments). It has no API and uses no
 * business module's types. Synthetic data only; never real people.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "演示数据",
        allowedDependencies = {"shared", "platform", "region", "identity"})
package cn.minzheng.demo;
