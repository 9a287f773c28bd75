-- Platform foundation: table rights for the application role, the data-scope predicate, platform settings.
--
-- Migrations run as the owner role; the application connects as ${appRole}, which owns nothing. Everything the owner
-- creates from here on is readable and writable by the application role unless a later migration revokes it (the
-- audit trail does).
grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};

-- Row-level security predicate shared by every scoped table. The transaction manager sets minzheng.scope to the
-- region code of the current user's scope (6, 9 or 12 digits) with SET LOCAL semantics; a row is visible when its
-- region code starts with it. No scope set (or an empty one) gives NULL, which a policy treats as false: no rows.
create function mz_in_scope(region_code text) returns boolean
    language sql stable parallel safe
as $$
    select starts_with(region_code, nullif(current_setting('minzheng.scope', true), ''))
$$;

-- Small facts the platform keeps about itself (first-start bootstrap done, demo district loaded, ...).
create table platform_setting (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);
