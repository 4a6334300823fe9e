alter table users add column email_verified boolean not null default false;

-- An admin's deviation from a user's role defaults: GRANT adds a permission, REVOKE removes one the roles give.
-- Who changed it and why is kept here and in the audit trail.
create table permission_overrides (
    user_id    uuid        not null references users (id) on delete cascade,
    permission text        not null,
    effect     text        not null check (effect in ('GRANT', 'REVOKE')),
    changed_by uuid        not null,
    reason     text,
    changed_at timestamptz not null,
    primary key (user_id, permission)
);

create index users_email on users (lower(email));
