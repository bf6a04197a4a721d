package dev.flinkedge.scheduler.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed TCP ports of the local edge cluster, all on localhost. TaskManagers and the blob server
 * pick free ports themselves.
 *
 * @param kafka Kafka's PLAINTEXT listener
 * @param kafkaController Kafka's KRaft controller listener
 * @param registry the registry's REST API
 * @param rest the JobManager's REST API (and web UI)
 * @param jobManagerRpc the JobManager's RPC endpoint, which TaskManagers register with
 */
public record ClusterPorts(
        int kafka, int kafkaController, int registry, int rest, int jobManagerRpc) {

    /** The defaults of {@code flink-edge cluster start}. */
    public static final ClusterPorts DEFAULTS = new ClusterPorts(9092, 9093, 8090, 8081, 6123);

    /** Checks that every port is in 1..65535 and that no two are the same. */
    public ClusterPorts {
        Map<Integer, String> used = new LinkedHashMap<>();
        check(used, kafka, "kafka");
        check(used, kafkaController, "kafka-controller");
        check(used, registry, "registry");
        check(used, rest, "rest");
        check(used, jobManagerRpc, "rpc");
    }

    private static void check(Map<Integer, String> used, int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "--" + name + "-port " + port + " is not a TCP port; use 1..65535");
        }
        String other = used.putIfAbsent(port, name);
        if (other != null) {
            throw new IllegalArgumentException(
                    "--"
                            + name
                            + "-port and --"
                            + other
                            + "-port are"
                            + " both "
                            + port
                            + "; give each its own port");
        }
    }

    /** Every port by the option that sets it, e.g. {@code rest → 8081}. */
    public Map<String, Integer> byOption() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", kafka);
        ports.put("kafka-controller", kafkaController);
        ports.put("registry", registry);
        ports.put("rest", rest);
        ports.put("rpc", jobManagerRpc);
        return ports;
    }
}
