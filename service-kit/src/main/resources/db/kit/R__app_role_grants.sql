-- The services connect at run time as ${app_role} (quarkus.datasource.username), which owns nothing, so row-level
-- security binds it and it cannot alter or drop a table. Migrations run as the owner and grant it plain data access.
-- Repeatable: Flyway re-runs it after the versioned migrations whenever it (or the role) changes; tables that later
-- migrations create are covered by the default privileges.
do $$
begin
    -- Run-time role = owner would make the policies switch-off-able, and the revoke below would lock out Flyway.
    if '${app_role}' = current_user then
        raise exception 'quarkus.datasource.username (%) must not be the migration role: the services connect as a role that owns nothing', current_user;
    end if;
end
$$;

grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- The migration history is the owner's business alone.
revoke all on ${flyway:table} from ${app_role};
