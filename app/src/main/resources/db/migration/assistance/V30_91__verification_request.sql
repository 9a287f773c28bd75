-- The verification module's request made from the case (提请核对 on the case page): the newest one. While a case has
-- a request in the verification system, its result comes from there (VerificationReportReady); a result entered by
-- hand is only the fallback for a case the system could not check.
alter table assistance_application add column verification_request_id bigint;
