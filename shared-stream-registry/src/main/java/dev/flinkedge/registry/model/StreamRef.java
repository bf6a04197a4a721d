package dev.flinkedge.registry.model;

/**
 * A stream's identity in the registry: its owner and its name.
 *
 * @param owner the owning principal
 * @param name the stream name, unique per owner
 */
public record StreamRef(String owner, String name)
        implements Comparable<StreamRef>, java.io.Serializable {

    public StreamRef {
        Names.checkOwner("owner", owner);
        Names.checkStreamName("name", name);
    }

    /** Parses {@code owner/name}. */
    public static StreamRef parse(String ref) {
        int slash = ref == null ? -1 : ref.indexOf('/');
        if (slash < 0) {
            throw new InvalidFieldException(
                    "stream", "'" + ref + "' is not an owner/name reference");
        }
        return new StreamRef(ref.substring(0, slash), ref.substring(slash + 1));
    }

    /** Whether {@code s} is a well-formed {@code owner/name} reference. */
    public static boolean isRef(String s) {
        int slash = s.indexOf('/');
        return slash > 0
                && Names.OWNER_NAME.matcher(s.substring(0, slash)).matches()
                && Names.STREAM_NAME.matcher(s.substring(slash + 1)).matches();
    }

    @Override
    public int compareTo(StreamRef o) {
        int c = owner.compareTo(o.owner);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
