-- 依法行政·程序内核 (2/4): matter types declared as data, cases running under them, their statutory clocks and the
-- full-process record (执法全过程记录: timeline and attachments, both append-only).

-- A matter type is a YAML declaration (steps, roles, legal basis, time limits, notices, review, disclosure). Every
-- change is a new version; a case keeps the version it was opened under.
create table matter_type_version (
    id           bigint generated always as identity primary key,
    code         text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    version      int not null check (version > 0),
    name         text not null,
    category     text not null,
    definition   text not null,
    content_sm3  char(64) not null,
    source       text not null,
    published_by text not null,
    published_at timestamptz not null default now(),
    unique (code, version),
    unique (code, content_sm3)
);
revoke update, delete, truncate on matter_type_version from ${appRole};

-- Gap-free counters: case numbers (受理编号) per matter type and year, document numbers (文号) per issuing unit,
-- series (机关代字) and year. Incremented inside the business transaction, so a rollback leaves no gap; the row lock
-- serialises concurrent issuers.
create table procedure_counter (
    kind        text not null check (kind in ('CASE', 'DOCUMENT')),
    unit_code   text not null,
    series      text not null,
    year        int not null,
    last_number int not null check (last_number > 0),
    primary key (kind, unit_code, series, year)
);

create table procedure_case (
    id                     bigint generated always as identity primary key,
    case_number            text not null unique,
    matter_type_version_id bigint not null references matter_type_version (id),
    matter_type_code       text not null,
    community_code         text not null check (community_code ~ '^[0-9]{12}$'),
    party_name             text not null check (char_length(party_name) between 1 and 100),
    party_kind             text not null check (party_kind in ('PERSON', 'ORGANISATION')),
    subject_ref            text,
    state                  text not null,
    suspended              boolean not null default false,
    suspensions            int not null default 0,
    closed_on              date,
    outcome                text,
    received_on            date not null,
    last_event_on          date not null,
    handler                text not null,
    handler_name           text not null,
    opened_by              text not null,
    opened_at              timestamptz not null,
    check (closed_on is null or closed_on >= received_on)
);
create index procedure_case_scope on procedure_case (community_code text_pattern_ops) where closed_on is null;
create index procedure_case_type on procedure_case (matter_type_code, received_on);

-- The timeline: every step, suspension, extension, decision, review, notice and attachment, with the date of the act
-- (occurred_on) and the moment it was recorded. handling = the actor took part in handling the case (a legal
-- reviewer who did is barred from reviewing it).
create table case_event (
    id             bigint generated always as identity primary key,
    case_id        bigint not null references procedure_case (id),
    seq            int not null check (seq > 0),
    kind           text not null,
    step_code      text,
    from_state     text,
    to_state       text,
    occurred_on    date not null,
    recorded_at    timestamptz not null,
    actor          text not null,
    actor_name     text not null,
    handling       boolean not null,
    note           text,
    late_reason    text,
    basis_document text,
    basis_article  text,
    data           text,
    unique (case_id, seq)
);
create index case_event_actor on case_event (case_id, actor) where handling;
revoke update, delete, truncate on case_event from ${appRole};

-- Statutory clocks: a limit of N working or calendar days from a named event, stopped by another. Suspension (补正)
-- keeps the days consumed so far; resumption starts a new segment (or restarts from zero where the law says so).
-- due_on is null while the calendar does not know a year the deadline falls in (it is recomputed when it does).
create table case_clock (
    id                 bigint generated always as identity primary key,
    case_id            bigint not null references procedure_case (id),
    code               text not null,
    name               text not null,
    day_type           text not null check (day_type in ('WORKING', 'CALENDAR')),
    limit_days         int not null check (limit_days >= 0),
    max_limit_days     int,
    resume_mode        text not null check (resume_mode in ('PAUSE', 'RESTART')),
    suspendable        boolean not null,
    started_on         date not null,
    segment_from       date not null,
    consumed_days      int not null default 0 check (consumed_days >= 0),
    status             text not null check (status in ('RUNNING', 'SUSPENDED', 'STOPPED')),
    suspended_on       date,
    due_on             date,
    stopped_on         date,
    finished_late      boolean,
    parameter_code     text,
    parameter_value_id bigint references parameter_value (id),
    basis_document     text,
    basis_article      text
);
create unique index case_clock_live on case_clock (case_id, code) where status <> 'STOPPED';
create index case_clock_due on case_clock (status, due_on);

create table clock_extension (
    id           bigint generated always as identity primary key,
    clock_id     bigint not null references case_clock (id),
    case_id      bigint not null references procedure_case (id),
    new_limit    int not null check (new_limit > 0),
    old_limit    int not null,
    reason       text not null check (char_length(reason) between 2 and 500),
    requested_by text not null,
    requested_on date not null,
    status       text not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by   text,
    decided_at   timestamptz,
    decision_note text
);
create unique index clock_extension_pending on clock_extension (clock_id) where status = 'PENDING';

-- Attachments: content lives in the file store under its SM3 hash (a file name never reaches the file system);
-- the row is the record of what was attached, by whom and when, and is never changed.
create table case_attachment (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references procedure_case (id),
    kind         text not null,
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null check (size_bytes >= 0),
    sm3          char(64) not null,
    event_id     bigint references case_event (id),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create index case_attachment_case on case_attachment (case_id);
revoke update, delete, truncate on case_attachment from ${appRole};

-- Data scope: a case is visible to staff whose scope covers its community; everything hanging off a case follows it.
alter table procedure_case enable row level security;
alter table procedure_case force row level security;
create policy procedure_case_in_scope on procedure_case
    using (mz_in_scope(community_code)) with check (mz_in_scope(community_code));

alter table case_event enable row level security;
alter table case_event force row level security;
create policy case_event_in_scope on case_event
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));

alter table case_clock enable row level security;
alter table case_clock force row level security;
create policy case_clock_in_scope on case_clock
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));

alter table clock_extension enable row level security;
alter table clock_extension force row level security;
create policy clock_extension_in_scope on clock_extension
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));

alter table case_attachment enable row level security;
alter table case_attachment force row level security;
create policy case_attachment_in_scope on case_attachment
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));
