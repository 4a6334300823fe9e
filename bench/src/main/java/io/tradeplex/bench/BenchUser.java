package io.tradeplex.bench;

import java.math.BigDecimal;

/**
 * One trader of the benchmark. The credentials and account id are cached between runs; the token and the
 * position figures belong to this run.
 */
final class BenchUser {
    final String email;
    final String password;
    String accountId;
    volatile String accessToken;

    /** The position in the benchmark's symbol when the run started. */
    volatile BigDecimal startPosition = BigDecimal.ZERO;
    /** Sum of this run's order quantities sent so far (only the scheduler thread writes it). */
    private BigDecimal sent = BigDecimal.ZERO;
    /** Quantities of orders that will never fill (refused or rejected): the expected position drops by them. */
    private BigDecimal lost = BigDecimal.ZERO;

    BenchUser(String email, String password, String accountId) {
        this.email = email;
        this.password = password;
        this.accountId = accountId;
    }

    /** Adds an order about to be sent; returns the position the user should hold once it has filled. */
    synchronized BigDecimal send(BigDecimal quantity) {
        sent = sent.add(quantity);
        return startPosition.add(sent);
    }

    synchronized void lose(BigDecimal quantity) {
        lost = lost.add(quantity);
    }

    synchronized BigDecimal lost() {
        return lost;
    }
}
