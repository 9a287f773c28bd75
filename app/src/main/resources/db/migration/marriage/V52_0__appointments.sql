-- 婚姻登记预约: the bookable places of each date at the district's registry office, the bookings, and the rule that an
-- ID number holds at most one active booking (anti-scalping). Party ID numbers are kept sealed (field cipher) with a
-- blind index for the uniqueness rule; names are kept because the counter calls the couple by name.

create table marriage_appointment_day (
    day         date primary key,
    region_code text not null,
    capacity    integer not null check (capacity between 0 and 5000),
    booked      integer not null default 0,
    -- Places can never be given out beyond the capacity, whatever the application does: the last line of defence
    -- behind the conditional update in Appointments.book.
    check (booked >= 0 and booked <= capacity),
    note        text,
    set_by      text not null,
    set_at      timestamptz not null
);

create table marriage_appointment (
    id                bigserial primary key,
    code              text not null unique,
    region_code       text not null,
    day               date not null references marriage_appointment_day (day),
    kind              text not null check (kind in ('MARRIAGE', 'DIVORCE')),
    party_a_name      text not null,
    party_a_id_cipher bytea not null,
    party_a_id_masked text not null,
    party_b_name      text not null,
    party_b_id_cipher bytea not null,
    party_b_id_masked text not null,
    channel           text not null check (channel in ('PORTAL', 'COUNTER')),
    state             text not null default 'BOOKED' check (state in ('BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    booked_at         timestamptz not null,
    booked_by         text not null,
    closed_at         timestamptz,
    closed_by         text
);
create index marriage_appointment_day_idx on marriage_appointment (day, state);

-- One row per ID number that holds an active (BOOKED) appointment; deleted when the appointment is closed.
create table marriage_active_booking (
    id_index       bytea primary key,
    appointment_id bigint not null references marriage_appointment (id) on delete cascade,
    region_code    text not null
);
create index marriage_active_booking_appointment on marriage_active_booking (appointment_id);

-- How many bookings a client address made from the portal in the current window (the portal has no accounts).
create table marriage_portal_attempt (
    client_key   text primary key,
    window_start timestamptz not null,
    attempts     integer not null
);

alter table marriage_appointment_day enable row level security;
alter table marriage_appointment_day force row level security;
create policy marriage_appointment_day_in_scope on marriage_appointment_day
    using (mz_in_scope(region_code)) with check (mz_in_scope(region_code));

alter table marriage_appointment enable row level security;
alter table marriage_appointment force row level security;
create policy marriage_appointment_in_scope on marriage_appointment
    using (mz_in_scope(region_code)) with check (mz_in_scope(region_code));

alter table marriage_active_booking enable row level security;
alter table marriage_active_booking force row level security;
create policy marriage_active_booking_in_scope on marriage_active_booking
    using (mz_in_scope(region_code)) with check (mz_in_scope(region_code));
