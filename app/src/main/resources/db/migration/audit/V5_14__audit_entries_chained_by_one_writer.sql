-- 审计链由单一链接者依次链接 (issue 14): a writer appends its entry unchained, in its own transaction, without waiting
-- for anyone; one chainer at a time (an advisory lock, across instances) gives committed entries their place in the
-- chain (seq), the previous entry's hash and their own hash = SM3(previous hash ‖ canonical entry), in order of
-- arrival (id). Entries written before this version keep their seq and hash; their id is their seq.
alter table audit_entry disable trigger audit_entry_no_update_or_delete;
alter table audit_entry add column id bigint;
update audit_entry set id = seq;
alter table audit_entry enable trigger audit_entry_no_update_or_delete;

create sequence audit_entry_id_seq owned by audit_entry.id;
select setval('audit_entry_id_seq', coalesce((select max(id) from audit_entry), 0) + 1, false);
alter table audit_entry alter column id set default nextval('audit_entry_id_seq');
alter table audit_entry alter column id set not null;
alter table audit_entry drop constraint audit_entry_pkey;
alter table audit_entry add primary key (id);

alter table audit_entry alter column seq drop not null;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
alter table audit_entry add constraint audit_entry_seq_unique unique (seq);
alter table audit_entry add constraint audit_entry_chained_whole
    check ((seq is null) = (prev_hash is null) and (seq is null) = (hash is null));
create index audit_entry_unchained on audit_entry (id) where seq is null;

-- The application may fill in the three chain columns of an entry that has none, and change nothing else.
grant update (seq, prev_hash, hash) on audit_entry to ${appRole};
grant usage, select on sequence audit_entry_id_seq to ${appRole};

create or replace function audit_entry_is_append_only() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
       and (to_jsonb(new) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(old) - 'seq' - 'prev_hash' - 'hash') then
        return new; -- linking an unchained entry into the chain, once
    end if;
    raise exception 'audit entries are append-only (%)', tg_op using errcode = 'insufficient_privilege';
end
$$;
