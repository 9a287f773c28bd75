-- Spring Modulith's event publication registry (issue 14): every publication to an after-commit listener
-- (@ApplicationModuleListener) is written here in the publisher's transaction and marked complete when the listener
-- has done its work, so an event is never lost to a crash between the two; incomplete publications are resubmitted
-- when the platform starts (spring.modulith.events.republish-outstanding-events-on-restart). Schema of Spring
-- Modulith 2.0 (schemas/v2/schema-postgresql.sql of spring-modulith-events-jdbc).
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
