package io.tradeplex.gateway.security;

import io.tradeplex.gateway.GatewayProblem;

/** Why a token was refused, as the client is told; deliberately without the detail of what failed. */
public final class TokenRejected extends RuntimeException {
    private final GatewayProblem problem;

    TokenRejected(GatewayProblem problem) {
        // No stack trace: refusals are routine, and the problem says all the caller needs.
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    public GatewayProblem problem() {
        return problem;
    }
}
