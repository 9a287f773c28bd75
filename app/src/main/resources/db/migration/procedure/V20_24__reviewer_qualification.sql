-- 行政处罚法第五十八条第二款: a person doing legal review of penalty decisions for the first time holds the national
-- 法律职业资格. Each reviewer's qualification is recorded once, and every review carries it as recorded that day.
create table legal_reviewer_qualification (
    username       text primary key,
    certificate_no text check (certificate_no ~ '^[A-Z][0-9]{10,20}$'),
    obtained_on    date,
    grandfathered  boolean not null default false,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    check (grandfathered or certificate_no is not null)
);

alter table legal_review add column qualification text;

create or replace function legal_review_guard() returns trigger
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
    if new.qualification is null then
        raise exception 'a legal review records the reviewer''s qualification (行政处罚法第五十八条第二款)'
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
