/**
 * 分层分类社会救助: 低保, 特困, 低保边缘, 刚性支出困难, 临时/急难救助 — eligibility and amounts as small named policies
 * citing their articles, cases on the procedure kernel, effective-dated statuses, monthly payment rolls that pay once,
 * dynamic management and statistics.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "分层分类社会救助",
        allowedDependencies = {
            "shared",
            "platform",
            "audit",
            "region",
            "calendar",
            "identity",
            "procedure",
            "resident",
            "verification"
        })
package cn.minzheng.assistance;
