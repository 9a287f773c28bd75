-- 审计日志: append-only, each entry chained to the previous one with SM3 (hash = SM3(previous hash ‖ canonical
-- entry)). The application role may insert and read, never change or delete; a trigger refuses changes from anyone.
create table audit_entry (
    seq            bigint primary key check (seq > 0),
    occurred_at    timestamptz not null,
    actor          text not null,
    action         text not null,
    target_type    text,
    target_id      text,
    actor_scope    text,
    result         text not null check (result in ('SUCCESS', 'FAILURE', 'DENIED')),
    reason         text,
    client_address text,
    prev_hash      char(64) not null,
    hash           char(64) not null unique
);
create index audit_entry_time on audit_entry (occurred_at);
create index audit_entry_action on audit_entry (action, occurred_at);
create index audit_entry_target on audit_entry (target_type, target_id);

revoke update, delete, truncate on audit_entry from ${appRole};

create function audit_entry_is_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit entries are append-only (%)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
