package cn.minzheng.platform;

/**
 * An API endpoint that answers without signing in (a citizen's booking from the portal), contributed as a bean by the
 * module that owns it, so that the security configuration does not have to know every module's paths. Such an
 * endpoint must protect itself (limits per client address, no personal data in its answers); it is exempt from the
 * CSRF token because it authenticates nobody: a staff session's cookie gives it no power it would not have without.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param path exact path, e.g. {@code /api/v1/marriage/appointments}
 */
public record PublicEndpoint(String method, String path) {}
