/**
 * 分层分类社会救助: 低保, 特困, 低保边缘, 刚性支出困难, 临时/急难救助 — eligibility and amounts as small named policies
 * citing their articles, cases on the procedure kernel, effective-dated statuses, monthly payment rolls that pay once,
 * dynamic management and statistics.
 *
 * <p>API: none — no other module calls this one. It is a leaf of the module graph: it uses the kernel's cases, the
 * residents and verification, implements their extension points ({@code RequestingCases}, {@code BeneficiaryRegister},
 * {@code CasePage}, the menu, work and portal entries), listens to {@code VerificationReportReady}, and contributes its
 * demo steps. Its types are {@code public} only where its {@code web} package (the page and JSON controllers and their
 * form-backing classes) uses them; the rules are plain Java in {@code rules}.
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
