package cn.minzheng.test;

import cn.minzheng.identity.AccountManagement;
import cn.minzheng.identity.Role;
import cn.minzheng.identity.SecondFactors;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.region.RegionChanges;
import cn.minzheng.region.Regions;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The small district the tests work in, made explicitly by the tests that need it: two communities of 小寨路街道
 * (siblings), one of 大雁塔街道 (another street), and a staff member for each role at each level. Every account has
 * the password {@link #PASSWORD}.
 */
@Component
public class TestDistrict {

    public static final String PASSWORD = "Test-Staff-Pa55word";
    /** The authenticator secret (Base32) of the test administrators, who must give a second factor; see TestTotp. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static final Set<String> ADMINISTRATORS = Set.of("t_sysadmin", "t_secadmin", "t_auditor");
    public static final String DISTRICT = "610113";
    public static final String STREET = "610113001";
    public static final String OTHER_STREET = "610113002";
    public static final String COMMUNITY = "610113001001";
    public static final String SIBLING_COMMUNITY = "610113001002";
    public static final String OTHER_STREET_COMMUNITY = "610113002001";

    private final RegionChanges changes;
    private final Regions regions;
    private final AccountManagement accounts;
    private final SecondFactors secondFactors;
    private final District district;

    TestDistrict(
            RegionChanges changes,
            Regions regions,
            AccountManagement accounts,
            SecondFactors secondFactors,
            District district) {
        this.changes = changes;
        this.regions = regions;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.district = district;
    }

    /** Creates the communities and the staff if they are not there yet. */
    public void ensure() {
        SystemActor.run(district.scope(), this::create, "SYSTEM_ADMIN");
    }

    private void create() {
        LocalDate baseline = LocalDate.of(2019, 1, 1);
        for (String[] community :
                new String[][] {{COMMUNITY, "测试一社区"}, {SIBLING_COMMUNITY, "测试二社区"}, {OTHER_STREET_COMMUNITY, "测试三社区"}
                }) {
            if (regions.history(community[0]).isEmpty()) {
                changes.establish(
                        community[0],
                        community[1],
                        community[0].substring(0, 9),
                        baseline,
                        true,
                        null,
                        RegionChanges.Basis.none());
            }
        }
        accounts.provision(
                List.of(
                        staff("t_leader", DISTRICT, Role.DISTRICT_LEADER),
                        staff("t_officer", DISTRICT, Role.DEPARTMENT_OFFICER),
                        staff("t_legal", DISTRICT, Role.LEGAL_REVIEWER),
                        staff("t_sysadmin", DISTRICT, Role.SYSTEM_ADMIN),
                        staff("t_secadmin", DISTRICT, Role.SECURITY_ADMIN),
                        staff("t_auditor", DISTRICT, Role.AUDIT_ADMIN),
                        staff("t_street", STREET, Role.STREET_OFFICER),
                        staff("t_street2", OTHER_STREET, Role.STREET_OFFICER),
                        staff("t_community", COMMUNITY, Role.COMMUNITY_WORKER),
                        staff("t_sibling", SIBLING_COMMUNITY, Role.COMMUNITY_WORKER),
                        staff("t_other", OTHER_STREET_COMMUNITY, Role.COMMUNITY_WORKER),
                        // Targets of account-management calls in tests; nobody logs in as them.
                        staff("x_own", COMMUNITY, Role.COMMUNITY_WORKER),
                        staff("x_sibling", SIBLING_COMMUNITY, Role.COMMUNITY_WORKER),
                        staff("x_other", OTHER_STREET_COMMUNITY, Role.COMMUNITY_WORKER)),
                PASSWORD,
                false);
        ADMINISTRATORS.forEach(admin -> secondFactors.provision(admin, TOTP_SECRET));
    }

    private static AccountManagement.Provisioned staff(String username, String scope, Role role) {
        return new AccountManagement.Provisioned(username, "测试" + role.label(), scope, Set.of(role));
    }
}
