package dev.flinkedge.registry.model;

/**
 * Names the Kafka topics that jobs write their results to. A result topic lives in its owner's
 * namespace, {@code flinkedge.<enc(owner)>.results.<enc(name)>}, so that the owner's prefixed ACL
 * covers it and no other owner can read it. It never collides with a stream topic: those hold
 * exactly two dots, result topics three (the encoded parts hold none, see {@link
 * StreamDescriptor#topicFor}).
 */
public final class ResultTopics {

    /** The segment between the owner and the result name. */
    public static final String SEGMENT = "results";

    private ResultTopics() {}

    /**
     * The topic of the results called {@code name} of {@code owner}'s jobs.
     *
     * @throws InvalidFieldException if the owner or the name is not a valid name, or the topic
     *     would exceed Kafka's longest topic name
     */
    public static String topicFor(String owner, String name) {
        Names.checkOwner("owner", owner);
        Names.checkStreamName("results", name);
        String topic =
                StreamDescriptor.topicPrefixFor(owner)
                        + SEGMENT
                        + "."
                        + StreamDescriptor.encodeForTopic(name);
        if (topic.length() > StreamDescriptor.MAX_TOPIC_LENGTH) {
            throw new InvalidFieldException(
                    "results",
                    "'"
                            + Names.abbreviate(name)
                            + "' gives the Kafka topic a name of "
                            + topic.length()
                            + " characters, more than Kafka's "
                            + StreamDescriptor.MAX_TOPIC_LENGTH
                            + "; choose a shorter name");
        }
        return topic;
    }

    /**
     * The topic that {@code ref} names: {@code OWNER/NAME} for a job's results, anything without a
     * '/' for a topic by its Kafka name.
     *
     * @throws InvalidFieldException if {@code OWNER/NAME} names an invalid owner or name
     */
    public static String resolve(String ref) {
        int slash = ref.indexOf('/');
        return slash < 0 ? ref : topicFor(ref.substring(0, slash), ref.substring(slash + 1));
    }
}
