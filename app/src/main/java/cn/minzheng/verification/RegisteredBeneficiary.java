package cn.minzheng.verification;

/**
 * One status in a {@link BeneficiaryRegister}: a household ({@code household} true, the subject is a household id) or
 * a person (特困: the subject is a resident id, who counts for the household the person lives in), and the programme
 * the authorisation must cover.
 */
public record RegisteredBeneficiary(boolean household, long subjectId, String programme) {}
