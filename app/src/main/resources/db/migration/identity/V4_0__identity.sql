-- 账号与权限: staff accounts, their roles and data scope, password history, API tokens, login throttling.
create table staff_account (
    id                   bigint generated always as identity primary key,
    username             text not null unique check (username ~ '^[a-z][a-z0-9_]{2,39}$'),
    display_name         text not null check (char_length(display_name) between 1 and 50),
    password_hash        text not null,
    scope_code           text not null check (scope_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    enabled              boolean not null default true,
    password_changed_at  timestamptz not null,
    must_change_password boolean not null default false,
    failed_attempts      int not null default 0 check (failed_attempts >= 0),
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz not null default now(),
    created_by           text not null
);
create index staff_account_scope on staff_account (scope_code text_pattern_ops);

create table staff_role (
    account_id bigint not null references staff_account (id) on delete cascade,
    role       text not null check (role in ('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER',
        'COMMUNITY_WORKER', 'LEGAL_REVIEWER', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')),
    primary key (account_id, role)
);

create table password_history (
    account_id    bigint not null references staff_account (id) on delete cascade,
    password_hash text not null,
    changed_at    timestamptz not null
);
create index password_history_account on password_history (account_id, changed_at desc);

create table api_token (
    token_hash text primary key,
    account_id bigint not null references staff_account (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_account on api_token (account_id);

-- Failed logins per client address in a sliding window (per-address throttling, ASVS 2.2.1).
create table login_throttle (
    address      text primary key,
    window_start timestamptz not null,
    failures     int not null
);

-- Data scope by row-level security: an account is visible to staff whose scope covers the account's own scope.
alter table staff_account enable row level security;
alter table staff_account force row level security;
create policy staff_account_in_scope on staff_account
    using (mz_in_scope(scope_code)) with check (mz_in_scope(scope_code));

alter table staff_role enable row level security;
alter table staff_role force row level security;
create policy staff_role_in_scope on staff_role
    using (exists (select 1 from staff_account a where a.id = account_id))
    with check (exists (select 1 from staff_account a where a.id = account_id));

-- Spring Session (JDBC): sessions live in the database so that several instances can serve one district.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null unique,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
