package cn.minzheng.verification;

import java.time.LocalDate;
import java.util.List;

/**
 * Who receives assistance on a day, told by the module that keeps the register of beneficiaries (the assistance module
 * implements it from its statuses, domain spec §1.2). The monthly re-verification of beneficiaries asks it; this module
 * declares the question because the assistance module depends on this one (it listens to
 * {@link VerificationReportReady}), so this module cannot call the assistance module's API.
 */
public interface BeneficiaryRegister {

    /**
     * The statuses in effect on the day, read in the caller's data scope, ordered by subject type, subject and the
     * order in which they were recorded.
     */
    List<RegisteredBeneficiary> inEffectOn(LocalDate day);
}
