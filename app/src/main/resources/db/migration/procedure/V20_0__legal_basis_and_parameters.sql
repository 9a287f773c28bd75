-- 依法行政·程序内核 (1/4): the legal-basis catalogue and the parameter registry. Both are public policy information
-- (no personal data, no row-level security); who may change them is decided by method security in the application.

-- Laws, regulations, ministerial rules and normative documents, with their articles. Summaries are the bureau's own
-- short paraphrases, not the official text. confidence: V verified against the full text, S secondary source,
-- U unverified (to be confirmed by the bureau's 法制科).
create table legal_document (
    code            text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    title           text not null check (char_length(title) between 2 and 200),
    short_title     text,
    kind            text not null check (kind in ('LAW', 'ADMINISTRATIVE_REGULATION', 'MINISTERIAL_RULE',
                                                  'STATE_COUNCIL_DOCUMENT', 'MINISTERIAL_DOCUMENT',
                                                  'LOCAL_NORMATIVE_DOCUMENT', 'STANDARD')),
    issuer          text not null,
    document_number text,
    effective_from  date,
    effective_to    date,
    confidence      text not null check (confidence in ('V', 'S', 'U')),
    note            text,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check (effective_to is null or effective_from is null or effective_to > effective_from)
);

create table legal_article (
    document_code  text not null references legal_document (code),
    article        text not null check (article ~ '^[0-9A-Za-z.()-]{1,20}$'),
    label          text not null,
    summary        text not null check (char_length(summary) between 2 and 500),
    sort_key       int not null,
    effective_from date,
    effective_to   date,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    primary key (document_code, article)
);
create index legal_article_sort on legal_article (document_code, sort_key);

-- Numbers set by law or policy: effective-dated values with unit, scope (the district or one street) and legal basis.
-- A value takes effect only once approved (proposer and approver are different people); a later value supersedes an
-- earlier one from its effective date; nothing is overwritten.
create table parameter_definition (
    code              text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    name              text not null,
    unit              text not null check (unit in ('DAYS', 'MONTHS', 'YEARS', 'FEN', 'RATIO', 'COUNT', 'MONTH_DAY')),
    category          text not null,
    description       text,
    confidence        text not null check (confidence in ('V', 'S', 'U')),
    confirmation_note text,
    created_at        timestamptz not null default now()
);

create table parameter_value (
    id                 bigint generated always as identity primary key,
    code               text not null references parameter_definition (code),
    -- the unit the value applies to (the district or one street): policy data for everyone, not a data scope
    unit_code          text not null check (unit_code ~ '^([0-9]{6}|[0-9]{9})$'),
    value              numeric(20, 6) not null,
    day_type           text check (day_type in ('WORKING', 'CALENDAR')),
    effective_from     date not null,
    basis_document     text references legal_document (code),
    basis_article      text,
    basis_note         text,
    needs_confirmation boolean not null default false,
    status             text not null check (status in ('PROPOSED', 'APPROVED', 'REFUSED', 'SUPERSEDED')),
    proposed_by        text not null,
    proposed_at        timestamptz not null,
    reason             text not null,
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    foreign key (basis_document, basis_article) references legal_article (document_code, article),
    check (basis_document is not null or basis_note is not null),
    check (status = 'PROPOSED' or decided_by is not null)
);
create unique index parameter_value_in_force on parameter_value (code, unit_code, effective_from)
    where status = 'APPROVED';
create index parameter_value_lookup on parameter_value (code, unit_code, effective_from desc);
-- History is kept: approved values are never deleted.
revoke delete, truncate on parameter_value from ${appRole};
