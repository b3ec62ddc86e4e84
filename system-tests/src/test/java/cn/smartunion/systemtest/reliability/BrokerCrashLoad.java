package cn.smartunion.systemtest.reliability;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.smartunion.systemtest.suite.Http;

/**
 * Commands at a steady rate: a fixed-rate scheduler hands command {@code i} to a pool of client threads every
 * {@code 1/rate} seconds, whatever the answers take, so a slow or failing service does not slow the offer down. Each
 * command is sent once, with its own {@code Idempotency-Key}; what came back is kept per command.
 */
final class BrokerCrashLoad {

    /** What one command got: an HTTP status, or {@link #CONNECTION_ERROR} when no answer came at all. */
    record Outcome(int index, long sentAt, long answeredAt, int status, String memberId, String problem) {

        static final int CONNECTION_ERROR = -1;

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    /** Builds command {@code i}: where it goes, its token and its body. */
    interface Command {
        String url(int index);

        String token();

        Object body(int index);
    }

    private final Command command;
    private final int count;
    private final double perSecond;
    private final int clientThreads;
    private final int signalAt;
    private final CountDownLatch signal = new CountDownLatch(1);
    private final AtomicInteger next = new AtomicInteger();
    private final List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
    private final CompletableFuture<Void> allOffered = new CompletableFuture<>();
    private ScheduledExecutorService ticker;
    private ExecutorService clients;
    private long startedAt;

    /** {@code signalAt}: the index of the command whose sending releases {@link #awaitSignal()}. */
    BrokerCrashLoad(Command command, int count, double perSecond, int clientThreads, int signalAt) {
        this.command = command;
        this.count = count;
        this.perSecond = perSecond;
        this.clientThreads = clientThreads;
        this.signalAt = signalAt;
        for (int i = 0; i < count; i++) {
            outcomes.add(new CompletableFuture<>());
        }
    }

    void start() {
        startedAt = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "broker-crash-ticker"));
        clients = Executors.newFixedThreadPool(clientThreads, r -> new Thread(r, "broker-crash-client"));
        long period = Math.round(1_000_000_000L / perSecond);
        ScheduledFuture<?>[] ticks = new ScheduledFuture<?>[1];
        ticks[0] = ticker.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                allOffered.complete(null);
                throw new IllegalStateException("done"); // ends the fixed-rate schedule
            }
            clients.execute(() -> outcomes.get(i).complete(send(i)));
            if (i == signalAt) {
                signal.countDown();
            }
        }, 0, period, TimeUnit.NANOSECONDS);
    }

    private Outcome send(int i) {
        long sent = System.nanoTime();
        try {
            Http.Answer answer = Http.post(command.url(i), command.token(), command.body(i),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            String memberId = null;
            String problem = null;
            if (answer.status() >= 200 && answer.status() < 300) {
                memberId = answer.json().path("id").asString();
            } else {
                problem = answer.toString();
            }
            return new Outcome(i, sent, System.nanoTime(), answer.status(), memberId, problem);
        } catch (UncheckedIOException e) {
            return new Outcome(i, sent, System.nanoTime(), Outcome.CONNECTION_ERROR, null,
                    String.valueOf(e.getCause()));
        } catch (RuntimeException e) {
            return new Outcome(i, sent, System.nanoTime(), Outcome.CONNECTION_ERROR, null, e.toString());
        }
    }

    /** Waits until command {@code signalAt} has been handed to a client thread. */
    void awaitSignal(long timeoutSeconds) throws InterruptedException {
        if (!signal.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("command " + signalAt + " was not sent within " + timeoutSeconds + " s");
        }
    }

    /** How many commands have been handed to client threads so far. */
    int offered() {
        return Math.min(next.get(), count);
    }

    long startedAt() {
        return startedAt;
    }

    /** The outcomes answered so far (the others are still in flight or not yet sent). */
    List<Outcome> answeredSoFar() {
        List<Outcome> answered = new ArrayList<>();
        for (CompletableFuture<Outcome> outcome : outcomes) {
            Outcome done = outcome.getNow(null);
            if (done != null) {
                answered.add(done);
            }
        }
        return answered;
    }

    /** Every command's outcome, once all were sent and answered. */
    List<Outcome> awaitAll(long timeoutSeconds) throws Exception {
        allOffered.get(timeoutSeconds, TimeUnit.SECONDS);
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(timeoutSeconds, TimeUnit.SECONDS);
        List<Outcome> all = new ArrayList<>();
        for (CompletableFuture<Outcome> outcome : outcomes) {
            all.add(outcome.join());
        }
        return all;
    }

    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (clients != null) {
            clients.shutdownNow();
        }
    }
}
