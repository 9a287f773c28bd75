/**
 * 依法行政·程序内核: every administrative matter runs as a case under a procedure declared as data — steps and who
 * acts at each, the legal basis of each step, statutory clocks on the working-day calendar (suspension, extension,
 * termination), decisions with a re-computable trace, the legal review gate for major decisions, public notices with
 * the masking the law requires, the full-process record with an offline-verifiable evidence package, and the
 * supervision of overdue work. Also the legal-basis catalogue and the effective-dated parameter registry every module
 * cites.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "依法行政·程序内核",
        allowedDependencies = {"shared", "platform", "audit", "calendar", "region"})
package cn.minzheng.procedure;
