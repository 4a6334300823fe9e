package io.tradeplex.bench;

import java.math.BigDecimal;
import java.nio.file.Path;

/** What one benchmark run does; every field has a default so {@code bench/orders} alone is a complete run. */
record BenchOptions(
        int users,
        double rate,
        int durationSeconds,
        int warmupSeconds,
        String gateway,
        String kafka,
        Path cacheDir,
        String symbol,
        BigDecimal quantity,
        int pollMillis,
        int positionEvery,
        int timeoutSeconds,
        int setupConcurrency,
        int maxPolls,
        double kafkaRate,
        int kafkaSeconds) {

    static final String USAGE = """
            bench/orders [options]
              --users N             traders placing orders (default 1000; created once, cached in bench/.users-N.json)
              --rate R              offered orders per second, open model (default 500)
              --duration S          measured seconds (default 30)
              --warmup S            seconds at the same rate before measuring, not recorded (default 10)
              --symbol SYM          BTC-USD or ETH-USD, the basic tier's symbols (default BTC-USD)
              --quantity Q          quantity per MARKET BUY (default 0.00001, about $0.65 of BTC)
              --poll-ms MS          interval of the GET /orders/{id} poll for FILLED (default 10)
              --position-every K    check the position of one order in K (default 10)
              --timeout S           give up on an order's FILLED / position after S seconds (default 30)
              --setup-concurrency C parallel registrations / logins (Argon2 hashing, default 4)
              --max-polls P         status polls in flight at most (default 128)
              --kafka-rate R        baseline Kafka round trips per second (default 200)
              --kafka-seconds S     baseline duration (default 5)
              --gateway URL         default http://127.0.0.1:8080
              --kafka HOST:PORT     default 127.0.0.1:9092
              --cache-dir DIR       where the users file lives (default: the current directory)
            """;

    static BenchOptions parse(String... args) {
        int users = 1000;
        double rate = 500;
        int duration = 30;
        int warmup = 10;
        String gateway = "http://127.0.0.1:8080";
        String kafka = "127.0.0.1:9092";
        Path cacheDir = Path.of(".");
        String symbol = "BTC-USD";
        BigDecimal quantity = new BigDecimal("0.00001");
        int pollMillis = 10;
        int positionEvery = 10;
        int timeout = 30;
        int setupConcurrency = 4;
        int maxPolls = 128;
        double kafkaRate = 200;
        int kafkaSeconds = 5;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--users" -> users = positive(name, Integer.parseInt(value));
                    case "--rate" -> rate = positive(name, Double.parseDouble(value));
                    case "--duration" -> duration = positive(name, Integer.parseInt(value));
                    case "--warmup" -> warmup = Math.max(0, Integer.parseInt(value));
                    case "--gateway" -> gateway = value.replaceAll("/+$", "");
                    case "--kafka" -> kafka = value;
                    case "--cache-dir" -> cacheDir = Path.of(value);
                    case "--symbol" -> symbol = value;
                    case "--quantity" -> quantity = new BigDecimal(value);
                    case "--poll-ms" -> pollMillis = positive(name, Integer.parseInt(value));
                    case "--position-every" -> positionEvery = positive(name, Integer.parseInt(value));
                    case "--timeout" -> timeout = positive(name, Integer.parseInt(value));
                    case "--setup-concurrency" -> setupConcurrency = positive(name, Integer.parseInt(value));
                    case "--max-polls" -> maxPolls = positive(name, Integer.parseInt(value));
                    case "--kafka-rate" -> kafkaRate = positive(name, Double.parseDouble(value));
                    case "--kafka-seconds" -> kafkaSeconds = positive(name, Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": not a number: " + value);
            }
        }
        // Access tokens live 15 minutes and the run logs in once: keep the load phase well inside that.
        if (warmup + duration + timeout > 13 * 60) {
            throw new IllegalArgumentException("warm-up + duration + timeout must stay under 13 minutes (token lifetime)");
        }
        return new BenchOptions(users, rate, duration, warmup, gateway, kafka, cacheDir, symbol, quantity, pollMillis,
                positionEvery, timeout, setupConcurrency, maxPolls, kafkaRate, kafkaSeconds);
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
