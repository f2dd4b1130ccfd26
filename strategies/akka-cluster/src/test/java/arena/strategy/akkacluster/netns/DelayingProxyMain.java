package arena.strategy.akkacluster.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP forwarder that adds latency, for nodes in network namespaces ({@code tc netem} is not in every
 * kernel): {@code DelayingProxyMain LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS} accepts
 * connections on the listen address and forwards each, both ways, to the target, every piece of data
 * held until {@code DELAY_MS} after it was read. It measures what it adds: each second in which data
 * passed it prints {@code proxy held N pieces, min A ms, max B ms} (from read to the end of the write),
 * after {@code proxy up} once it listens. Runs until killed; one platform thread per direction.
 */
public final class DelayingProxyMain {

    private static final AtomicLong pieces = new AtomicLong();
    private static final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong maxNanos = new AtomicLong();

    private DelayingProxyMain() {
    }

    /** Forwards as the class comment says, until killed. */
    public static void main(String[] args) throws IOException {
        InetSocketAddress target = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        long delayNanos = Long.parseLong(args[4]) * 1_000_000L;
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getByName(args[0]))) {
            System.out.println("proxy up");
            Thread.ofPlatform().daemon().start(DelayingProxyMain::report);
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                forward(client, upstream, delayNanos);
                forward(upstream, client, delayNanos);
            }
        }
    }

    /** A piece of data read at {@code readNanos}. */
    private record Piece(byte[] bytes, long readNanos) {
    }

    private static void forward(Socket from, Socket to, long delayNanos) {
        BlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.put(new Piece(Arrays.copyOf(buffer, n), System.nanoTime()));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            queue.add(new Piece(null, 0));
        });
        Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Piece piece = queue.take();
                    if (piece.bytes() == null) {
                        break;
                    }
                    long wait;
                    while ((wait = piece.readNanos() + delayNanos - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(piece.bytes());
                    out.flush();
                    long held = System.nanoTime() - piece.readNanos();
                    pieces.incrementAndGet();
                    minNanos.accumulateAndGet(held, Math::min);
                    maxNanos.accumulateAndGet(held, Math::max);
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
    }

    private static void report() {
        long printed = 0;
        while (true) {
            LockSupport.parkNanos(1_000_000_000L);
            long count = pieces.get();
            if (count != printed) {
                System.out.printf("proxy held %d pieces, min %.3f ms, max %.3f ms%n", count, minNanos.get() / 1e6, maxNanos.get() / 1e6);
                printed = count;
            }
        }
    }
}
