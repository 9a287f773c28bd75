package cn.minzheng.assistance;

import cn.minzheng.procedure.Cases;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.verification.Authorisations;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fixture the assistance case tests share (they copied it before): the test district, the services a case goes
 * through, households registered with {@link BulkRegistration} (see {@link Fixtures}), and the ordinary way through a
 * case ({@link Flow}). A test class extends it and adds the services of its own subject.
 */
abstract class AssistanceCaseTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Applications applications;

    @Autowired
    Investigations investigations;

    @Autowired
    VerificationResults verifications;

    @Autowired
    Assessments assessments;

    @Autowired
    Cases cases;

    @Autowired
    Authorisations authorisations;

    @Autowired
    BulkRegistration registration;

    @Autowired
    JdbcTemplate jdbc;

    Flow flow;

    @BeforeEach
    void districtAndFlow() {
        district.ensure();
        flow = new Flow(applications, investigations, verifications, assessments, cases, authorisations);
    }
}
