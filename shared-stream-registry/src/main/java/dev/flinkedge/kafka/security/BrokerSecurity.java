package dev.flinkedge.kafka.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a flink-edge Kafka broker authenticates and authorises: SASL on every listener, SCRAM-SHA-512
 * for clients, KRaft's {@code StandardAuthorizer} that denies what no ACL allows, and the super
 * users. The broker itself logs in to its controller and to itself with PLAIN under an identity
 * only the broker knows, so that no SCRAM credential has to exist before the first start.
 *
 * <p>The same properties configure the embedded broker ({@code EmbeddedKafka}) and the local
 * cluster's broker process, so both enforce the same rules.
 */
public final class BrokerSecurity {

    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private final SaslCredentials broker;
    private final List<String> superUsers;

    private BrokerSecurity(SaslCredentials broker, List<String> superUsers) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.superUsers = List.copyOf(superUsers);
    }

    /**
     * A broker whose only super users are its own identity and {@code superUsers}.
     *
     * @param broker the broker's PLAIN identity
     * @param superUsers SASL user names allowed everything (the registry's principal)
     */
    public static BrokerSecurity of(SaslCredentials broker, List<String> superUsers) {
        return new BrokerSecurity(broker, superUsers);
    }

    /** The broker's own identity, for bootstrapping the first SCRAM credentials. */
    public SaslCredentials broker() {
        return broker;
    }

    /** User names with every permission, besides the broker itself. */
    public List<String> superUsers() {
        return superUsers;
    }

    /**
     * The broker properties that turn security on.
     *
     * @param clientListener name of the listener clients use (also the inter-broker listener)
     * @param controllerListener name of the KRaft controller listener
     */
    public Map<String, String> serverProperties(String clientListener, String controllerListener) {
        String client = "listener.name." + clientListener.toLowerCase(Locale.ROOT) + ".";
        String controller = "listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".";
        String plainJaas =
                broker.jaas(
                        "org.apache.kafka.common.security.plain.PlainLoginModule",
                        " user_"
                                + broker.user()
                                + "=\""
                                + SaslCredentials.escape(broker.password())
                                + "\"");
        Map<String, String> props = new LinkedHashMap<>();
        props.put(
                "listener.security.protocol.map",
                clientListener + ":SASL_PLAINTEXT," + controllerListener + ":SASL_PLAINTEXT");
        props.put("inter.broker.listener.name", clientListener);
        props.put("sasl.enabled.mechanisms", SaslCredentials.SCRAM_MECHANISM);
        props.put(
                client + "sasl.enabled.mechanisms",
                SaslCredentials.SCRAM_MECHANISM + "," + SaslCredentials.PLAIN_MECHANISM);
        props.put(controller + "sasl.enabled.mechanisms", SaslCredentials.PLAIN_MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", SaslCredentials.PLAIN_MECHANISM);
        props.put("sasl.mechanism.controller.protocol", SaslCredentials.PLAIN_MECHANISM);
        props.put(client + "plain.sasl.jaas.config", plainJaas);
        props.put(controller + "plain.sasl.jaas.config", plainJaas);
        props.put(
                client + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("authorizer.class.name", AUTHORIZER);
        props.put("allow.everyone.if.no.acl.found", "false");
        List<String> supers = new ArrayList<>();
        supers.add(broker.principal());
        superUsers.forEach(u -> supers.add("User:" + u));
        props.put("super.users", String.join(";", supers));
        return props;
    }

    @Override
    public String toString() {
        return "BrokerSecurity{broker=" + broker.user() + ", superUsers=" + superUsers + "}";
    }
}
