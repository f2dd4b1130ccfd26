package arena.strategy.akka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

/**
 * The configuration of the strategy's actor system, built in code so that no {@code application.conf}
 * on the class path changes what is measured: core's shared {@code measured-actor-system.conf} (quiet
 * logging, no JVM shutdown hook, small dispatchers for the coordinators and Akka's internals, the
 * worker dispatcher's template) with this strategy's sizes and shutdown timings on top. Stateless.
 */
final class AkkaSettings {

    /** The name of the actor system; its threads are named {@code arena-akka-...}. */
    static final String SYSTEM_NAME = "arena-akka";

    /** The config path of the dispatcher the worker actors run on. */
    static final String WORKER_DISPATCHER = "arena-akka.worker-dispatcher";

    /** Core's settings for an actor system under measurement, shared with akka-cluster. */
    private static final String SHARED = "arena/core/measured-actor-system.conf";

    private AkkaSettings() {
    }

    /**
     * The configuration for {@code workers} worker actors, on top of Akka's reference configuration.
     *
     * <p>Workers get a fixed pool of {@code workers} threads that never time out. The coordinators run
     * on the (small) default dispatcher, so handing out the next chunk never waits behind a chunk being
     * computed. Coordinated shutdown and the scheduler get short timeouts, so {@code close()} never
     * lingers.
     */
    static Config forWorkers(int workers) {
        ClassLoader loader = AkkaSettings.class.getClassLoader();
        Config shared = ConfigFactory.parseResources(loader, SHARED, ConfigParseOptions.defaults().setAllowMissing(false));
        String text = """
                arena-akka.worker-dispatcher.thread-pool-executor {
                  fixed-pool-size = %d
                  allow-core-timeout = off
                }
                akka {
                  coordinated-shutdown.default-phase-timeout = 2 s
                  actor.default-dispatcher.fork-join-executor.parallelism-min = 1
                  actor.internal-dispatcher.fork-join-executor.parallelism-min = 1
                  scheduler.shutdown-timeout = 1 s
                }
                """.formatted(workers);
        return ConfigFactory.parseString(text)
                .withFallback(shared.getConfig("worker-dispatcher").atPath(WORKER_DISPATCHER))
                .withFallback(shared.withoutPath("worker-dispatcher"))
                .withFallback(ConfigFactory.defaultReference(loader));
    }
}
