package dev.flinkedge.registry.model;

/**
 * Thrown when a model value is built from invalid input; names the offending field so that the REST
 * layer can answer 400 with a message a user can act on.
 */
public class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String problem) {
        super("Invalid field '" + field + "': " + problem);
        this.field = field;
    }

    /** The JSON path of the bad field, e.g. {@code lineage.operator.name}. */
    public String field() {
        return field;
    }
}
