package cn.minzheng.shared;

/**
 * The thing asked for does not exist — or lies outside the caller's data scope, which must look the same so that ids
 * cannot be probed. Rendered as HTTP 404.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
