-- Offline CAPTCHA challenges for the public portal's forms (issue 13 A6): no outside service. A challenge is good for
-- ten minutes and for one answer, right or wrong.
create table captcha_challenge (
    id         text primary key,
    answer     text not null,
    expires_at timestamptz not null
);
create index captcha_challenge_expiry on captcha_challenge (expires_at);
