package arena.strategy.akka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The configuration of the strategy's actor system, built in code so that no {@code application.conf}
 * on the class path changes what is measured: a worker dispatcher with exactly one thread per worker,
 * small dispatchers for the coordinators and Akka's internals, quiet logging, and a shutdown that
 * neither hooks into the JVM nor lingers. Stateless.
 */
final class AkkaSettings {

    /** The name of the actor system; its threads are named {@code arena-akka-...}. */
    static final String SYSTEM_NAME = "arena-akka";

    /** The config path of the dispatcher the worker actors run on. */
    static final String WORKER_DISPATCHER = "arena-akka.worker-dispatcher";

    private AkkaSettings() {
    }

    /**
     * The configuration for {@code workers} worker actors, on top of Akka's reference configuration.
     *
     * <p>Workers get a fixed pool of {@code workers} threads with throughput 1: every message is a whole
     * chunk of CPU work, so batching messages saves nothing and fairness is free. The coordinators run
     * on the (small) default dispatcher, so handing out the next chunk never waits behind a chunk being
     * computed. Idle dispatchers shut down after 100 ms, so no thread outlives the terminated system
     * for long.
     */
    static Config forWorkers(int workers) {
        String text = """
                arena-akka.worker-dispatcher {
                  type = Dispatcher
                  executor = thread-pool-executor
                  thread-pool-executor {
                    fixed-pool-size = %d
                    allow-core-timeout = off
                  }
                  throughput = 1
                  shutdown-timeout = 100ms
                }
                akka {
                  loglevel = WARNING
                  stdout-loglevel = OFF
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  jvm-shutdown-hooks = off
                  coordinated-shutdown {
                    run-by-jvm-shutdown-hook = off
                    default-phase-timeout = 2 s
                  }
                  actor {
                    default-dispatcher {
                      fork-join-executor { parallelism-min = 1, parallelism-factor = 1.0, parallelism-max = 2 }
                      shutdown-timeout = 100ms
                    }
                    internal-dispatcher {
                      fork-join-executor { parallelism-min = 1, parallelism-factor = 1.0, parallelism-max = 2 }
                      shutdown-timeout = 100ms
                    }
                  }
                  scheduler.shutdown-timeout = 1 s
                }
                """.formatted(workers);
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference(AkkaSettings.class.getClassLoader()));
    }
}
