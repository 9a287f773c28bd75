-- Security alerts for the audit administrator (issue 13): password resets, second-factor resets and other acts that
-- an auditor must look at soon, not only find later in the trail. The application role raises and acknowledges them;
-- nobody deletes one.
create table audit_alert (
    id              bigint generated always as identity primary key,
    raised_at       timestamptz not null,
    kind            text not null,
    target_type     text,
    target_id       text,
    actor           text not null,
    acknowledged_by text,
    acknowledged_at timestamptz
);
create index audit_alert_open on audit_alert (raised_at desc) where acknowledged_at is null;
revoke delete, truncate on audit_alert from ${appRole};
