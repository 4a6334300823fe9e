package io.tradeplex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Creates the benchmark's traders through the gateway (register, log in, open a paper account) and caches them in
 * {@code .users-<N>.json}, so only the first run pays for N Argon2 registrations; later runs only log in again.
 */
final class UserPool {
    private static final int ATTEMPTS = 8;

    private final Gateway gateway;
    private final BenchOptions options;
    private final Path cacheFile;

    UserPool(Gateway gateway, BenchOptions options) {
        this.gateway = gateway;
        this.options = options;
        this.cacheFile = options.cacheDir().resolve(".users-" + options.users() + ".json");
    }

    List<BenchUser> prepare() throws IOException, InterruptedException {
        List<BenchUser> users = readCache();
        int cached = users.size();
        String runTag = UUID.randomUUID().toString().substring(0, 8);
        while (users.size() < options.users()) {
            users.add(new BenchUser("bench-" + runTag + "-" + users.size() + "@bench.tradeplex.test",
                    "bench-passphrase-" + UUID.randomUUID(), null));
        }
        System.out.printf("setup: %d users (%d from %s, %d to register), %d at a time%n",
                users.size(), Math.min(cached, users.size()), cacheFile, Math.max(0, users.size() - cached),
                options.setupConcurrency());

        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.setupConcurrency());
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                BenchUser user = users.get(i);
                boolean isNew = i >= cached;
                all.add(CompletableFuture.runAsync(() -> {
                    prepare(user, isNew);
                    int n = done.incrementAndGet();
                    if (n % 100 == 0 || n == users.size()) {
                        System.out.printf("setup: %d/%d ready (%.0f s)%n", n, users.size(), (System.nanoTime() - t0) / 1e9);
                        if (isNew) {
                            writeCacheQuietly(users);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        writeCache(users);
        System.out.printf("setup: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return users;
    }

    private void prepare(BenchUser user, boolean isNew) {
        if (isNew) {
            Gateway.Reply registered = retrying(() -> gateway.post("/api/v1/auth/register",
                    Map.of("email", user.email, "password", user.password, "displayName", "Bench trader"), null));
            if (!registered.is(201) && !registered.is(409)) {
                throw new IllegalStateException("register " + user.email + ": " + registered.errorKey() + " " + registered.body());
            }
        }
        login(user);
        if (user.accountId == null) {
            Gateway.Reply account = retrying(() -> gateway.post("/api/v1/me/broker-accounts",
                    Map.of("broker", "paper", "label", "Bench paper", "capitalUsd", "10000"), user.accessToken));
            if (!account.is(201)) {
                throw new IllegalStateException("paper account for " + user.email + ": " + account.errorKey() + " " + account.body());
            }
            user.accountId = account.body().path("accountId").asText();
        }
        user.startPosition = position(user);
    }

    void login(BenchUser user) {
        Gateway.Reply tokens = retrying(() -> gateway.post("/api/v1/auth/login",
                Map.of("email", user.email, "password", user.password), null));
        if (!tokens.is(200)) {
            throw new IllegalStateException("login " + user.email + ": " + tokens.errorKey()
                    + " (delete " + cacheFile + " if the platform's database was reset)");
        }
        user.accessToken = tokens.body().path("accessToken").asText();
    }

    /** The user's current position in the benchmark's symbol on their paper account (0 when there is none). */
    BigDecimal position(BenchUser user) {
        Gateway.Reply positions = retrying(() -> gateway.get("/api/v1/portfolio/positions", user.accessToken));
        if (!positions.is(200)) {
            throw new IllegalStateException("positions of " + user.email + ": " + positions.errorKey());
        }
        return quantityOf(positions.body(), user.accountId, options.symbol());
    }

    static BigDecimal quantityOf(JsonNode positions, String accountId, String symbol) {
        for (JsonNode position : positions) {
            if (symbol.equals(position.path("symbol").asText()) && accountId.equals(position.path("accountId").asText())) {
                return new BigDecimal(position.path("quantity").asText("0"));
            }
        }
        return BigDecimal.ZERO;
    }

    /** Retries what the platform asks to be retried (429 with Retry-After, 502/503/504, no answer). */
    private static Gateway.Reply retrying(Supplier<CompletableFuture<Gateway.Reply>> call) {
        Gateway.Reply reply = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reply = call.get().join();
            boolean retriable = reply.status() == 0 || reply.status() == 429 || reply.status() >= 502;
            if (!retriable) {
                return reply;
            }
            long waitMillis = 250L * attempt;
            if (reply.retryAfter() != null) {
                try {
                    waitMillis = Math.max(waitMillis, Long.parseLong(reply.retryAfter().trim()) * 1000);
                } catch (NumberFormatException ignored) {
                    // An HTTP date: the back-off above will do.
                }
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
        return reply;
    }

    private List<BenchUser> readCache() throws IOException {
        List<BenchUser> users = new ArrayList<>();
        if (!Files.exists(cacheFile)) {
            return users;
        }
        for (JsonNode node : Gateway.JSON.readTree(cacheFile.toFile())) {
            String account = node.path("accountId").asText(null);
            users.add(new BenchUser(node.path("email").asText(), node.path("password").asText(), account));
        }
        return users;
    }

    private synchronized void writeCache(List<BenchUser> users) throws IOException {
        ArrayNode array = Gateway.JSON.createArrayNode();
        // Only users that are ready (registered, with an account): an interrupted set-up resumes from them.
        for (BenchUser user : users) {
            if (user.accountId != null) {
                array.addObject().put("email", user.email).put("password", user.password).put("accountId", user.accountId);
            }
        }
        Path temp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        Gateway.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), array);
        Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeCacheQuietly(List<BenchUser> users) {
        try {
            writeCache(users);
        } catch (IOException e) {
            System.err.println("setup: could not write " + cacheFile + ": " + e.getMessage());
        }
    }
}
