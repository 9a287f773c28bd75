package cn.minzheng.identity;

import cn.minzheng.region.CommunityReferences;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff accounts whose scope is a community: moved with the community when it is split, merged or transferred. */
@Component
class StaffAccountReferences implements CommunityReferences {

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;

    StaffAccountReferences(JdbcClient jdbc, StaffAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public String holder() {
        return "staff_account";
    }

    @Override
    public String label() {
        return "工作人员账号";
    }

    @Override
    public long countAt(String communityCode) {
        return accounts.countAt(communityCode);
    }

    @Override
    public List<Reference> listAt(String communityCode, int limit) {
        return accounts.listAt(communityCode, limit).stream()
                .map(a -> new Reference(Long.toString(a.id()), a.username() + "（" + a.displayName() + "）"))
                .toList();
    }

    @Override
    public int reassign(Collection<String> referenceIds, String fromCode, String toCode) {
        int moved = 0;
        for (String id : referenceIds) {
            moved += jdbc.sql("update staff_account set scope_code = ? where id = ? and scope_code = ?")
                    .params(toCode, Long.parseLong(id), fromCode)
                    .update();
        }
        return moved;
    }

    @Override
    public int reassignAll(String fromCode, String toCode) {
        return jdbc.sql("update staff_account set scope_code = ? where scope_code = ?")
                .params(toCode, fromCode)
                .update();
    }
}
