/**
 * 区划管理: the district → street → community tree with statistical codes, kept with its history. Changes (establish,
 * rename, split, merge, transfer, abolish) are effective-dated and linked predecessor → successor, so the tree can be
 * shown as of any date and every count before a change reconciles with the counts after it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "区划管理",
        allowedDependencies = {"shared", "platform", "audit"})
package cn.minzheng.region;
