package io.tradeplex.strategy.engine;

import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of checking a client's template and parameters: typed parameters, or every fault found. */
public sealed interface ParamsCheck {

    /** The parameters, or a 400 problem naming every faulty field ({@code template}, {@code params.<name>}). */
    StrategyParams orThrow();

    record Valid(StrategyParams params) implements ParamsCheck {
        @Override
        public StrategyParams orThrow() {
            return params;
        }
    }

    record Invalid(List<FieldError> errors) implements ParamsCheck {
        public Invalid {
            errors = List.copyOf(errors);
        }

        @Override
        public StrategyParams orThrow() {
            String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            throw new ApiException(400, "Invalid request", "VALIDATION", detail, errors);
        }
    }
}
