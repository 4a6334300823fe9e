-- Which feed a quote came from: sequences order the ticks of one feed only, so a quote of another feed replaces the
-- stored one by time instead (see Quote.isNewerThan). Until now only the simulated feed wrote quotes.
alter table quotes add column source text not null default 'simulated';
alter table quotes alter column source drop default;
