-- Bulk imports run in the background: the administrator gets an id at once and reads the per-row report when it is
-- done. Administrators' records, not a user's data (no user_id), so no row-level security; the permission check guards it.
create table import_jobs (
    id          uuid        primary key,
    admin_id    uuid        not null,
    format      text        not null check (format in ('csv', 'json')),
    status      text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total       integer     not null,
    created     integer,
    failed      integer,
    report      jsonb,
    error       text,
    started_at  timestamptz not null,
    finished_at timestamptz
);
create index import_jobs_started on import_jobs (started_at desc);
