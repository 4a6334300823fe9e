package io.tradeplex.bench;

/** What one {@code bench/strategies} run does; every field has a default, so the command alone is a complete run. */
record StrategiesOptions(
        int strategies,
        int users,
        int symbols,
        double ticksPerSymbol,
        int durationSeconds,
        int warmupSeconds,
        int timeScale,
        String service,
        String kafka,
        String topicPrefix,
        long servicePid,
        long kafkaPid,
        int createConcurrency,
        double kafkaRate,
        int kafkaSeconds) {

    static final String USAGE = """
            bench/strategies [options]
              --strategies N        running strategies (default 10000), SMA crossover 2/3 on 1m bars, one symbol each
              --users U             traders they belong to (default 100; N/U each, over their own paper account)
              --symbols S           symbols ticking (default 50)
              --tick-rate R         ticks per second per symbol (default 10), open model
              --duration S          measured seconds (default 120)
              --warmup S            seconds of ticks before measuring (default 30)
              --time-scale K        market seconds per real second in the ticks' timestamps (default 10: a 1m bar
                                    closes every 6 s, so every strategy is evaluated every 6 s; 1 = real time)
              --create-concurrency C parallel create/start requests while setting up (default 8)
              --kafka-rate R        baseline Kafka round trips per second (default 200)
              --kafka-seconds S     baseline duration (default 5)
            set by the bench/strategies script: --service URL --kafka HOST:PORT --topic-prefix P --service-pid P --kafka-pid P
            """;

    static StrategiesOptions parse(String... args) {
        int strategies = 10_000;
        int users = 100;
        int symbols = 50;
        double tickRate = 10;
        int duration = 120;
        int warmup = 30;
        int timeScale = 10;
        String service = "http://127.0.0.1:18383";
        String kafka = "127.0.0.1:9092";
        String prefix = "bench.";
        long servicePid = -1;
        long kafkaPid = -1;
        int createConcurrency = 8;
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
                    case "--strategies" -> strategies = positive(name, Integer.parseInt(value));
                    case "--users" -> users = positive(name, Integer.parseInt(value));
                    case "--symbols" -> symbols = positive(name, Integer.parseInt(value));
                    case "--tick-rate" -> tickRate = Double.parseDouble(value);
                    case "--duration" -> duration = positive(name, Integer.parseInt(value));
                    case "--warmup" -> warmup = Math.max(0, Integer.parseInt(value));
                    case "--time-scale" -> timeScale = positive(name, Integer.parseInt(value));
                    case "--service" -> service = value.replaceAll("/+$", "");
                    case "--kafka" -> kafka = value;
                    case "--topic-prefix" -> prefix = value;
                    case "--service-pid" -> servicePid = Long.parseLong(value);
                    case "--kafka-pid" -> kafkaPid = Long.parseLong(value);
                    case "--create-concurrency" -> createConcurrency = positive(name, Integer.parseInt(value));
                    case "--kafka-rate" -> kafkaRate = Double.parseDouble(value);
                    case "--kafka-seconds" -> kafkaSeconds = positive(name, Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": not a number: " + value);
            }
        }
        if (!(tickRate > 0) || !(kafkaRate > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (strategies < users) {
            throw new IllegalArgumentException("--strategies must be at least --users");
        }
        return new StrategiesOptions(strategies, users, symbols, tickRate, duration, warmup, timeScale, service, kafka,
                prefix, servicePid, kafkaPid, createConcurrency, kafkaRate, kafkaSeconds);
    }

    /** Strategies per user, rounded up: what the service's tier cap must allow. */
    int strategiesPerUser() {
        return (strategies + users - 1) / users;
    }

    double tickRate() {
        return symbols * ticksPerSymbol;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
