-- 社会救助案件: applications on the procedure kernel, investigations, verification results, spot checks, dynamic
-- management, the emergency response team and the public portal. Every table holding people's data carries the
-- 12-digit code of the community it belongs to and is under row-level security on it.

-- 特困 pays two programmes to one person (基本生活费 and 照料护理费): one open status per category AND programme.
drop index assistance_status_one_open;
create unique index assistance_status_one_open on assistance_status
    (category_code, coalesce(programme_code, ''), subject_type, subject_id) where effective_to is null;
create index assistance_status_decision on assistance_status (decision_ref);

-- One application = one case on the procedure kernel (its state mirrored here from the kernel's events).
create table assistance_application (
    id                 bigint generated always as identity primary key,
    case_id            bigint not null unique,
    case_number        text not null,
    matter_type        text not null,
    programme          text not null check (programme in ('DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RIGID_EXPENSE', 'TEMPORARY',
                                                          'TEMPORARY_URGENT', 'CHANGE')),
    household_id       bigint,
    person_id          bigint,
    single_person      boolean not null default false,
    community_code     text not null check (community_code ~ '^[0-9]{12}$'),
    applicant_name     text not null,
    channel            text not null check (channel in ('STREET', 'PORTAL', 'REVIEW')),
    portal_id          bigint,
    relatives_register boolean not null default false,
    relatives_note     text,
    delegated          boolean not null default false,
    status_id          bigint references assistance_status (id),
    review_task_id     bigint,
    child_welfare      boolean not null default false,
    -- 一次性告知: every missing material, told once (审核确认办法第十条)
    correction_missing text[],
    correction_on      date,
    steps_done         text[] not null default '{}',
    verification_requested_on date,
    state              text not null,
    outcome            text,
    closed_on          date,
    received_on        date not null,
    created_by         text not null,
    created_at         timestamptz not null default now(),
    check (household_id is not null or person_id is not null),
    check (not relatives_register or relatives_note is not null)
);
create index assistance_application_community on assistance_application (community_code text_pattern_ops, id);
create index assistance_application_state on assistance_application (state, programme);

-- 入户调查: who visited (at least two), who counts, income, property, and the caseworker's judgement on property flags.
create table assistance_investigation (
    id                         bigint generated always as identity primary key,
    application_id             bigint not null references assistance_application (id),
    community_code             text not null check (community_code ~ '^[0-9]{12}$'),
    visited_on                 date not null,
    investigators              text[] not null check (cardinality(investigators) >= 2),
    members_counted            int not null check (members_counted > 0),
    financial_assets_fen       bigint not null default 0 check (financial_assets_fen >= 0),
    vehicles                   text[] not null default '{}',
    residential_properties     int not null default 0 check (residential_properties >= 0),
    non_residential_properties int not null default 0 check (non_residential_properties >= 0),
    business_with_employees    boolean not null default false,
    high_consumption           boolean not null default false,
    property_within_rules      boolean not null,
    property_judgement         text,
    unstable_income            boolean not null default false,
    severity                   text check (severity in ('GENERAL', 'SERIOUS', 'GRAVE')),
    note                       text,
    recorded_by                text not null,
    recorded_at                timestamptz not null default now()
);
create index assistance_investigation_application on assistance_investigation (application_id, id);

create table assistance_counted_member (
    id               bigint generated always as identity primary key,
    investigation_id bigint not null references assistance_investigation (id),
    community_code   text not null check (community_code ~ '^[0-9]{12}$'),
    resident_id      bigint not null,
    member_name      text not null,
    counted          boolean not null,
    reason           text not null,
    able_to_work     boolean not null default false
);
create index assistance_counted_member_investigation on assistance_counted_member (investigation_id);

create table assistance_income_item (
    id               bigint generated always as identity primary key,
    investigation_id bigint not null references assistance_investigation (id),
    community_code   text not null check (community_code ~ '^[0-9]{12}$'),
    member_name      text,
    kind             text not null,
    monthly_fen      bigint not null check (monthly_fen >= 0),
    note             text
);
create index assistance_income_item_investigation on assistance_income_item (investigation_id);

-- 刚性支出 of the 12 months before the application, by kind (刚性支出困难家庭认定办法第五条).
create table assistance_expense (
    id               bigint generated always as identity primary key,
    investigation_id bigint not null references assistance_investigation (id),
    community_code   text not null check (community_code ~ '^[0-9]{12}$'),
    kind             text not null check (kind in ('LIVING', 'MEDICAL', 'EDUCATION', 'REHABILITATION', 'OTHER')),
    amount_fen       bigint not null check (amount_fen >= 0)
);
create index assistance_expense_investigation on assistance_expense (investigation_id);

-- 特困: persons with a legal duty of support, as far as 特困人员认定办法第八条 asks about them.
create table assistance_supporter (
    id                               bigint generated always as identity primary key,
    investigation_id                 bigint not null references assistance_investigation (id),
    community_code                   text not null check (community_code ~ '^[0-9]{12}$'),
    relation                         text not null,
    age                              int not null check (age between 0 and 150),
    is_tekun                         boolean not null default false,
    dibao_aged_60                    boolean not null default false,
    low_income_and_assets            boolean not null default false,
    severely_disabled                boolean not null default false,
    no_capacity_missing_imprisoned   boolean not null default false
);
create index assistance_supporter_investigation on assistance_supporter (investigation_id);

-- 生活自理能力评估: the six activities (特困人员认定办法第二十条).
create table assistance_care_assessment (
    id              bigint generated always as identity primary key,
    application_id  bigint not null references assistance_application (id),
    community_code  text not null check (community_code ~ '^[0-9]{12}$'),
    assessed_on     date not null,
    eating          boolean not null,
    dressing        boolean not null,
    bed             boolean not null,
    toilet          boolean not null,
    walking_indoors boolean not null,
    bathing         boolean not null,
    grade           text not null check (grade in ('SELF_CARE', 'PARTIAL', 'FULL')),
    assessor        text not null,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now()
);
create index assistance_care_assessment_application on assistance_care_assessment (application_id, id);

-- 家庭经济状况核对 results: from the verification module's report, or entered by hand (marked MANUAL) until it exists.
create table assistance_verification (
    id                bigint generated always as identity primary key,
    application_id    bigint not null references assistance_application (id),
    community_code    text not null check (community_code ~ '^[0-9]{12}$'),
    source            text not null check (source in ('MANUAL', 'ENGINE')),
    request_id        bigint,
    checked_on        date not null,
    persons_checked   int not null check (persons_checked >= 0),
    records_compared  int not null check (records_compared >= 0),
    disqualifying     int not null check (disqualifying >= 0),
    needs_explanation int not null check (needs_explanation >= 0),
    information       int not null check (information >= 0),
    summary           text,
    recorded_by       text not null,
    recorded_at       timestamptz not null default now(),
    check (source = 'ENGINE' or summary is not null)
);
create index assistance_verification_application on assistance_verification (application_id, id);

-- 特困 spot checks by the district (特困人员认定办法第十六条: 不低于30%): decided when a case is submitted, in order per
-- street and year, so that the share selected never falls below the ratio in any street (hence not in the district);
-- a draw from SM3(year, case number) adds cases nobody can predict. Anyone can recompute every selection.
create table assistance_spot_check (
    application_id bigint primary key references assistance_application (id),
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    year           int not null,
    street_code    text not null check (street_code ~ '^[0-9]{9}$'),
    sequence       int not null,
    selected       boolean not null,
    reason         text not null check (reason in ('QUOTA', 'DRAW', 'NOT_SELECTED')),
    draw           numeric(6, 4) not null,
    ratio          numeric(6, 4) not null,
    selected_before int not null,
    decided_at     timestamptz not null default now(),
    unique (year, street_code, sequence)
);

-- Temporary assistance: what was asked for, and the one-time payment it led to (a payment_item, so statistics count it).
create table assistance_temporary (
    application_id  bigint primary key references assistance_application (id),
    community_code  text not null check (community_code ~ '^[0-9]{12}$'),
    kind            text not null check (kind in ('EMERGENCY', 'EXPENDITURE')),
    severity        text not null check (severity in ('GENERAL', 'SERIOUS', 'GRAVE')),
    members         int not null check (members > 0),
    situation       text not null,
    dispatch_id     bigint,
    coordination_ref text,
    approved_fen    bigint,
    decision_ref    text,
    payment_item_id bigint references payment_item (id),
    paid_fen        bigint,
    paid_on         date
);

-- Dynamic management: when each beneficiary is next reviewed (审核确认办法第三十一条).
create table assistance_review_plan (
    status_id        bigint primary key references assistance_status (id),
    community_code   text not null check (community_code ~ '^[0-9]{12}$'),
    cycle_months     int not null check (cycle_months between 1 and 24),
    unstable         boolean not null default false,
    last_reviewed_on date not null
);

create table assistance_review_task (
    id             bigint generated always as identity primary key,
    status_id      bigint not null references assistance_status (id),
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    kind           text not null check (kind in ('PERIODIC', 'DEATH', 'JOB_REFUSAL', 'REPORTED')),
    due_on         date not null,
    reason         text not null,
    resident_id    bigint,
    state          text not null check (state in ('OPEN', 'DONE', 'CHANGE_OPENED')),
    created_at     timestamptz not null default now(),
    done_on        date,
    done_by        text,
    outcome        text,
    change_case_id bigint,
    unique (status_id, kind, due_on)
);
create index assistance_review_task_open on assistance_review_task (state, due_on);
create index assistance_review_task_community on assistance_review_task (community_code text_pattern_ops, due_on);

-- 就业：介绍的工作与拒绝（审核确认办法第三十四条）.
create table assistance_job_referral (
    id             bigint generated always as identity primary key,
    status_id      bigint not null references assistance_status (id),
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    resident_id    bigint not null,
    member_name    text not null,
    referred_on    date not null,
    job            text not null,
    refused        boolean not null,
    good_reason    text,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now()
);
create index assistance_job_referral_member on assistance_job_referral (status_id, resident_id, referred_on);

-- 急难问题应急响应服务队: responders by community (phones encrypted, masked in lists), dispatches, who answered when.
create table assistance_responder (
    id             bigint generated always as identity primary key,
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    name           text not null,
    phone_cipher   bytea not null,
    phone_masked   text not null,
    skills         text,
    active         boolean not null default true,
    joined_on      date not null,
    created_by     text not null,
    created_at     timestamptz not null default now()
);
create index assistance_responder_community on assistance_responder (community_code text_pattern_ops, id);

create table assistance_dispatch (
    id             bigint generated always as identity primary key,
    community_code text not null check (community_code ~ '^[0-9]{12}$'),
    application_id bigint references assistance_application (id),
    summary        text not null,
    urgency        text not null check (urgency in ('IMMEDIATE', 'SAME_DAY')),
    reported_at    timestamptz not null,
    dispatched_by  text not null,
    state          text not null check (state in ('OPEN', 'CLOSED')),
    outcome        text,
    closed_at      timestamptz,
    closed_by      text
);
create index assistance_dispatch_community on assistance_dispatch (community_code text_pattern_ops, id);

create table assistance_dispatch_responder (
    id              bigint generated always as identity primary key,
    dispatch_id     bigint not null references assistance_dispatch (id),
    responder_id    bigint not null references assistance_responder (id),
    community_code  text not null check (community_code ~ '^[0-9]{12}$'),
    notified_at     timestamptz not null,
    acknowledged_at timestamptz,
    arrived_at      timestamptz,
    unique (dispatch_id, responder_id),
    check (arrived_at is null or acknowledged_at is not null)
);

-- 网上申请 (public portal, no account): the minimum to start, a receipt number and a query code (only its hash kept).
create table assistance_portal_application (
    id              bigint generated always as identity primary key,
    receipt_no      text not null unique,
    query_code_hash text not null,
    community_code  text not null check (community_code ~ '^[0-9]{12}$'),
    programme       text not null check (programme in ('DIBAO', 'TEKUN', 'TEMPORARY')),
    applicant_name  text not null,
    phone_cipher    bytea not null,
    phone_masked    text not null,
    household_size  int not null check (household_size between 1 and 20),
    situation       text not null,
    submitted_at    timestamptz not null,
    state           text not null check (state in ('SUBMITTED', 'ACCEPTED', 'DECLINED')),
    application_id  bigint references assistance_application (id),
    handled_by      text,
    handled_at      timestamptz,
    decline_reason  text
);
create index assistance_portal_application_community on assistance_portal_application (community_code text_pattern_ops, id);

-- Failed queries on the portal, per client address and per receipt number (no personal data: no row-level security).
create table assistance_portal_throttle (
    key          text primary key,
    window_start timestamptz not null,
    failures     int not null
);

do $$
declare t text;
begin
    foreach t in array array['assistance_application', 'assistance_investigation', 'assistance_counted_member',
        'assistance_income_item', 'assistance_expense', 'assistance_supporter', 'assistance_care_assessment',
        'assistance_verification', 'assistance_spot_check', 'assistance_temporary', 'assistance_review_plan',
        'assistance_review_task', 'assistance_job_referral', 'assistance_responder', 'assistance_dispatch',
        'assistance_dispatch_responder', 'assistance_portal_application']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (mz_in_scope(community_code)) with check (mz_in_scope(community_code))',
                       t || '_in_scope', t);
    end loop;
end $$;

-- What was found and recorded is history: investigations, assessments and verification results are never deleted (a
-- correction is a new record; updates only move rows with their community, see AssistanceCommunityReferences).
revoke delete, truncate on assistance_investigation, assistance_counted_member, assistance_income_item,
    assistance_expense, assistance_supporter, assistance_care_assessment, assistance_verification,
    assistance_spot_check, assistance_job_referral from ${appRole};
