-- 单人户: the ground a single-person 低保 application was taken on (审核确认办法第八条; 2022年通知第一部分第（一）项),
-- with what the clerk stated for it. Applications from before the rule keep no ground (the constraint is for new rows).
alter table assistance_application
    add column single_ground text check (single_ground in ('EDGE_SEVERE_DISABILITY', 'EDGE_SERIOUS_ILLNESS', 'CLERGY',
                                                          'COUNTY_DESIGNATED', 'ADULT_UNEMPLOYED_SEVERELY_DISABLED')),
    add column single_ground_note text;
alter table assistance_application
    add constraint assistance_application_single_ground
        check (programme <> 'DIBAO' or not single_person or single_ground is not null) not valid;
