package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;

/** A file that cannot be imported at all (wrong kind, too large, unreadable, no header): nothing is read from it. */
class ImportRefused extends BusinessRuleViolation {

    ImportRefused(String message) {
        super(message);
    }
}
