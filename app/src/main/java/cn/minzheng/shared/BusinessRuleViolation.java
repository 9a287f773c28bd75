package cn.minzheng.shared;

/**
 * A request that the rules refuse: the message is shown to the user as it is, so it is written in Chinese and names
 * what is wrong and why. Rendered as HTTP 422.
 */
public class BusinessRuleViolation extends RuntimeException {

    public BusinessRuleViolation(String message) {
        super(message);
    }
}
