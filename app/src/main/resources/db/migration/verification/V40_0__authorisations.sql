-- 授权书: every household member authorises the verification of their economic situation (《最低生活保障审核确认办法》
-- 第九条). A person without a valid authorisation covering the programme is not verified.
create table verification_authorisation (
    id             bigint generated always as identity primary key,
    resident_id    bigint not null references resident (id),
    household_id   bigint references household (id),
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    programmes     text[] not null check (cardinality(programmes) > 0),
    signed_by      text not null check (signed_by in ('SELF', 'GUARDIAN', 'PROXY', 'HEIR')),
    proxy_reason   text,
    signed_on      date not null,
    valid_from     date not null,
    valid_to       date,
    document_sm3   text,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    revoked_on     date,
    revoked_reason text,
    check (valid_to is null or valid_to >= valid_from),
    check (signed_by = 'SELF' or proxy_reason is not null)
);
create index verification_authorisation_resident on verification_authorisation (resident_id);
create index verification_authorisation_household on verification_authorisation (household_id);

alter table verification_authorisation enable row level security;
alter table verification_authorisation force row level security;
create policy verification_authorisation_in_scope on verification_authorisation
    using (mz_in_scope(community_code)) with check (mz_in_scope(community_code));
