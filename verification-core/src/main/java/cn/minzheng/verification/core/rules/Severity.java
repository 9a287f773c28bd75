package cn.minzheng.verification.core.rules;

/** How a finding weighs in the review (审核确认办法 第十八条: a hit is checked by staff before any decision). */
public enum Severity {
    /** Excludes the household under the configured local rules unless the review finds otherwise. */
    DISQUALIFYING,
    /** The household must explain it (说明情况) before a decision. */
    NEEDS_EXPLANATION,
    /** Recorded in the report; no action by itself. */
    INFORMATION
}
