-- A verification request's result is attached to its case once (issue 14): the report's event may be delivered again
-- after a crash (the event publication registry resubmits incomplete publications), and a caseworker may fetch a
-- missing result by hand. The listener checks first; this index settles a race between two deliveries.
create unique index assistance_verification_once on assistance_verification (application_id, request_id)
    where request_id is not null;
