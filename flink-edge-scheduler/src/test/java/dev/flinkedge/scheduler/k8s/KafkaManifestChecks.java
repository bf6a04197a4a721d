package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.kafka.security.BrokerSecurity;
import dev.flinkedge.kafka.security.SaslCredentials;
import dev.flinkedge.registry.storage.RegistryConfig;
import dev.flinkedge.scheduler.k8s.ManifestChecks.MountedFile;
import dev.flinkedge.scheduler.k8s.ManifestChecks.Pod;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.login.AppConfigurationEntry;

/**
 * Checks the secured Kafka of the manifests under {@code k8s/} by value: the broker's settings as
 * the {@code apache/kafka} image writes them from the pod's environment, compared with the local
 * cluster's {@link BrokerSecurity}; and the Kafka client properties files of the registry and the
 * owners as Kafka and {@link java.util.Properties} read them. Every method returns one line per
 * problem; an empty list means the manifests agree.
 */
final class KafkaManifestChecks {

    static final String KAFKA_IMAGE = "apache/kafka";

    /**
     * What the image sets for a variable the pod leaves unset ({@code configureDefaults} of the
     * image's scripts): a broker that relied on them would have a PLAINTEXT listener.
     */
    static final Map<String, String> IMAGE_DEFAULTS =
            Map.ofEntries(
                    Map.entry("KAFKA_NODE_ID", "1"),
                    Map.entry(
                            "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT"),
                    Map.entry(
                            "KAFKA_LISTENERS",
                            "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,"
                                    + "PLAINTEXT_HOST://0.0.0.0:9092"),
                    Map.entry(
                            "KAFKA_ADVERTISED_LISTENERS",
                            "PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092"),
                    Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
                    Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
                    Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
                    Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
                    Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
                    Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:29093"),
                    Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
                    Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
                    Map.entry("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs"));

    /** KAFKA_* variables the image passes to the JVM and its scripts, not to server.properties. */
    private static final Set<String> NOT_SERVER_PROPERTIES =
            Set.of(
                    "KAFKA_VERSION",
                    "KAFKA_HEAP_OPTS",
                    "KAFKA_LOG4J_OPTS",
                    "KAFKA_OPTS",
                    "KAFKA_JMX_OPTS",
                    "KAFKA_JVM_PERFORMANCE_OPTS",
                    "KAFKA_GC_LOG_OPTS",
                    "KAFKA_LOG4J_ROOT_LOGLEVEL",
                    "KAFKA_LOG4J_LOGGERS",
                    "KAFKA_TOOLS_LOG4J_LOGLEVEL",
                    "KAFKA_JMX_HOSTNAME");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern QUOTED_OPTION = Pattern.compile("([A-Za-z0-9_.-]+)=\"([^\"]*)\"");

    private KafkaManifestChecks() {}

    /**
     * The broker property an environment variable of the image sets: {@code KAFKA_} dropped, lower
     * case, {@code _} becomes {@code .}, then {@code ...} becomes {@code -} and {@code ..} becomes
     * {@code _} (the image's KafkaDockerWrapper).
     */
    static String brokerKey(String variable) {
        return variable.substring("KAFKA_".length())
                .toLowerCase(Locale.ROOT)
                .replace("_", ".")
                .replace("...", "-")
                .replace("..", "_");
    }

    /**
     * The server.properties of the pod that runs the Kafka image: the image's defaults for unset
     * variables, then the pod's KAFKA_* variables with Secret references and {@code $(VAR)}
     * resolved as the kubelet resolves them.
     */
    static Map<String, String> brokerProperties(List<Manifest> manifests, List<String> problems) {
        Pod kafka = kafkaPod(manifests, problems);
        if (kafka == null) {
            return Map.of();
        }
        JsonNode container = kafkaContainer(kafka);
        Map<String, String> variables = new LinkedHashMap<>(IMAGE_DEFAULTS);
        variables.putAll(environment(manifests, kafka.where(), container, problems));
        Map<String, String> properties = new TreeMap<>();
        variables.forEach(
                (name, value) -> {
                    if (name.startsWith("KAFKA_") && !NOT_SERVER_PROPERTIES.contains(name)) {
                        properties.put(brokerKey(name), value);
                    }
                });
        return properties;
    }

    /**
     * A container's environment as the kubelet gives it: {@code valueFrom.secretKeyRef} values from
     * the Secrets the manifests define, {@code $(VAR)} replaced by an earlier variable's value.
     */
    static Map<String, String> environment(
            List<Manifest> manifests, String where, JsonNode container, List<String> problems) {
        Map<String, Map<String, String>> secrets = ManifestChecks.secretData(manifests);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("valueFrom")) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                String value =
                        secrets.getOrDefault(ref.path("name").asText(), Map.of())
                                .get(ref.path("key").asText());
                if (value == null) {
                    problems.add(
                            where
                                    + ": env "
                                    + name
                                    + " refers to no key of a Secret the manifests define: "
                                    + variable.path("valueFrom"));
                } else {
                    env.put(name, value);
                }
            } else {
                Matcher m = VARIABLE.matcher(variable.path("value").asText());
                StringBuilder expanded = new StringBuilder();
                while (m.find()) {
                    String value = env.getOrDefault(m.group(1), m.group());
                    m.appendReplacement(expanded, Matcher.quoteReplacement(value));
                }
                m.appendTail(expanded);
                env.put(name, expanded.toString());
            }
        }
        return env;
    }

    /**
     * The broker makes every client log in and authorises every request as the local cluster's
     * broker ({@link BrokerSecurity}, with the broker's PLAIN identity and the registry as super
     * users) does: exactly a client listener, advertised as the Kafka Service's address, and a
     * controller listener bound to localhost, both SASL_PLAINTEXT; the client listener's PLAIN
     * users are the broker and the registry, with the password of the registry's {@code
     * kafka.properties}; no password is written in the Kafka pod's template but in a Secret.
     */
    static List<String> broker(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> broker = brokerProperties(manifests, problems);
        if (broker.isEmpty()) {
            return problems;
        }
        Pod kafka = kafkaPod(manifests, problems);
        String where = kafka.where();
        Map<String, String> listeners = listeners(broker.getOrDefault("listeners", ""));
        Map<String, String> advertised = listeners(broker.getOrDefault("advertised.listeners", ""));
        String controller = broker.getOrDefault("controller.listener.names", "");
        if (advertised.size() != 1) {
            problems.add(where + ": expected one advertised listener, found " + advertised);
            return problems;
        }
        String client = advertised.keySet().iterator().next();
        String address = advertised.get(client);
        Map<String, Set<String>> services = ManifestChecks.servicePorts(manifests);
        String host = address.substring(0, address.lastIndexOf(':'));
        String port = address.substring(address.lastIndexOf(':') + 1);
        if (!services.getOrDefault(host, Set.of()).contains(port)) {
            problems.add(
                    where
                            + ": the advertised listener "
                            + client
                            + " '"
                            + address
                            + "' is no Service host:port; Services: "
                            + new TreeMap<>(services));
        }
        if (!listeners.keySet().equals(Set.of(client, controller))) {
            problems.add(
                    where
                            + ": listeners "
                            + listeners.keySet()
                            + ", expected exactly the client listener "
                            + client
                            + " and the controller listener "
                            + controller);
            return problems;
        }
        if (!listeners.get(client).endsWith(":" + port)) {
            problems.add(
                    where
                            + ": listener "
                            + client
                            + " binds "
                            + listeners.get(client)
                            + ", not the advertised port "
                            + port);
        }
        String controllerAddress = listeners.get(controller);
        String controllerPort = controllerAddress.substring(controllerAddress.lastIndexOf(':') + 1);
        if (!controllerAddress.startsWith("localhost:")
                && !controllerAddress.startsWith("127.0.0.1:")) {
            problems.add(
                    where
                            + ": the controller listener binds '"
                            + controllerAddress
                            + "'; bind it to localhost so that no other pod reaches it");
        }
        for (String voter : broker.getOrDefault("controller.quorum.voters", "").split(",")) {
            if (!voter.matches("\\d+@(localhost|127\\.0\\.0\\.1):" + controllerPort)) {
                problems.add(
                        where
                                + ": controller.quorum.voters '"
                                + voter
                                + "' is not the local controller listener");
            }
        }
        if (services.getOrDefault(host, Set.of()).contains(controllerPort)) {
            problems.add(
                    where + ": Service " + host + " exposes the controller port " + controllerPort);
        }
        for (JsonNode p : kafkaContainer(kafka).path("ports")) {
            if (p.path("containerPort").asText().equals(controllerPort)) {
                problems.add(where + ": the container declares the controller port");
            }
        }
        String controllerJaasKey =
                "listener.name." + controller.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config";
        Jaas brokerLogin = jaas(where + ": " + controllerJaasKey, broker.get(controllerJaasKey));
        ClientLogin registry = registryLogin(manifests, problems);
        if (brokerLogin.problem() != null || registry == null) {
            if (brokerLogin.problem() != null) {
                problems.add(brokerLogin.problem());
            }
            return problems;
        }
        SaslCredentials brokerIdentity =
                SaslCredentials.of(
                        brokerLogin.options().getOrDefault("username", "?"),
                        brokerLogin.options().getOrDefault("password", "?"));
        Map<String, String> expected =
                BrokerSecurity.of(brokerIdentity, List.of(registry.user()))
                        .serverProperties(client, controller);
        String clientPlain =
                "listener.name." + client.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config";
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String key = e.getKey();
            String actual = broker.get(key);
            if (key.endsWith("sasl.jaas.config")) {
                Jaas want = jaas(key, e.getValue());
                if (key.equals(clientPlain)) {
                    want = want.with("user_" + registry.user(), registry.password());
                }
                Jaas have = jaas(where + ": " + key, actual);
                if (have.problem() != null) {
                    problems.add(have.problem());
                } else if (!have.equals(want)) {
                    problems.add(
                            where
                                    + ": "
                                    + key
                                    + " is "
                                    + have.describe()
                                    + ", expected "
                                    + want.describe()
                                    + " (passwords not shown; the registry's from its"
                                    + " kafka.properties)");
                }
            } else if (!e.getValue().equals(actual)) {
                problems.add(
                        where
                                + ": "
                                + key
                                + " is '"
                                + actual
                                + "', expected '"
                                + e.getValue()
                                + "'");
            }
        }
        problems.addAll(passwordsFromSecrets(where, kafkaContainer(kafka)));
        return problems;
    }

    /**
     * Every quoted {@code password} and {@code user_*} value in the Kafka container's environment
     * is a {@code $(VAR)} of a variable taken from a Secret: no password is in the pod template.
     */
    private static List<String> passwordsFromSecrets(String where, JsonNode container) {
        List<String> problems = new ArrayList<>();
        Set<String> fromSecrets = new HashSet<>();
        for (JsonNode variable : container.path("env")) {
            if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                fromSecrets.add(variable.path("name").asText());
            }
            Matcher m = QUOTED_OPTION.matcher(variable.path("value").asText());
            while (m.find()) {
                boolean secret = m.group(1).equals("password") || m.group(1).startsWith("user_");
                Matcher ref = VARIABLE.matcher(m.group(2));
                if (secret && !(ref.matches() && fromSecrets.contains(ref.group(1)))) {
                    problems.add(
                            where
                                    + ": env "
                                    + variable.path("name").asText()
                                    + " writes "
                                    + m.group(1)
                                    + " as a literal; take it from a Secret with"
                                    + " valueFrom.secretKeyRef and $(VAR)");
                }
            }
        }
        return problems;
    }

    /**
     * The registry's Kafka logins: its {@code kafka.properties} (a mounted Secret key) logs in with
     * PLAIN over SASL_PLAINTEXT at the broker's advertised address as a super user of the broker;
     * its {@code kafka.users.file} (a mounted Secret key) has a line for every owner of its tokens
     * file and for the scheduler ({@code kafka.scheduler.user}) and no other; and every owner has a
     * Secret {@code flink-edge-kafka-client-<owner>} whose {@code <owner>.properties} logs in as
     * that owner with SCRAM-SHA-512, the password of the owner's line, at the broker's address, and
     * that the JobManager mounts.
     */
    static List<String> credentials(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> broker = brokerProperties(manifests, problems);
        String address =
                listeners(broker.getOrDefault("advertised.listeners", "")).values().stream()
                        .findFirst()
                        .orElse("?");
        Set<String> superUsers =
                new TreeSet<>(List.of(broker.getOrDefault("super.users", "").split(";")));
        Pod registryPod = registryPod(manifests, problems);
        ClientLogin registry = registryLogin(manifests, problems);
        if (registryPod == null || registry == null) {
            return problems;
        }
        String where = registryPod.where();
        problems.addAll(
                registry.check(
                        where + ": kafka.properties", address, "PLAIN", registry.user(), null));
        if (!superUsers.contains("User:" + registry.user())) {
            problems.add(
                    where
                            + ": the registry logs in as "
                            + registry.user()
                            + ", which is no super user of the broker ("
                            + superUsers
                            + "): it could not create credentials and ACLs");
        }
        Map<String, String> settings = registrySettings(registryPod);
        MountedFile usersFile =
                ManifestChecks.podFiles(manifests, where, registryPod.spec(), problems)
                        .get(settings.getOrDefault(RegistryConfig.KAFKA_USERS_FILE, ""));
        if (usersFile == null) {
            problems.add(
                    where
                            + ": "
                            + RegistryConfig.KAFKA_USERS_FILE
                            + " '"
                            + settings.get(RegistryConfig.KAFKA_USERS_FILE)
                            + "' is no key of a Secret mounted in the registry's pod");
            return problems;
        }
        Properties users = properties(usersFile.content());
        String scheduler =
                settings.getOrDefault(
                        RegistryConfig.KAFKA_SCHEDULER_USER,
                        (String)
                                RegistryConfig.configDef()
                                        .defaultValues()
                                        .get(RegistryConfig.KAFKA_SCHEDULER_USER));
        Set<String> owners = ManifestChecks.registryOwners(manifests);
        for (String user : new TreeSet<>(users.stringPropertyNames())) {
            if (!owners.contains(user) && !user.equals(scheduler)) {
                problems.add(
                        where
                                + ": kafka.users.file names '"
                                + user
                                + "', neither an owner of the tokens file "
                                + owners
                                + " nor the scheduler "
                                + scheduler
                                + ": the registry would make it an owner");
            }
        }
        Map<String, MountedFile> jobManager = ManifestChecks.jobManagerFiles(manifests, problems);
        Map<String, Map<String, String>> secrets = ManifestChecks.secretData(manifests);
        for (String owner : owners) {
            String password = users.getProperty(owner);
            if (password == null || password.isBlank()) {
                problems.add(
                        where
                                + ": kafka.users.file has no password for owner "
                                + owner
                                + ": the registry would create no credential for it");
                continue;
            }
            String secret = "flink-edge-kafka-client-" + owner;
            String key = owner + ".properties";
            String content = secrets.getOrDefault(secret, Map.of()).get(key);
            if (content == null) {
                problems.add("no Secret " + secret + " with key " + key + " for owner " + owner);
                continue;
            }
            problems.addAll(
                    clientLogin(content)
                            .check(
                                    "Secret " + secret + " " + key,
                                    address,
                                    "SCRAM-SHA-512",
                                    owner,
                                    password.trim()));
            boolean mounted =
                    jobManager.entrySet().stream()
                            .anyMatch(
                                    f ->
                                            f.getKey().endsWith("/" + key)
                                                    && f.getValue()
                                                            .source()
                                                            .equals("Secret/" + secret));
            if (!mounted) {
                problems.add(
                        "Secret "
                                + secret
                                + " is not mounted on the JobManager, where "
                                + owner
                                + "'s jobs read "
                                + key);
            }
        }
        return problems;
    }

    /**
     * An owner's Kafka client properties file as its job reads it: named {@code
     * <owner>.properties}, logging in as the owner with SCRAM-SHA-512 over SASL_PLAINTEXT at the
     * broker's advertised address.
     */
    static List<String> ownerLogin(
            List<Manifest> manifests, String what, String path, String content, String owner) {
        List<String> problems = new ArrayList<>();
        if (!path.endsWith("/" + owner + ".properties")) {
            problems.add(what + " '" + path + "' is not the file of --owner '" + owner + "'");
        }
        Map<String, String> broker = brokerProperties(manifests, new ArrayList<>());
        String address =
                listeners(broker.getOrDefault("advertised.listeners", "")).values().stream()
                        .findFirst()
                        .orElse("?");
        problems.addAll(
                clientLogin(content)
                        .check(what + " '" + path + "'", address, "SCRAM-SHA-512", owner, null));
        return problems;
    }

    /** The registry's {@code key=value} arguments. */
    static Map<String, String> registrySettings(Pod registry) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (JsonNode c : registry.spec().path("containers")) {
            for (JsonNode arg : c.path("args")) {
                String text = arg.asText();
                int eq = text.indexOf('=');
                if (eq > 0) {
                    settings.put(text.substring(0, eq), text.substring(eq + 1));
                }
            }
        }
        return settings;
    }

    /**
     * The registry's settings are registry settings ({@link RegistryConfig}), and its tokens file
     * and Kafka files are keys of Secrets mounted in its pod.
     */
    static List<String> registry(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Pod registry = registryPod(manifests, problems);
        if (registry == null) {
            return problems;
        }
        Map<String, String> settings = registrySettings(registry);
        Set<String> known = RegistryConfig.configDef().names();
        settings.keySet().stream()
                .filter(k -> !known.contains(k) && !k.startsWith(RegistryConfig.CLIENT_PREFIX))
                .forEach(
                        k ->
                                problems.add(
                                        registry.where() + ": '" + k + "' is no registry setting"));
        Map<String, MountedFile> files =
                ManifestChecks.podFiles(manifests, registry.where(), registry.spec(), problems);
        for (String key :
                List.of(
                        RegistryConfig.TOKENS_FILE,
                        RegistryConfig.KAFKA_PROPERTIES,
                        RegistryConfig.KAFKA_USERS_FILE)) {
            MountedFile file = files.get(settings.getOrDefault(key, ""));
            if (file == null || !file.source().startsWith("Secret/")) {
                problems.add(
                        registry.where()
                                + ": "
                                + key
                                + " '"
                                + settings.get(key)
                                + "' is no key of a Secret mounted in its pod; mounted: "
                                + new TreeSet<>(files.keySet()));
            }
        }
        return problems;
    }

    private static ClientLogin registryLogin(List<Manifest> manifests, List<String> problems) {
        Pod registry = registryPod(manifests, problems);
        if (registry == null) {
            return null;
        }
        String path = registrySettings(registry).getOrDefault(RegistryConfig.KAFKA_PROPERTIES, "");
        MountedFile file =
                ManifestChecks.podFiles(
                                manifests, registry.where(), registry.spec(), new ArrayList<>())
                        .get(path);
        if (file == null) {
            problems.add(
                    registry.where()
                            + ": kafka.properties '"
                            + path
                            + "' is no file mounted in the registry's pod");
            return null;
        }
        return clientLogin(file.content());
    }

    static Pod registryPod(List<Manifest> manifests, List<String> problems) {
        List<Pod> pods =
                ManifestChecks.pods(manifests).stream()
                        .filter(p -> p.runs(ManifestChecks.REGISTRY_MAIN))
                        .toList();
        if (pods.size() != 1) {
            problems.add(
                    "expected one pod running "
                            + ManifestChecks.REGISTRY_MAIN
                            + ", found "
                            + pods.size());
            return null;
        }
        return pods.get(0);
    }

    private static Pod kafkaPod(List<Manifest> manifests, List<String> problems) {
        List<Pod> pods =
                ManifestChecks.pods(manifests).stream().filter(p -> p.runs(KAFKA_IMAGE)).toList();
        if (pods.size() != 1) {
            problems.add("expected one pod running " + KAFKA_IMAGE + ", found " + pods.size());
            return null;
        }
        return pods.get(0);
    }

    private static JsonNode kafkaContainer(Pod kafka) {
        for (JsonNode c : kafka.spec().path("containers")) {
            if (c.path("image").asText().startsWith(KAFKA_IMAGE)) {
                return c;
            }
        }
        throw new IllegalStateException(kafka.where() + " runs no " + KAFKA_IMAGE + " container");
    }

    /** {@code NAME://host:port,...} as listener name to {@code host:port}, in order. */
    static Map<String, String> listeners(String value) {
        Map<String, String> listeners = new LinkedHashMap<>();
        for (String listener : value.split(",")) {
            int sep = listener.indexOf("://");
            if (sep > 0) {
                listeners.put(
                        listener.substring(0, sep).trim(), listener.substring(sep + 3).trim());
            }
        }
        return listeners;
    }

    static Properties properties(String content) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a properties file: " + e.getMessage(), e);
        }
        return p;
    }

    /** Reads a Kafka client properties file's content as Kafka would. */
    static ClientLogin clientLogin(String content) {
        Properties p = properties(content);
        return new ClientLogin(
                p, jaas(SaslConfigs.SASL_JAAS_CONFIG, p.getProperty(SaslConfigs.SASL_JAAS_CONFIG)));
    }

    /**
     * Parses a JAAS value with Kafka's own parser ({@link JaasContext}), which allows one module.
     */
    static Jaas jaas(String what, String value) {
        if (value == null) {
            return Jaas.failed(what + " is not set");
        }
        try {
            List<AppConfigurationEntry> entries =
                    JaasContext.loadClientContext(
                                    Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(value)))
                            .configurationEntries();
            AppConfigurationEntry entry = entries.get(0);
            Map<String, String> options = new TreeMap<>();
            entry.getOptions().forEach((k, v) -> options.put(k, String.valueOf(v)));
            return new Jaas(
                    entry.getLoginModuleName(), entry.getControlFlag().toString(), options, null);
        } catch (RuntimeException e) {
            return Jaas.failed(what + " does not parse as JAAS: " + e.getMessage());
        }
    }

    /** One JAAS login module: its class, control flag and options, or why it could not be read. */
    record Jaas(String module, String flag, Map<String, String> options, String problem) {

        static Jaas failed(String problem) {
            return new Jaas("", "", Map.of(), problem);
        }

        Jaas with(String option, String value) {
            Map<String, String> more = new TreeMap<>(options);
            more.put(option, value);
            return new Jaas(module, flag, more, problem);
        }

        /** The module, its flag, its user name and the names of its other options. */
        String describe() {
            return module
                    + " "
                    + flag
                    + " username="
                    + options.get("username")
                    + " options "
                    + options.keySet();
        }
    }

    /** A Kafka client properties file's properties and its JAAS login. */
    record ClientLogin(Properties properties, Jaas jaas) {

        String user() {
            return jaas.options().getOrDefault("username", "");
        }

        String password() {
            return jaas.options().getOrDefault("password", "");
        }

        /**
         * Problems of this login against what it must be: SASL_PLAINTEXT to {@code address} with
         * {@code mechanism} as {@code user}, and {@code password} unless null.
         */
        List<String> check(
                String what, String address, String mechanism, String user, String password) {
            List<String> problems = new ArrayList<>();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("bootstrap.servers", address);
            expected.put("security.protocol", "SASL_PLAINTEXT");
            expected.put(SaslConfigs.SASL_MECHANISM, mechanism);
            expected.forEach(
                    (key, value) -> {
                        if (!value.equals(properties.getProperty(key))) {
                            problems.add(
                                    what
                                            + ": "
                                            + key
                                            + " is '"
                                            + properties.getProperty(key)
                                            + "', expected '"
                                            + value
                                            + "'");
                        }
                    });
            if (jaas.problem() != null) {
                problems.add(what + ": " + jaas.problem());
                return problems;
            }
            String module =
                    mechanism.equals("PLAIN")
                            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                            : "org.apache.kafka.common.security.scram.ScramLoginModule";
            if (!jaas.module().equals(module)) {
                problems.add(what + ": logs in with " + jaas.module() + ", expected " + module);
            }
            if (!user().equals(user)) {
                problems.add(what + ": logs in as '" + user() + "', expected '" + user + "'");
            }
            if (password() == null || password().isBlank()) {
                problems.add(what + ": has no password");
            } else if (password != null && !password().equals(password)) {
                problems.add(
                        what
                                + ": the password of "
                                + user
                                + " is not the one in the registry's kafka.users.file");
            }
            return problems;
        }
    }
}
