-- 银行代发文件: the file sent to the bank for a roll, kept (encrypted: it holds account numbers) so that every later
-- download is byte-identical to the one the bank received. Re-issues go out in their own batches.
create table payment_bank_file (
    id         bigint generated always as identity primary key,
    roll_id    bigint not null references payment_roll (id),
    batch      text not null check (batch in ('ORIGINAL', 'REISSUE')),
    sequence   int not null,
    item_count int not null,
    total_fen  bigint not null,
    sm3        text not null,
    content    bytea not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    unique (roll_id, batch, sequence)
);
create unique index payment_bank_file_original on payment_bank_file (roll_id) where batch = 'ORIGINAL';

-- Which bank file an item went out in (a re-issued item goes out once, in one re-issue batch).
alter table payment_item add column bank_file_id bigint references payment_bank_file (id);
