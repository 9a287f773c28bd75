-- 救济途径 per matter type and outcome, kept with the legal-basis catalogue: where the law requires 复议前置
-- (行政复议法第二十三条: refusal to disclose government information; failure to perform a statutory duty such as paying
-- 最低生活保障), the decision must tell the person to apply for 行政复议 first. Where the law is unclear the rule names a
-- parameter the bureau's 法制 staff set (1 = 复议前置, the cautious reading; 0 = 复议或者诉讼).
create table remedy_rule (
    matter_type    text not null check (matter_type ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    outcome        text not null,
    rule           text not null check (rule in ('CHOICE', 'REVIEW_FIRST', 'PARAMETER')),
    parameter_code text,
    basis          text not null,
    note           text,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    primary key (matter_type, outcome),
    check ((rule = 'PARAMETER') = (parameter_code is not null))
);
