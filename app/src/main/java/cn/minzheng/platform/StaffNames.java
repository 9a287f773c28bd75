package cn.minzheng.platform;

/**
 * Names a staff member for display (王晓燕) from the login name the records keep; implemented by the identity module.
 * No screen or document shows a login name.
 */
public interface StaffNames {

    /** The person's name; "系统" for the platform's own work; "（账号已删除）" for an account that no longer exists. */
    String nameOf(String username);

    /**
     * The names of the staff working in a street (its officers and its communities' workers), for suggesting who
     * took part in an act (入户调查). {@code regionCode} is any code within the street.
     */
    default java.util.List<String> namesInStreet(String regionCode) {
        return java.util.List.of();
    }
}
