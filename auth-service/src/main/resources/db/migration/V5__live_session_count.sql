-- The tradeplex.sessions.active gauge (session.ActiveSessionsGauge) needs the number of live sessions of all users,
-- and nothing else: no row of sessions ever reaches the run-time role outside its own user's transactions (the
-- lookup bypass of V3 still finds no sessions). This function returns the count only. It runs as the owner, whom
-- force row-level security binds too, so the owner gets one policy of its own, for select, that applies only while
-- the function has switched on app.count_live_sessions and is switched off again before it returns.
create policy sessions_counted_by_owner on sessions for select to current_user
    using (current_setting('app.count_live_sessions', true) = 'on');

create function live_session_count(at_time timestamptz, used_after timestamptz) returns bigint
    language plpgsql security definer set search_path = public as $$
declare
    live bigint;
begin
    perform set_config('app.count_live_sessions', 'on', true);
    select count(*) into live from sessions
        where revoked_at is null and expires_at > at_time and last_used_at > used_after;
    perform set_config('app.count_live_sessions', '', true);
    return live;
end
$$;
revoke all on function live_session_count(timestamptz, timestamptz) from public;
grant execute on function live_session_count(timestamptz, timestamptz) to ${app_role};
