-- A suspension is one the matter type declares (补正 before 受理; 征求第三方意见 under 政府信息公开条例第三十三条 …): the
-- case records which one is running and the day it is expected to end, so that nobody waits without an end.
alter table procedure_case
    add column suspension_kind text,
    add column suspended_until date,
    add check (not suspended or suspended_until is not null or suspension_kind is null);
