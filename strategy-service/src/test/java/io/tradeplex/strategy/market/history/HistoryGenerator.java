package io.tradeplex.strategy.market.history;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the synthetic historical set shipped in {@code src/main/resources/history/} (no real market data can be
 * downloaded where this project is built). Reproducible: {@link HistoryGeneratorTest} fails when the shipped files
 * differ from what this produces.
 * <p>
 * Model: hourly bars, each made of 60 one-minute steps of a driftless geometric random walk (log return σz − σ²/2).
 * The minute volatility follows the hour of day (busiest while Europe and America trade, around 15:00 UTC) and is
 * lower at weekends; ETH shares 80 % of its shocks with BTC, as the two move together. Open is the previous close,
 * high and low are the extremes of the minute path, close its last price, all rounded half-even to the 0.01 tick.
 * Volume is a base quantity scaled by the same activity profile, by the hour's absolute move and by a log-normal
 * factor. Only {@link Random} (specified by the JLS, so the same on every JVM) and {@link StrictMath} are used.
 * <p>
 * Run: {@code mvn -q -B -pl strategy-service test-compile && java -cp strategy-service/target/test-classes
 * io.tradeplex.strategy.market.history.HistoryGenerator strategy-service/src/main/resources/history}
 */
public final class HistoryGenerator {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final int HOURS = 120 * 24;
    static final long SEED = 20250101L;
    private static final double CORRELATION = 0.8;
    private static final String HEADER = "openTime,open,high,low,close,volume\n";

    /**
     * @param dailyVolatility standard deviation of one day's log return at average activity
     * @param baseVolume      traded quantity of an average hour
     */
    record Instrument(String symbol, BigDecimal openingPrice, double dailyVolatility, double baseVolume,
                      int volumeScale) {
    }

    static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("BTC-USD", new BigDecimal("93500.00"), 0.030, 1_200, 5),
            new Instrument("ETH-USD", new BigDecimal("3350.00"), 0.040, 18_000, 4));

    private HistoryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HistoryGenerator <output directory>");
        }
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + directory.resolve(file.getKey()));
        }
    }

    /** @return file name → CSV content, e.g. {@code BTC-USD-1h.csv} */
    static Map<String, String> generate() {
        Random market = new Random(SEED);
        Random[] own = new Random[INSTRUMENTS.size()];
        double[] price = new double[INSTRUMENTS.size()];
        StringBuilder[] csv = new StringBuilder[INSTRUMENTS.size()];
        for (int i = 0; i < INSTRUMENTS.size(); i++) {
            Instrument instrument = INSTRUMENTS.get(i);
            own[i] = new Random(SEED * 1_000_003L + instrument.symbol().hashCode());
            price[i] = instrument.openingPrice().doubleValue();
            csv[i] = new StringBuilder(HEADER);
        }
        for (int hour = 0; hour < HOURS; hour++) {
            Instant openTime = START.plus(Duration.ofHours(hour));
            double activity = activity(openTime);
            BigDecimal[] open = new BigDecimal[INSTRUMENTS.size()];
            BigDecimal[] high = new BigDecimal[INSTRUMENTS.size()];
            BigDecimal[] low = new BigDecimal[INSTRUMENTS.size()];
            for (int i = 0; i < INSTRUMENTS.size(); i++) {
                open[i] = tick(price[i]);
                high[i] = open[i];
                low[i] = open[i];
            }
            for (int minute = 0; minute < 60; minute++) {
                double common = market.nextGaussian();
                for (int i = 0; i < INSTRUMENTS.size(); i++) {
                    double sigma = INSTRUMENTS.get(i).dailyVolatility() * activity / StrictMath.sqrt(24 * 60);
                    double z = CORRELATION * common
                            + StrictMath.sqrt(1 - CORRELATION * CORRELATION) * own[i].nextGaussian();
                    price[i] *= StrictMath.exp(sigma * z - sigma * sigma / 2);
                    BigDecimal rounded = tick(price[i]);
                    high[i] = high[i].max(rounded);
                    low[i] = low[i].min(rounded);
                }
            }
            for (int i = 0; i < INSTRUMENTS.size(); i++) {
                Instrument instrument = INSTRUMENTS.get(i);
                BigDecimal close = tick(price[i]);
                double move = StrictMath.abs(StrictMath.log(close.doubleValue() / open[i].doubleValue()));
                double volume = instrument.baseVolume() * activity * (1 + 40 * move)
                        * StrictMath.exp(0.35 * own[i].nextGaussian() - 0.35 * 0.35 / 2);
                csv[i].append(openTime).append(',').append(open[i].toPlainString()).append(',')
                        .append(high[i].toPlainString()).append(',').append(low[i].toPlainString()).append(',')
                        .append(close.toPlainString()).append(',')
                        .append(new BigDecimal(volume).setScale(instrument.volumeScale(), RoundingMode.HALF_EVEN)
                                .toPlainString())
                        .append('\n');
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < INSTRUMENTS.size(); i++) {
            files.put(INSTRUMENTS.get(i).symbol() + "-1h.csv", csv[i].toString());
        }
        return files;
    }

    /** Relative activity of an hour: about 1 on average, 1.6 at 15:00 UTC on weekdays, about 0.5 at night at weekends. */
    static double activity(Instant openTime) {
        int hour = openTime.atZone(ZoneOffset.UTC).getHour();
        DayOfWeek day = openTime.atZone(ZoneOffset.UTC).getDayOfWeek();
        double session = 0.7 + 0.9 * StrictMath.exp(-StrictMath.pow(hour - 15, 2) / (2 * 3.5 * 3.5));
        double weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.75 : 1.0;
        return session * weekend;
    }

    private static BigDecimal tick(double price) {
        return new BigDecimal(price).setScale(2, RoundingMode.HALF_EVEN);
    }
}
