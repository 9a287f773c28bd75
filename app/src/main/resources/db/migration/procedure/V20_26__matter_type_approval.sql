-- A new version of a matter type that weakens a legal safeguard (legal review, notice, clocks, suspensions, steps'
-- preconditions, disclosure) takes effect only after a 法制审核员 and a second officer approved it (four eyes); until
-- then it is PENDING and no case opens under it. Versions that weaken nothing are in force at once.
alter table matter_type_version
    add column status text not null default 'IN_FORCE' check (status in ('IN_FORCE', 'PENDING', 'REFUSED')),
    add column weakens text;
grant update (status) on matter_type_version to ${appRole};

create table matter_type_approval (
    id          bigint generated always as identity primary key,
    version_id  bigint not null references matter_type_version (id),
    approver    text not null,
    role        text not null check (role in ('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER', 'DISTRICT_LEADER')),
    approved    boolean not null,
    note        text,
    decided_at  timestamptz not null default now(),
    unique (version_id, approver)
);
revoke update, delete, truncate on matter_type_approval from ${appRole};
