-- 分层分类社会救助: the catalogue as data, effective-dated statuses, monthly payment rolls.

-- The six national low-income categories (国办函〔2023〕 低收入人口范围), with the district's five-level presentation.
create table assistance_category (
    code           text primary key,
    name           text not null,
    national_order int not null unique,
    district_level int check (district_level between 1 and 5),
    level_name     text,
    note           text
);

-- The four types of assistance (2020 《关于改革完善社会救助制度的意见》).
create table assistance_type (
    code text primary key,
    name text not null,
    note text
);

-- What is paid: one programme per category of benefit; pays a household or a person, monthly or once.
create table assistance_programme (
    code          text primary key,
    name          text not null,
    category_code text references assistance_category (code),
    type_code     text not null references assistance_type (code),
    pays          text not null check (pays in ('HOUSEHOLD', 'PERSON')),
    monthly       boolean not null
);

insert into assistance_category (code, name, national_order, district_level, level_name, note) values
    ('TEKUN', '特困人员', 2, 1, '第一层次：特困人员', '《特困人员认定办法》'),
    ('DIBAO', '最低生活保障对象', 1, 2, '第二层次：低保对象', '《最低生活保障审核确认办法》'),
    ('DIBAO_EDGE', '低保边缘家庭成员', 4, 3, '第三层次：低保边缘家庭成员', '人均收入低于低保标准1.5倍（参数）'),
    ('RIGID_EXPENSE', '刚性支出困难家庭成员', 5, 4, '第四层次：刚性支出困难家庭成员', '《刚性支出困难家庭认定办法》（2025-01-01施行）'),
    ('POVERTY_MONITORING', '防止返贫监测对象', 3, 5, '第五层次：其他困难人员', '农村人口，雁塔区多为城市社区'),
    ('OTHER_HARDSHIP', '其他困难人员', 6, 5, '第五层次：其他困难人员', '含临时遇困人员');

insert into assistance_type (code, name, note) values
    ('BASIC_LIVING', '基本生活救助', '低保、特困人员救助供养'),
    ('SPECIAL', '专项社会救助', '医疗、教育、住房、就业、受灾人员救助等'),
    ('EMERGENCY', '急难社会救助', '临时救助、生活无着流浪乞讨人员救助'),
    ('SOCIAL_PARTICIPATION', '社会力量参与', '慈善、社会工作、志愿服务、政府购买服务');

insert into assistance_programme (code, name, category_code, type_code, pays, monthly) values
    ('DIBAO', '最低生活保障金', 'DIBAO', 'BASIC_LIVING', 'HOUSEHOLD', true),
    ('TEKUN', '特困人员基本生活费', 'TEKUN', 'BASIC_LIVING', 'PERSON', true),
    ('TEKUN_CARE', '特困人员照料护理费', 'TEKUN', 'BASIC_LIVING', 'PERSON', true),
    ('TEMPORARY', '临时救助金', null, 'EMERGENCY', 'HOUSEHOLD', false);

-- A household's or person's status: effective-dated, created (and ended) by a decision. Never overwritten.
create table assistance_status (
    id                 bigint generated always as identity primary key,
    category_code      text not null references assistance_category (code),
    programme_code     text references assistance_programme (code),
    subject_type       text not null check (subject_type in ('HOUSEHOLD', 'PERSON')),
    subject_id         bigint not null,
    community_code     text not null check (community_code ~ '^[0-9]{12}$'),
    level              text,
    members            int check (members > 0),
    monthly_amount_fen bigint not null default 0 check (monthly_amount_fen >= 0),
    effective_from     date not null,
    effective_to       date,
    decision_ref       text not null,
    ended_by           text,
    created_at         timestamptz not null default now(),
    check (effective_to is null or effective_to > effective_from)
);
create unique index assistance_status_one_open on assistance_status (category_code, subject_type, subject_id)
    where effective_to is null;
create index assistance_status_programme on assistance_status (programme_code, effective_from);
create index assistance_status_community on assistance_status (community_code text_pattern_ops);

alter table assistance_status enable row level security;
alter table assistance_status force row level security;
create policy assistance_status_in_scope on assistance_status
    using (mz_in_scope(community_code)) with check (mz_in_scope(community_code));

-- A monthly payment roll: one per programme and month, from a frozen snapshot of the statuses effective that month.
create table payment_roll (
    id             bigint generated always as identity primary key,
    programme_code text not null references assistance_programme (code),
    period         date not null check (extract(day from period) = 1),
    state          text not null check (state in ('GENERATED', 'APPROVED', 'CANCELLED')),
    item_count     int not null check (item_count >= 0),
    total_fen      bigint not null check (total_fen >= 0),
    generated_by   text not null,
    generated_at   timestamptz not null,
    approved_by    text,
    approved_at    timestamptz,
    bank_file_sm3  text,
    -- 四眼原则: whoever generated the roll cannot approve it.
    check (approved_by is null or approved_by <> generated_by)
);
create unique index payment_roll_one_per_month on payment_roll (programme_code, period) where state <> 'CANCELLED';

-- Idempotency keys of generation requests: a repeated request gets the roll it made.
create table payment_roll_request (
    idempotency_key text primary key,
    roll_id         bigint not null references payment_roll (id),
    requested_by    text not null,
    requested_at    timestamptz not null default now()
);

create table payment_item (
    id             bigint generated always as identity primary key,
    roll_id        bigint not null references payment_roll (id),
    programme_code text not null,
    period         date not null,
    status_id      bigint not null references assistance_status (id),
    subject_type   text not null,
    subject_id     bigint not null,
    community_code text not null,
    amount_fen     bigint not null check (amount_fen > 0),
    state          text not null check (state in ('PENDING', 'PAID', 'FAILED', 'VOIDED')),
    reissue_of     bigint references payment_item (id),
    failure_reason text,
    settled_at     timestamptz
);
-- At most one live item per programme, beneficiary and month: a failed payment is voided and re-issued, never doubled.
create unique index payment_item_one_live on payment_item (programme_code, subject_type, subject_id, period)
    where state <> 'VOIDED';
create index payment_item_roll on payment_item (roll_id, id);

alter table payment_item enable row level security;
alter table payment_item force row level security;
create policy payment_item_in_scope on payment_item
    using (mz_in_scope(community_code)) with check (mz_in_scope(community_code));
