-- 工作日历: statutory holidays and make-up working days (调休), one row per date that differs from the ordinary
-- Monday–Friday rule. A year is known only once its arrangement has been imported.
create table calendar_year (
    year        int primary key check (year between 1990 and 2200),
    source      text not null,
    imported_by text not null,
    imported_at timestamptz not null default now()
);

create table calendar_day (
    day  date primary key,
    kind text not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name text not null,
    year int not null references calendar_year (year),
    check (extract(year from day) = year)
);
