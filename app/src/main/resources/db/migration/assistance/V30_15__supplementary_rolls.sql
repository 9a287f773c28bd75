-- 补发名册 (issue 14): a decision made after a month's roll was generated is paid through a supplementary roll for that
-- month, with the same approval (four eyes) and bank file. One main roll per programme and month, as before; any
-- number of supplementary rolls, numbered within the month. The one-live-item index keeps any beneficiary from being
-- paid twice for a month, whichever roll the item is on.
alter table payment_roll add column kind text not null default 'MAIN' check (kind in ('MAIN', 'SUPPLEMENTARY'));
alter table payment_roll add column supplement_no int;
alter table payment_roll add constraint payment_roll_supplement_numbered
    check ((kind = 'MAIN') = (supplement_no is null));
drop index payment_roll_one_per_month;
create unique index payment_roll_one_per_month on payment_roll (programme_code, period)
    where state <> 'CANCELLED' and kind = 'MAIN';
create unique index payment_roll_supplement_no on payment_roll (programme_code, period, supplement_no)
    where kind = 'SUPPLEMENTARY';
