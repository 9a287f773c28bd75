package cn.minzheng.verification;

/** The request's counts as reviewed: what the case's result says once the findings are decided. */
record ResolvedFindings(int disqualifying, int needsExplanation, int information) {}
