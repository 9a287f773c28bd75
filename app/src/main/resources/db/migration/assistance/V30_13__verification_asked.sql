-- The verification requests an application itself asked for (提请核对 on the case), with the scope of the officer who
-- asked (issue 13 A1). A report is attached to an application only for a request listed here, and only as that
-- officer would see the application: a request made by anyone else, or from another scope, never reaches the case.
create table assistance_verification_asked (
    application_id  bigint not null references assistance_application (id),
    request_id      bigint not null,
    community_code  text not null check (community_code ~ '^[0-9]{12}$'),
    requester_scope text not null check (requester_scope ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    requested_by    text not null,
    primary key (application_id, request_id)
);
create unique index assistance_verification_asked_request on assistance_verification_asked (request_id);
alter table assistance_verification_asked enable row level security;
alter table assistance_verification_asked force row level security;
create policy assistance_verification_asked_in_scope on assistance_verification_asked
    using (mz_in_scope(community_code)) with check (mz_in_scope(community_code));
revoke update, delete, truncate on assistance_verification_asked from ${appRole};
