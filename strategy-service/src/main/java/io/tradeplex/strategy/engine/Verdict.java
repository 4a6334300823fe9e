package io.tradeplex.strategy.engine;

/** What a template's indicators say after a bar, whatever the position; the run decides what to do with it. */
record Verdict(Action action, String reason) {
    static final Verdict NONE = new Verdict(Action.NONE, "");

    enum Action { ENTER, EXIT, NONE }

    static Verdict enter(String reason) {
        return new Verdict(Action.ENTER, reason);
    }

    static Verdict exit(String reason) {
        return new Verdict(Action.EXIT, reason);
    }
}
