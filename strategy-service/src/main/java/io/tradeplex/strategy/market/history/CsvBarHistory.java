package io.tradeplex.strategy.market.history;

import io.quarkus.runtime.Startup;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarHistory;
import io.tradeplex.strategy.market.bars.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The historical bars of the CSV set on the classpath (see {@link HistoryConfig}), loaded once at start-up and held
 * in memory: a few thousand bars per file. A malformed file stops the start with its name and line, rather than
 * leaving a backtest to run on a silently shortened history.
 */
@Startup
@ApplicationScoped
public class CsvBarHistory implements BarHistory {
    static final String HEADER = "openTime,open,high,low,close,volume";
    /** {@code BTC-USD-1h.csv}: the symbol pattern of the event schemas, then an interval label. */
    private static final Pattern FILE_NAME = Pattern.compile("([A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20})?)-([0-9]+[mhd])\\.csv");
    private static final Logger LOG = Logger.getLogger(CsvBarHistory.class);

    private final Map<BarInterval, Map<String, List<Bar>>> bars = new EnumMap<>(BarInterval.class);

    public CsvBarHistory(HistoryConfig config) {
        int count = 0;
        for (String resource : config.resources()) {
            List<Bar> loaded = load(resource);
            Bar first = loaded.get(0);
            if (bars.computeIfAbsent(first.interval(), interval -> new TreeMap<>())
                    .put(first.symbol(), loaded) != null) {
                throw new IllegalStateException(resource + ": a second file of " + first.symbol() + " "
                        + first.interval().label());
            }
            count += loaded.size();
        }
        LOG.infof("Historical bars loaded: %d from %s", count, config.resources());
    }

    @Override
    public Set<String> symbols(BarInterval interval) {
        return Collections.unmodifiableSet(bars.getOrDefault(interval, Map.of()).keySet());
    }

    @Override
    public List<Bar> bars(String symbol, BarInterval interval, Instant from, Instant to) {
        List<Bar> series = bars.getOrDefault(interval, Map.of()).get(symbol);
        if (series == null || !from.isBefore(to)) {
            return List.of();
        }
        return Collections.unmodifiableList(series.subList(firstAtOrAfter(series, from), firstAtOrAfter(series, to)));
    }

    /** Binary search over a series whose open times strictly increase. */
    private static int firstAtOrAfter(List<Bar> series, Instant time) {
        int low = 0;
        int high = series.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (series.get(middle).openTime().isBefore(time)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static List<Bar> load(String resource) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalStateException(resource + ": the name must be <SYMBOL>-<interval>.csv, e.g. BTC-USD-1h.csv");
        }
        String symbol = name.group(1);
        BarInterval interval = BarInterval.ofLabel(name.group(2))
                .orElseThrow(() -> new IllegalStateException(resource + ": unknown interval " + name.group(2)));
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + ": not on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<Bar> series = new ArrayList<>();
            if (!HEADER.equals(reader.readLine())) {
                throw new IllegalStateException(resource + ": the first line must be " + HEADER);
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Bar bar = parse(symbol, interval, line, resource + " line " + lineNumber);
                if (!series.isEmpty() && !bar.openTime().isAfter(series.get(series.size() - 1).openTime())) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": open times must increase");
                }
                series.add(bar);
            }
            if (series.isEmpty()) {
                throw new IllegalStateException(resource + ": no bars");
            }
            return List.copyOf(series);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static Bar parse(String symbol, BarInterval interval, String line, String where) {
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw new IllegalStateException(where + ": 6 fields expected, found " + fields.length);
        }
        Bar bar;
        try {
            bar = new Bar(symbol, interval, Instant.parse(fields[0]), new BigDecimal(fields[1]),
                    new BigDecimal(fields[2]), new BigDecimal(fields[3]), new BigDecimal(fields[4]),
                    new BigDecimal(fields[5]));
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        if (!bar.openTime().equals(interval.openTimeOf(bar.openTime()))) {
            throw new IllegalStateException(where + ": " + bar.openTime() + " is not the start of a " + interval.label()
                    + " interval");
        }
        if (bar.low().signum() <= 0 || bar.volume().signum() < 0 || bar.high().compareTo(bar.open().max(bar.close())) < 0
                || bar.low().compareTo(bar.open().min(bar.close())) > 0) {
            throw new IllegalStateException(where + ": needs 0 < low <= open, close <= high and volume >= 0");
        }
        return bar;
    }
}
