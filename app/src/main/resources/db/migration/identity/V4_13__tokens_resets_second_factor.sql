-- Issue 13: owners list and revoke their own API tokens (by a number, the token itself is not kept).
alter table api_token add column id bigint generated always as identity;
alter table api_token add constraint api_token_id unique (id);

-- Password resets and initial passwords with two persons (issue 13 A3): the security administrator (or, for a new
-- account, the system administrator who created it) asks; a district leader who is neither the asker nor the account
-- confirms the person and is shown the one-time password once, to hand over in person. Nobody else ever sees it.
create table password_reset (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references staff_account (id) on delete cascade,
    scope_code   text not null check (scope_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    kind         text not null check (kind in ('RESET', 'INITIAL', 'SECOND_FACTOR')),
    reason       text not null check (char_length(reason) between 2 and 200),
    requested_by text not null,
    requested_at timestamptz not null,
    state        text not null check (state in ('PENDING', 'ISSUED', 'CANCELLED')),
    decided_by   text,
    decided_at   timestamptz
);
create unique index password_reset_one_pending on password_reset (account_id) where state = 'PENDING';
create index password_reset_scope on password_reset (scope_code text_pattern_ops, state);
alter table password_reset enable row level security;
alter table password_reset force row level security;
create policy password_reset_in_scope on password_reset
    using (mz_in_scope(scope_code)) with check (mz_in_scope(scope_code));
revoke delete, truncate on password_reset from ${appRole};

-- The second factor (issue 13 A10; 等保 2.0 三级 身份鉴别 d): a TOTP secret (RFC 6238) per account, sealed with the field
-- key, confirmed by a first code before it counts; the last time step used, so that a code works once; ten recovery
-- codes kept as bcrypt hashes, each good once. Required for the system, security and audit administrators.
create table staff_second_factor (
    account_id    bigint primary key references staff_account (id) on delete cascade,
    secret_cipher bytea not null,
    confirmed_at  timestamptz,
    last_step     bigint not null default 0
);
alter table staff_second_factor enable row level security;
alter table staff_second_factor force row level security;
create policy staff_second_factor_in_scope on staff_second_factor
    using (exists (select 1 from staff_account a where a.id = account_id))
    with check (exists (select 1 from staff_account a where a.id = account_id));

create table staff_recovery_code (
    account_id bigint not null references staff_account (id) on delete cascade,
    code_hash  text not null,
    used_at    timestamptz
);
create index staff_recovery_code_account on staff_recovery_code (account_id);
alter table staff_recovery_code enable row level security;
alter table staff_recovery_code force row level security;
create policy staff_recovery_code_in_scope on staff_recovery_code
    using (exists (select 1 from staff_account a where a.id = account_id))
    with check (exists (select 1 from staff_account a where a.id = account_id));
