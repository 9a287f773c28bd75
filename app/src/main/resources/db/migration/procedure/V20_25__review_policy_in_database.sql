-- The legal review gate does not trust the application's "major" flag alone (issue 11 A8): each matter type version's
-- review policy (ALWAYS / NEVER / RULES with its 清单 conditions) is kept here, and the database decides again, from
-- the decision's own facts and results, the case's party and the parameters in force on the draft day, whether the
-- decision needs legal review. A decision that needs it cannot be stored as not major.
create table matter_type_review_policy (
    version_id bigint primary key references matter_type_version (id),
    mode       text not null check (mode in ('ALWAYS', 'NEVER', 'RULES')),
    rules      jsonb not null default '[]'
);
revoke update, delete, truncate on matter_type_review_policy from ${appRole};

create function procedure_compare(p_actual text, p_op text, p_expected text) returns boolean
    language plpgsql immutable
as $$
declare
    a numeric;
    e numeric;
begin
    if p_actual ~ '^-?[0-9]+(\.[0-9]+)?$' and p_expected ~ '^-?[0-9]+(\.[0-9]+)?$' then
        a := p_actual::numeric;
        e := p_expected::numeric;
        return case p_op when 'EQ' then a = e when 'NE' then a <> e when 'GT' then a > e when 'GE' then a >= e
                         when 'LT' then a < e when 'LE' then a <= e else false end;
    end if;
    return case p_op when 'EQ' then p_actual = p_expected when 'NE' then p_actual <> p_expected else false end;
end
$$;

create function procedure_review_required(p_version bigint, p_case bigint, p_facts text, p_result text, p_on date)
    returns boolean
    language plpgsql stable
as $$
declare
    policy    matter_type_review_policy%rowtype;
    kase      procedure_case%rowtype;
    rule      jsonb;
    cond      jsonb;
    holds     boolean;
    actual    text;
    expected  text;
begin
    select * into policy from matter_type_review_policy where version_id = p_version;
    if not found then
        raise exception 'no review policy recorded for matter type version %', p_version using errcode = 'check_violation';
    end if;
    if policy.mode = 'ALWAYS' then
        return true;
    elsif policy.mode = 'NEVER' then
        return false;
    end if;
    select * into kase from procedure_case where id = p_case;
    for rule in select * from jsonb_array_elements(policy.rules) loop
        holds := true;
        for cond in select * from jsonb_array_elements(rule -> 'all') loop
            if cond ->> 'fact' = 'partyIsPerson' then
                actual := (kase.party_kind = 'PERSON')::text;
            else
                actual := coalesce(p_result::jsonb ->> (cond ->> 'fact'), p_facts::jsonb ->> (cond ->> 'fact'));
            end if;
            if cond ->> 'parameter' is not null then
                select v.value::text into expected from parameter_value v
                where v.code = cond ->> 'parameter' and v.status = 'APPROVED' and v.effective_from <= p_on
                  and v.unit_code in (substr(kase.community_code, 1, 9), substr(kase.community_code, 1, 6))
                order by length(v.unit_code) desc, v.effective_from desc limit 1;
            else
                expected := cond ->> 'value';
            end if;
            if actual is null or expected is null or not procedure_compare(actual, cond ->> 'op', expected) then
                holds := false;
                exit;
            end if;
        end loop;
        if holds then
            return true;
        end if;
    end loop;
    return false;
end
$$;

create function decision_major_guard() returns trigger
    language plpgsql
as $$
begin
    if not new.major and procedure_review_required(new.matter_type_version_id, new.case_id, new.facts, new.result,
                                                   new.drafted_on) then
        raise exception 'decision % needs legal review under its matter type''s rules but is not marked major', new.id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger decision_major_guard before insert on decision
    for each row execute function decision_major_guard();
