-- 依法行政·程序内核 (4/4): public notices (公示 before a decision, 公布 after it) and the objections raised during
-- their period. A notice holds only the masked content the law allows. Staff see notices of cases in their scope;
-- anyone (the public portal has no scope) sees a published notice only within its period, Beijing time.
create table public_notice (
    id             bigint generated always as identity primary key,
    case_id        bigint not null references procedure_case (id),
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    kind           text not null check (kind in ('PUBLICITY', 'RESULT')),
    title          text not null,
    profile        text not null,
    content        text not null,
    period_start   date not null,
    period_end     date not null,
    days           int not null check (days > 0),
    day_type       text not null check (day_type in ('WORKING', 'CALENDAR')),
    objection_contact text not null,
    status         text not null check (status in ('PUBLISHED', 'TAKEN_DOWN', 'WITHDRAWN')),
    published_by   text not null,
    published_at   timestamptz not null,
    taken_down_at  timestamptz,
    taken_down_by  text,
    check (period_end >= period_start)
);
create index public_notice_case on public_notice (case_id);
create index public_notice_live on public_notice (status, period_end) where status = 'PUBLISHED';
revoke delete, truncate on public_notice from ${appRole};

create function mz_beijing_today() returns date
    language sql stable parallel safe
as $$
    select (now() at time zone 'Asia/Shanghai')::date
$$;

alter table public_notice enable row level security;
alter table public_notice force row level security;
create policy public_notice_in_scope on public_notice
    using (mz_in_scope(community_code)
           or (status = 'PUBLISHED' and mz_beijing_today() between period_start and period_end))
    with check (mz_in_scope(community_code));

create table notice_objection (
    id          bigint generated always as identity primary key,
    notice_id   bigint not null references public_notice (id),
    case_id     bigint not null references procedure_case (id),
    received_on date not null,
    channel     text not null check (channel in ('IN_PERSON', 'PHONE', 'LETTER', 'ONLINE')),
    summary     text not null check (char_length(summary) between 2 and 1000),
    status      text not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    recorded_by text not null,
    recorded_at timestamptz not null,
    resolution  text,
    resolved_by text,
    resolved_at timestamptz
);
create index notice_objection_notice on notice_objection (notice_id);
revoke delete, truncate on notice_objection from ${appRole};

alter table notice_objection enable row level security;
alter table notice_objection force row level security;
create policy notice_objection_in_scope on notice_objection
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));
