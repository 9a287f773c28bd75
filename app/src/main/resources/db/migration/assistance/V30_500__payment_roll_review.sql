-- Roll review (issue 12): a reviewer may return a generated roll with an opinion, and its generator may void it before
-- approval; both cancel the roll (so the month can be generated again) and keep who, when and why. The approval may
-- carry a note.
alter table payment_roll add column cancelled_by text;
alter table payment_roll add column cancelled_at timestamptz;
alter table payment_roll add column cancel_kind text check (cancel_kind in ('RETURNED', 'VOIDED'));
alter table payment_roll add column cancel_reason text;
alter table payment_roll add column approval_note text;
alter table payment_roll add constraint payment_roll_cancel_explained
    check (state <> 'CANCELLED' or cancel_kind is null or (cancel_reason is not null and cancelled_by is not null));
