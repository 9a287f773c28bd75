-- 依法行政·程序内核 (3/4): decisions with their traces, the legal review gate (重大执法决定法制审核) and document
-- numbers. The gate is enforced by the domain and, again, here: whatever path writes the row, a major decision cannot
-- become ISSUED without a passed review of exactly that draft by a reviewer who did not handle the case.

create table decision (
    id                     bigint generated always as identity primary key,
    case_id                bigint not null references procedure_case (id),
    revision               int not null check (revision > 0),
    status                 text not null check (status in ('DRAFT', 'REVIEW_PENDING', 'REVIEW_PASSED', 'RETURNED',
                                                           'WITHDRAWN', 'ISSUED')),
    outcome                text not null,
    major                  boolean not null,
    major_reasons          text not null,
    matter_type_version_id bigint not null references matter_type_version (id),
    rule_code              text,
    rule_version           text,
    articles               text not null,
    facts                  text not null,
    trace                  text,
    result                 text not null,
    reasons                text not null,
    draft_hash             char(64) not null,
    drafted_by             text not null,
    drafted_name           text not null,
    drafted_on             date not null,
    drafted_at             timestamptz not null,
    submitted_at           timestamptz,
    issuing_unit           text,
    document_series        text,
    document_year          int,
    document_seq           int,
    document_number        text,
    document_title         text,
    issued_by              text,
    issued_name            text,
    issued_on              date,
    issued_at              timestamptz,
    document_sm3           char(64),
    unique (case_id, revision),
    unique (issuing_unit, document_series, document_year, document_seq),
    check (status <> 'ISSUED' or (document_number is not null and issued_by is not null and document_sm3 is not null
                                  and issued_on is not null))
);
create unique index decision_live on decision (case_id) where status in ('DRAFT', 'REVIEW_PENDING', 'REVIEW_PASSED');
create unique index decision_issued on decision (case_id) where status = 'ISSUED';
create index decision_review_queue on decision (status) where status = 'REVIEW_PENDING';

create table legal_review (
    id            bigint generated always as identity primary key,
    decision_id   bigint not null references decision (id),
    case_id       bigint not null references procedure_case (id),
    draft_hash    char(64) not null,
    reviewer      text not null,
    reviewer_name text not null,
    checklist     text not null,
    conclusion    text not null check (conclusion in ('PASSED', 'RETURNED')),
    opinion       text not null check (char_length(opinion) between 2 and 2000),
    reviewed_on   date not null,
    reviewed_at   timestamptz not null
);
create index legal_review_decision on legal_review (decision_id);
revoke update, delete, truncate on legal_review from ${appRole};

-- Did this person take part in handling the case? (Timeline events marked as handling.)
create function procedure_handled_by(p_case bigint, p_actor text) returns boolean
    language sql stable
as $$
    select exists (select 1 from case_event e where e.case_id = p_case and e.actor = p_actor and e.handling)
$$;

create function procedure_passed_review(p_decision bigint, p_case bigint, p_hash text) returns boolean
    language sql stable
as $$
    select exists (select 1 from legal_review r
                   where r.decision_id = p_decision and r.draft_hash = p_hash and r.conclusion = 'PASSED'
                     and not procedure_handled_by(p_case, r.reviewer))
$$;

create function decision_guard() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        if new.status not in ('DRAFT', 'REVIEW_PENDING') then
            raise exception 'a decision is drafted before it is reviewed or issued (status %)', new.status
                using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if old.status in ('ISSUED', 'RETURNED', 'WITHDRAWN') then
        raise exception 'decision % is % and can no longer change', old.id, old.status
            using errcode = 'check_violation';
    end if;
    if new.outcome is distinct from old.outcome or new.major is distinct from old.major
        or new.major_reasons is distinct from old.major_reasons or new.articles is distinct from old.articles
        or new.facts is distinct from old.facts or new.trace is distinct from old.trace
        or new.result is distinct from old.result or new.reasons is distinct from old.reasons
        or new.draft_hash is distinct from old.draft_hash or new.case_id is distinct from old.case_id then
        raise exception 'the content of decision % is changed by a new revision, never in place', old.id
            using errcode = 'check_violation';
    end if;
    if new.major and new.status in ('REVIEW_PASSED', 'ISSUED')
        and not procedure_passed_review(new.id, new.case_id, new.draft_hash) then
        raise exception 'major decision % needs a passed legal review of this draft by a reviewer who did not handle the case', new.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger decision_guard before insert or update on decision
    for each row execute function decision_guard();
revoke delete, truncate on decision from ${appRole};

create function legal_review_guard() returns trigger
    language plpgsql
as $$
declare
    d decision%rowtype;
begin
    select * into d from decision where id = new.decision_id;
    if not found or d.case_id <> new.case_id then
        raise exception 'legal review of an unknown decision' using errcode = 'foreign_key_violation';
    end if;
    if d.status <> 'REVIEW_PENDING' or d.draft_hash <> new.draft_hash then
        raise exception 'decision % is not waiting for review in this version', d.id using errcode = 'check_violation';
    end if;
    if procedure_handled_by(new.case_id, new.reviewer) then
        raise exception 'reviewer % took part in handling case % and may not review it', new.reviewer, new.case_id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger legal_review_guard before insert on legal_review
    for each row execute function legal_review_guard();

alter table decision enable row level security;
alter table decision force row level security;
create policy decision_in_scope on decision
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));

alter table legal_review enable row level security;
alter table legal_review force row level security;
create policy legal_review_in_scope on legal_review
    using (exists (select 1 from procedure_case c where c.id = case_id))
    with check (exists (select 1 from procedure_case c where c.id = case_id));
