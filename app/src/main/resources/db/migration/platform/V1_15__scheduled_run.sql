-- Runs of the platform's calendar jobs (issue 14): every instance fires each job at its time; the first to record the
-- job's slot (its due time) runs it, in the same transaction as its work, so that a job runs once however many
-- instances serve the district — and again if the run that claimed it failed.
create table scheduled_run (
    job        text not null,
    slot       timestamptz not null,
    instance   text not null,
    started_at timestamptz not null default clock_timestamp(),
    primary key (job, slot)
);
