-- 终止特困人员救助供养 is its own kind of case (特困人员认定办法第二十六条: 公示, objections, 15 working days).
alter table assistance_application drop constraint assistance_application_programme_check;
alter table assistance_application add constraint assistance_application_programme_check
    check (programme in ('DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RIGID_EXPENSE', 'TEMPORARY', 'TEMPORARY_URGENT', 'CHANGE',
                         'TEKUN_END'));
