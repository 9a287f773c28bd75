package cn.minzheng.platform.database;

/** How to reach the database: the owner role for migrations, the application role for everything else. */
public record DatabaseAccess(
        String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    @Override
    public String toString() {
        return "DatabaseAccess[" + jdbcUrl + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
