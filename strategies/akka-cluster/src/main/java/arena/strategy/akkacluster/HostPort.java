package arena.strategy.akkacluster;

import arena.core.input.InvalidInputException;
import arena.core.input.NumberText;

/**
 * A node's network address as the command line writes it, {@code host:port} ({@code [v6]:port} for
 * an IPv6 literal). Immutable.
 *
 * @param host a host name or address, without brackets
 * @param port 0 (any free port, only for a node's own address) to 65535
 */
record HostPort(String host, int port) {

    /** Rejects a blank host and a port outside 0..65535. */
    HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host is needed");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, got " + port);
        }
    }

    /**
     * Parses {@code host:port} with a port from 1 to 65535, the address of a running node.
     *
     * @throws InvalidInputException naming {@code parameter} and showing the expected form
     */
    static HostPort parse(String parameter, String text) {
        String s = text == null ? "" : text;
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? s : s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = "";
        }
        if (colon < 0 || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(parameter, parameter + " must be host:port of a running cluster node, e.g. "
                    + "127.0.0.1:25520 (IPv6 as [::1]:25520), got '" + text + "'");
        }
        String digits = s.substring(colon + 1);
        int port = NumberText.isWhole(digits) && digits.length() <= 5 ? Integer.parseInt(digits) : -1;
        if (port < 1 || port > 65_535) {
            throw new InvalidInputException(parameter, parameter + " '" + text + "' has no valid port: give host:port with a "
                    + "port from 1 to 65535, e.g. 127.0.0.1:25520");
        }
        return new HostPort(host, port);
    }

    /** The host as Akka addresses write it: IPv6 literals in brackets. */
    String uriHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** {@code host:port}, parseable by {@link #parse}. */
    @Override
    public String toString() {
        return uriHost() + ":" + port;
    }
}
