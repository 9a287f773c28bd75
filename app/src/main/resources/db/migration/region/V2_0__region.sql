-- 区划: district → street → community, with effective-dated versions and lineage (establish, rename, split, merge,
-- transfer, abolish). Codes are the statistical division codes (统计用区划代码): 6, 9 or 12 digits.
create table region_change (
    id            bigint generated always as identity primary key,
    kind          text not null check (kind in ('ESTABLISH', 'RENAME', 'SPLIT', 'MERGE', 'TRANSFER', 'ABOLISH')),
    effective_on  date not null,
    document_ref  text,
    note          text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);

create table region_unit (
    id                bigint generated always as identity primary key,
    code              text not null check (code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    name              text not null check (char_length(name) between 1 and 60),
    level             text not null check (level in ('DISTRICT', 'STREET', 'COMMUNITY')),
    parent_code       text,
    valid_from        date not null,
    valid_to          date,
    in_bureau_network boolean not null default true,
    managing_body     text,
    code_system       text not null default 'STATS',
    started_by        bigint references region_change (id),
    ended_by          bigint references region_change (id),
    check (valid_to is null or valid_to > valid_from),
    check ((level = 'DISTRICT') = (parent_code is null))
);
-- At most one current version per code; history rows have valid_to set.
create unique index region_unit_current on region_unit (code) where valid_to is null;
create index region_unit_parent on region_unit (parent_code, valid_from);

create table region_lineage (
    change_id        bigint not null references region_change (id),
    predecessor_code text not null,
    successor_code   text not null,
    primary key (change_id, predecessor_code, successor_code)
);

-- Each reference (a resident's address, a case, an account's scope) moved from a closed unit to its successor.
create table region_remap (
    id         bigint generated always as identity primary key,
    change_id  bigint not null references region_change (id),
    holder     text not null,
    ref_id     text not null,
    from_code  text not null,
    to_code    text not null,
    moved      int not null default 1 check (moved >= 0),
    mapped_by  text not null,
    mapped_at  timestamptz not null default now()
);
create index region_remap_change on region_remap (change_id);

-- How many references each holder had at the closed unit when the change was recorded: the "before" of the
-- reconciliation.
create table region_change_snapshot (
    change_id  bigint not null references region_change (id),
    holder     text not null,
    code       text not null,
    references_before bigint not null,
    primary key (change_id, holder, code)
);
