package cn.minzheng.identity;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通讯录: who works in my unit. Every staff member sees the colleagues inside their own scope — a community worker their
 * community, a street officer their street — and nobody else's (row-level security and the query say the same).
 */
@Service
public class StaffDirectory {

    private final StaffAccounts accounts;
    private final ScopeNames scopeNames;

    StaffDirectory(StaffAccounts accounts, ScopeNames scopeNames) {
        this.accounts = accounts;
        this.scopeNames = scopeNames;
    }

    public record Colleague(
            long id, String username, String displayName, List<String> roles, String unitCode, String unitName) {}

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Colleague> colleagues(String text, int page, int size) {
        DataScope viewer = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return accounts.list(viewer, new StaffAccounts.Filter(text, null, null), size, page * size).stream()
                .filter(StaffAccount::enabled)
                .map(this::colleague)
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Colleague colleague(long id) {
        DataScope viewer = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return accounts.byId(id)
                .filter(account -> viewer.covers(account.scope()))
                .map(this::colleague)
                .orElseThrow(() -> new NotFound("没有这位工作人员，或不在您的数据范围内"));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long count() {
        DataScope viewer = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return accounts.count(viewer);
    }

    private Colleague colleague(StaffAccount account) {
        return new Colleague(
                account.id(),
                account.username(),
                account.displayName(),
                account.roles().stream().sorted().map(Role::label).toList(),
                account.scope().code(),
                scopeNames.nameOf(account.scope().code()));
    }
}
