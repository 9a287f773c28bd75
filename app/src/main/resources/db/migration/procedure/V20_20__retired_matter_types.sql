-- Matter types taken out of use. A retired type opens no new case; cases already opened under it keep their version
-- and finish under it. The kernel's generic 低保 and 特困 declarations (DIBAO_APPLICATION, TEKUN_RECOGNITION) are
-- retired: they skipped the authorisation letters, 核对, the household rule (审核确认办法第七条) and the 特困 spot check
-- and paid nothing, while social assistance runs the same applications lawfully as ASSIST_DIBAO and ASSIST_TEKUN.
create table matter_type_retirement (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    retired_on date not null,
    reason     text not null check (char_length(reason) between 2 and 500),
    successor  text
);
revoke update, delete, truncate on matter_type_retirement from ${appRole};

insert into matter_type_retirement (code, retired_on, reason, successor) values
    ('DIBAO_APPLICATION', date '2026-12-07',
     '最低生活保障申请在“社会救助 → 救助申请”中受理（须核对授权书、家庭经济状况核对、按第七条认定家庭成员），不再使用内核的示例事项',
     'ASSIST_DIBAO'),
    ('TEKUN_RECOGNITION', date '2026-12-07',
     '特困人员认定在“社会救助 → 救助申请”中受理（须核对授权书、经济状况核对、区民政局抽查），不再使用内核的示例事项',
     'ASSIST_TEKUN');
