package arena.bench;

/** How a command prints its result: a table for people or JSON for programs. */
public enum OutputFormat {
    /** Aligned text for a terminal. */
    text,
    /** One JSON document on stdout. */
    json
}
