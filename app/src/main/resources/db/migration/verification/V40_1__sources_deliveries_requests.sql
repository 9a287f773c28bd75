-- 家庭经济状况核对 in the platform: the 26 sources and their deliveries, the columnar store's generations, requests
-- (one household, from a case or a batch), what they found, the review of findings and the reports. Nothing that
-- records a decision is ever deleted or changed: corrections are new rows (reviews), the report a new version.

-- The registry of the 26 kinds of data (design/verification.md), with the agreed delivery schedule. Schedules are the
-- bureau's agreements with each department [U]: seeded with common practice, editable by the 核对中心.
create table verification_source (
    code                text primary key,
    title               text not null,
    provider            text not null,
    own_columns         text not null,
    schedule            text not null check (schedule in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    schedule_note       text,
    display_order       int not null unique,
    current_delivery_id bigint,
    current_rows        bigint not null default 0,
    last_delivered_at   timestamptz
);

insert into verification_source (code, title, provider, own_columns, schedule, display_order) values
    ('hukou', '户籍人口', '公安', 'address_code,household_no', 'MONTHLY', 1),
    ('death', '死亡与火化', '公安/卫健/殡葬', 'death_date', 'MONTHLY', 2),
    ('vehicle', '机动车登记', '公安交管', 'plate,vehicle_type,registered_on,deregistered_on', 'MONTHLY', 3),
    ('real_estate', '不动产登记', '自然资源', 'property_type,area_m2,registered_on,ended_on', 'MONTHLY', 4),
    ('housing_contract', '商品房网签', '住建', 'contract_amount_fen,signed_on', 'MONTHLY', 5),
    ('business', '市场主体登记', '市场监管',
     'credit_code,role,entity_type,registered_capital_fen,status,registered_on,deregistered_on', 'MONTHLY', 6),
    ('income_tax', '个人所得税', '税务', 'year,taxable_income_fen', 'YEARLY', 7),
    ('social_insurance', '社会保险缴费', '人社', 'month,contribution_base_fen,employer_credit_code', 'MONTHLY', 8),
    ('pension', '养老金领取', '人社', 'month,amount_fen', 'MONTHLY', 9),
    ('unemployment', '失业保险金', '人社', 'month,amount_fen', 'MONTHLY', 10),
    ('provident_fund', '住房公积金', '公积金中心', 'month,deposit_fen', 'MONTHLY', 11),
    ('bank_deposit', '银行存款', '银行', 'bank,balance_fen,as_of', 'QUARTERLY', 12),
    ('securities', '证券资产', '证券公司', 'market_value_fen,as_of', 'QUARTERLY', 13),
    ('commercial_insurance', '商业保险', '保险公司', 'product_type,premium_fen,as_of', 'QUARTERLY', 14),
    ('internet_finance', '互联网金融资产', '平台', 'platform,balance_fen,as_of', 'QUARTERLY', 15),
    ('marriage', '婚姻登记', '民政', 'event,spouse_id_number,event_date', 'MONTHLY', 16),
    ('disability', '残疾人证', '残联', 'category,grade', 'QUARTERLY', 17),
    ('medical_expense', '医保报销', '医保', 'year,self_paid_fen', 'QUARTERLY', 18),
    ('detention', '服刑与强制隔离戒毒', '司法/公安', 'start_date,end_date', 'MONTHLY', 19),
    ('public_payroll', '财政供养人员', '人社/财政', 'employer,monthly_salary_fen', 'QUARTERLY', 20),
    ('student', '学籍', '教育', 'school,level,school_fee_fen', 'HALF_YEARLY', 21),
    ('utilities', '水电气消费', '公用事业', 'year,amount_fen', 'YEARLY', 22),
    ('civil_assistance', '民政救助记录', '民政', 'programme,start_date,end_date', 'MONTHLY', 23),
    ('child_welfare', '孤儿与事实无人抚养儿童', '民政', 'category,start_date', 'MONTHLY', 24),
    ('disabled_subsidy', '残疾人两项补贴', '民政/残联', 'subsidy_type,month', 'MONTHLY', 25),
    ('travel_abroad', '出入境记录', '公安出入境', 'exit_date,entry_date', 'QUARTERLY', 26);

-- A delivered file: checked at once (size, kind, first bytes, header, encoding), then loaded into a new generation of
-- the store. The file itself is not kept: the store holds what was accepted, the reject report what was not.
create table verification_delivery (
    id             bigint generated always as identity primary key,
    source_code    text not null references verification_source (code),
    file_name      text not null,
    file_kind      text not null check (file_kind in ('CSV', 'XLSX')),
    encoding       text,
    file_bytes     bigint not null,
    file_sm3       text not null,
    status         text not null check (status in ('RECEIVED', 'LOADING', 'LOADED', 'FAILED')),
    message        text,
    warnings       text,
    rows_read      bigint,
    accepted       bigint,
    rejected       bigint,
    with_usable_id bigint,
    residue        bigint,
    generation     bigint,
    load_ms        bigint,
    received_by    text not null,
    received_at    timestamptz not null default now(),
    finished_at    timestamptz
);
create index verification_delivery_source on verification_delivery (source_code, id desc);

alter table verification_source
    add constraint verification_source_current foreign key (current_delivery_id) references verification_delivery (id);

-- The reject report of a delivery: line of the file (1 = header), the department's record id, the reason. No values.
create table verification_delivery_reject (
    delivery_id bigint not null references verification_delivery (id),
    line        bigint not null,
    record_id   text,
    reason      text not null,
    primary key (delivery_id, line)
);
revoke update, delete, truncate on verification_delivery_reject from ${appRole};

-- Generations of the columnar store (a DuckDB file under <data>/verification/store/<directory>): each delivery builds
-- a new one from the previous; readers use the newest READY one. A generation that never became READY is ignored.
create table verification_store_generation (
    generation          bigint primary key,
    directory           text not null unique,
    status              text not null check (status in ('BUILDING', 'READY', 'FAILED')),
    built_from_delivery bigint references verification_delivery (id),
    total_rows          bigint,
    created_at          timestamptz not null default now(),
    ready_at            timestamptz
);

-- Which delivery each source's records in a generation came from: what a request compared against.
create table verification_generation_source (
    generation  bigint not null references verification_store_generation (generation),
    source_code text not null references verification_source (code),
    delivery_id bigint not null references verification_delivery (id),
    primary key (generation, source_code)
);

-- A re-verification of all current beneficiaries, scheduled (once per period: the unique period decides which instance
-- runs it) or started by the 核对中心. One runs at a time (the index), held by the advisory lock of its instance.
create table verification_batch (
    id               bigint generated always as identity primary key,
    period           text unique check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    check_date       date not null,
    status           text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    triggered_by     text not null,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    households       int not null default 0,
    verified         int not null default 0,
    refused          int not null default 0,
    persons          int not null default 0,
    records_compared bigint not null default 0,
    findings         int not null default 0,
    duration_ms      bigint,
    message          text
);
create unique index verification_batch_one_running on verification_batch ((true)) where status = 'RUNNING';

-- A verification request (需求书) for one household: from a case (interactive) or a batch. Carries the household's
-- community for the data scope.
create table verification_request (
    id                bigint generated always as identity primary key,
    kind              text not null check (kind in ('CASE', 'BATCH')),
    case_ref          text,
    batch_id          bigint references verification_batch (id),
    household_id      bigint not null references household (id),
    community_code    text not null check (community_code ~ '^[0-9]{12}$'),
    programme         text not null,
    check_date        date not null,
    status            text not null check (status in ('COMPLETED', 'REFUSED', 'FAILED')),
    message           text,
    generation        bigint references verification_store_generation (generation),
    persons           int not null default 0,
    records_compared  int not null default 0,
    sources_queried   int not null default 0,
    disqualifying     int not null default 0,
    needs_explanation int not null default 0,
    information       int not null default 0,
    duration_ms       bigint,
    requested_by      text not null,
    requested_at      timestamptz not null default now(),
    check (kind = 'BATCH' or case_ref is not null),
    check (kind = 'CASE' or batch_id is not null)
);
create index verification_request_household on verification_request (household_id, id desc);
create index verification_request_community on verification_request (community_code text_pattern_ops, id desc);
create index verification_request_batch on verification_request (batch_id);
create index verification_request_month on verification_request (requested_at);

-- The household members of a request: who counted, who was compared (only counted members with a valid 授权书).
create table verification_request_member (
    request_id     bigint not null references verification_request (id),
    resident_id    bigint not null references resident (id),
    community_code text not null,
    relationship   text,
    verdict        text not null check (verdict in ('INCLUDED', 'EXCLUDED', 'NEEDS_REVIEW')),
    verified       boolean not null,
    with_id_number boolean not null,
    hits           int not null default 0,
    primary key (request_id, resident_id)
);

-- Every record linked to a member: the query log of what was found about whom (no values, the department's ids).
create table verification_hit (
    request_id     bigint not null references verification_request (id),
    resident_id    bigint not null references resident (id),
    community_code text not null,
    source_code    text not null references verification_source (code),
    record_id      text not null,
    tier           text not null check (tier in ('ID', 'NAME_BIRTH')),
    primary key (request_id, resident_id, source_code, record_id)
);

-- The catalogue's findings as the engine produced them; never changed. Household rules have no member or record.
create table verification_finding (
    id             bigint generated always as identity primary key,
    request_id     bigint not null references verification_request (id),
    household_id   bigint not null references household (id),
    resident_id    bigint references resident (id),
    community_code text not null,
    rule_code      text not null,
    title          text not null,
    severity       text not null check (severity in ('DISQUALIFYING', 'NEEDS_EXPLANATION', 'INFORMATION')),
    source_code    text not null references verification_source (code),
    record_id      text,
    tier           text not null check (tier in ('ID', 'NAME_BIRTH')),
    evidence       text,
    legal_basis    text not null
);
create index verification_finding_request on verification_finding (request_id, id);

-- Household totals set against the catalogue's thresholds (deposits, homes), also those below the line.
create table verification_total (
    request_id     bigint not null references verification_request (id),
    community_code text not null,
    rule_code      text not null,
    title          text not null,
    source_code    text not null,
    total          numeric not null,
    threshold      numeric not null,
    exceeds        boolean not null,
    money          boolean not null,
    legal_basis    text not null,
    primary key (request_id, rule_code)
);

-- The review of a finding, append-only: staff's classification (确认/需说明/误报, always with a reason), the
-- applicant's objection with evidence, and the re-review (复核) by someone other than who classified it.
create table verification_review (
    id             bigint generated always as identity primary key,
    finding_id     bigint not null references verification_finding (id),
    community_code text not null,
    kind           text not null check (kind in ('CLASSIFICATION', 'OBJECTION', 'RE_REVIEW')),
    outcome        text check (outcome in ('CONFIRMED', 'NEEDS_EXPLANATION', 'FALSE_POSITIVE')),
    reason         text not null check (char_length(reason) between 2 and 2000),
    answers        bigint references verification_review (id),
    decided_by     text not null,
    decided_at     timestamptz not null default now(),
    check ((kind = 'OBJECTION') = (outcome is null))
);
create index verification_review_finding on verification_review (finding_id, id);

-- Evidence the applicant gave with an objection: the file with its SM3 digest.
create table verification_evidence (
    id             bigint generated always as identity primary key,
    review_id      bigint not null references verification_review (id),
    community_code text not null,
    file_name      text not null,
    content_type   text not null,
    size_bytes     bigint not null,
    sm3            text not null check (sm3 ~ '^[0-9a-f]{64}$'),
    content        bytea not null,
    uploaded_by    text not null,
    uploaded_at    timestamptz not null default now()
);
create index verification_evidence_review on verification_evidence (review_id);

-- Issued reports (核对报告): every version kept, with the PDF and its SM3 digest.
create table verification_report (
    id             bigint generated always as identity primary key,
    request_id     bigint not null references verification_request (id),
    version        int not null,
    community_code text not null,
    sm3            text not null,
    pdf            bytea not null,
    issued_by      text not null,
    issued_at      timestamptz not null default now(),
    unique (request_id, version)
);

-- Row-level security on everything about a household, by its community.
do $$
declare
    t text;
begin
    foreach t in array array['verification_request', 'verification_request_member', 'verification_hit',
                             'verification_finding', 'verification_total', 'verification_review',
                             'verification_evidence', 'verification_report']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (mz_in_scope(community_code)) with check (mz_in_scope(community_code))',
                       t || '_in_scope', t);
    end loop;
end
$$;

-- Kept as written: the application may add rows and move them with their community (split, merge, transfer), never
-- change or delete what they say.
revoke update, delete, truncate on verification_request_member, verification_hit, verification_finding,
    verification_total, verification_review, verification_evidence, verification_report from ${appRole};
grant update (community_code) on verification_request_member, verification_hit, verification_finding,
    verification_total, verification_review, verification_evidence, verification_report to ${appRole};
revoke delete, truncate on verification_request from ${appRole};
