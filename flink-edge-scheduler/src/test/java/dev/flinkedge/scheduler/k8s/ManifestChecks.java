package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import dev.flinkedge.registry.errors.UnauthenticatedException;
import dev.flinkedge.registry.rest.RegistryServer;
import dev.flinkedge.registry.rest.TokenAuthenticator;
import dev.flinkedge.scheduler.topology.Site;
import dev.flinkedge.scheduler.topology.Tier;
import dev.flinkedge.scheduler.topology.Topology;

import io.fabric8.kubernetes.api.model.Quantity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the manifests under {@code k8s/} beyond the CRD schemas: the structure of plain resources
 * and the references between files. Every method returns one line per problem, naming the document
 * and the fix; an empty list means the manifests are consistent.
 */
final class ManifestChecks {

    static final String SITE_LABEL = "flinkedge.dev/site";

    /** The main class the registry's container runs, with registry settings as arguments. */
    static final String REGISTRY_MAIN = RegistryServer.class.getName();

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");

    /** What runs pods from a plain template: the workloads and the CLI's one-off Jobs. */
    private static final Set<String> RUNNERS = Set.of("Deployment", "StatefulSet", "Job");

    private ManifestChecks() {}

    /** Every document has {@code apiVersion}, {@code kind} and {@code metadata.name}. */
    static List<String> identity(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            for (String field : List.of("apiVersion", "kind")) {
                if (m.document().path(field).asText("").isBlank()) {
                    problems.add(m.where() + ": missing '" + field + "'");
                }
            }
            if (m.name().isBlank()) {
                problems.add(m.where() + ": missing 'metadata.name'");
            }
        }
        return problems;
    }

    /**
     * Every Deployment and StatefulSet selects its own pod template's labels and gives each
     * container a name and an image.
     */
    static List<String> workloads(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : of(manifests, WORKLOADS)) {
            JsonNode spec = m.document().path("spec");
            JsonNode selector = spec.path("selector").path("matchLabels");
            JsonNode labels = spec.path("template").path("metadata").path("labels");
            if (!selector.isObject() || selector.isEmpty()) {
                problems.add(m.where() + ": missing spec.selector.matchLabels");
            }
            selector.fields()
                    .forEachRemaining(
                            label -> {
                                if (!label.getValue().equals(labels.get(label.getKey()))) {
                                    problems.add(
                                            m.where()
                                                    + ": selector label "
                                                    + label.getKey()
                                                    + "="
                                                    + label.getValue().asText()
                                                    + " is not on"
                                                    + " spec.template.metadata.labels; add it there or the workload"
                                                    + " selects none of its pods");
                                }
                            });
            JsonNode containers = spec.path("template").path("spec").path("containers");
            if (!containers.isArray() || containers.isEmpty()) {
                problems.add(m.where() + ": no containers in spec.template.spec.containers");
            }
            for (JsonNode container : containers) {
                for (String field : List.of("name", "image")) {
                    if (container.path(field).asText("").isBlank()) {
                        problems.add(m.where() + ": a container has no '" + field + "'");
                    }
                }
            }
        }
        return problems;
    }

    /** Every FlinkSessionJob's {@code spec.deploymentName} names a FlinkDeployment. */
    static List<String> sessionJobs(List<Manifest> manifests) {
        Set<String> deployments = names(of(manifests, Set.of("FlinkDeployment")));
        List<String> problems = new ArrayList<>();
        for (Manifest job : of(manifests, Set.of("FlinkSessionJob"))) {
            String target = job.document().path("spec").path("deploymentName").asText("");
            if (!deployments.contains(target)) {
                problems.add(
                        job.where()
                                + ": spec.deploymentName '"
                                + target
                                + "' names no"
                                + " FlinkDeployment; use one of "
                                + sorted(deployments));
            }
        }
        return problems;
    }

    /**
     * Every Secret a workload mounts, plainly or projected, exists, and a {@code
     * --bootstrap-servers} host is a Service.
     */
    static List<String> references(List<Manifest> manifests) {
        Set<String> secrets = names(of(manifests, Set.of("Secret")));
        Set<String> services = names(of(manifests, Set.of("Service")));
        List<String> problems = new ArrayList<>();
        for (Manifest m : of(manifests, WORKLOADS)) {
            for (JsonNode volume : m.document().at("/spec/template/spec/volumes")) {
                List<String> mounted = new ArrayList<>();
                if (volume.has("secret")) {
                    mounted.add(volume.at("/secret/secretName").asText(""));
                }
                volume.at("/projected/sources")
                        .forEach(
                                source -> {
                                    if (source.has("secret")) {
                                        mounted.add(source.at("/secret/name").asText(""));
                                    }
                                });
                for (String secret : mounted) {
                    if (!secrets.contains(secret)) {
                        problems.add(
                                m.where()
                                        + ": volume '"
                                        + volume.path("name").asText()
                                        + "' mounts Secret '"
                                        + secret
                                        + "', which no manifest defines");
                    }
                }
            }
            for (JsonNode container : m.document().at("/spec/template/spec/containers")) {
                List<String> args = texts(container.path("args"));
                int flag = args.indexOf("--bootstrap-servers");
                if (flag >= 0) {
                    String host = flag + 1 < args.size() ? args.get(flag + 1).split(":")[0] : "";
                    if (!services.contains(host)) {
                        problems.add(
                                m.where()
                                        + ": --bootstrap-servers host '"
                                        + host
                                        + "' is no"
                                        + " Service; use the Kafka Service, one of "
                                        + sorted(services));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * What each FlinkSessionJob's arguments point at exists: the hosts and ports of {@code
     * --registry.url} and, if given, {@code --kafka.bootstrap-servers} are Services with those
     * ports; {@code --registry.token-file}, {@code --kafka.properties}, {@code --cameras.catalog}
     * and {@code --placement.topology} are keys of a Secret or ConfigMap mounted on the JobManager
     * (where a session job's main runs) at their directory; {@code --detect.model} lies under a
     * volume every TaskManager pod mounts; each owner's job token equals the one the registry's
     * tokens file maps to that owner; and the Kafka client properties are the owner's own login
     * ({@link KafkaManifestChecks#ownerLogin}).
     */
    static List<String> sessionJobArguments(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> servicePorts = servicePorts(manifests);
        Map<String, MountedFile> mounted = jobManagerFiles(manifests, problems);
        List<Set<String>> taskManagerMounts = taskManagerMountPaths(manifests);
        List<TokenAuthenticator> registry = registryTokens(manifests, new ArrayList<>());
        for (Manifest job : of(manifests, Set.of("FlinkSessionJob"))) {
            Map<String, String> args = options(job.document().at("/spec/job/args"));
            for (String flag : List.of("--registry.url", "--kafka.bootstrap-servers")) {
                if (flag.startsWith("--kafka") && !args.containsKey(flag)) {
                    continue;
                }
                String address = args.getOrDefault(flag, "").replaceFirst("^https?://", "");
                String[] hostPort = address.split(":");
                Set<String> ports = servicePorts.getOrDefault(hostPort[0], Set.of());
                if (hostPort.length != 2 || !ports.contains(hostPort[1])) {
                    problems.add(
                            job.where()
                                    + ": "
                                    + flag
                                    + " '"
                                    + args.get(flag)
                                    + "' is no"
                                    + " Service host:port; Services: "
                                    + new TreeMap<>(servicePorts));
                }
            }
            for (String flag :
                    List.of(
                            "--registry.token-file",
                            "--kafka.properties",
                            "--cameras.catalog",
                            "--placement.topology")) {
                String file = args.getOrDefault(flag, "");
                if (!mounted.containsKey(file)) {
                    problems.add(
                            job.where()
                                    + ": "
                                    + flag
                                    + " '"
                                    + file
                                    + "' is no key of a"
                                    + " Secret or ConfigMap mounted on the JobManager; mounted: "
                                    + new TreeSet<>(mounted.keySet()));
                }
            }
            String owner = args.getOrDefault("--owner", "");
            String tokenFile = args.getOrDefault("--registry.token-file", "");
            if (!tokenFile.endsWith("/" + owner)) {
                problems.add(
                        job.where()
                                + ": --registry.token-file '"
                                + tokenFile
                                + "' is not"
                                + " the token of --owner '"
                                + owner
                                + "'");
            } else if (mounted.containsKey(tokenFile)
                    && !owner.equals(registryOwner(registry, mounted.get(tokenFile).content()))) {
                problems.add(
                        job.where()
                                + ": the token in "
                                + tokenFile
                                + " is not the one the"
                                + " registry's tokens file maps to "
                                + owner);
            }
            String kafkaFile = args.getOrDefault("--kafka.properties", "");
            if (mounted.containsKey(kafkaFile)) {
                problems.addAll(
                        KafkaManifestChecks.ownerLogin(
                                manifests,
                                job.where() + ": --kafka.properties",
                                kafkaFile,
                                mounted.get(kafkaFile).content(),
                                owner));
            }
            String model = args.getOrDefault("--detect.model", "");
            for (Set<String> mounts : taskManagerMounts) {
                if (mounts.stream().noneMatch(m -> model.startsWith(m + "/"))) {
                    problems.add(
                            job.where()
                                    + ": --detect.model '"
                                    + model
                                    + "' is under no"
                                    + " volume of a TaskManager pod that mounts "
                                    + mounts);
                }
            }
        }
        return problems;
    }

    /**
     * The stream supervisor (the workload running {@code supervisor start}) reaches what it needs:
     * {@code --registry} and, if given, {@code --bootstrap-servers} are Services with those ports,
     * {@code --flink-rest} is the REST Service the operator makes for the FlinkDeployment, {@code
     * --tokens} is a Secret mounted in its pod whose every owner key the JobManager sees under
     * {@code --host-job-token-dir} (where host jobs' mains read their token), every such owner's
     * {@code <owner>.properties} under {@code --host-job-kafka-properties-dir} is the owner's Kafka
     * login both on the JobManager (where host jobs read it) and in the supervisor's pod (which
     * checks that it exists before passing its path), {@code --job-jar} is the plain jobs jar in
     * the image's {@code lib/}, and the host jobs' catalog, topology and model are where the
     * session jobs find them.
     */
    static List<String> supervisor(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        List<Manifest> supervisors = new ArrayList<>();
        for (Manifest m : of(manifests, WORKLOADS)) {
            for (JsonNode c : m.document().at("/spec/template/spec/containers")) {
                List<String> args = texts(c.path("args"));
                if (args.size() >= 2 && args.subList(0, 2).equals(List.of("supervisor", "start"))) {
                    supervisors.add(m);
                }
            }
        }
        if (supervisors.size() != 1) {
            problems.add("expected one workload running 'supervisor start', found " + supervisors);
            return problems;
        }
        Manifest m = supervisors.get(0);
        JsonNode pod = m.document().at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);
        List<String> args = texts(container.path("args"));
        Map<String, String> options = options(container.path("args"));
        Map<String, Set<String>> servicePorts = servicePorts(manifests);
        for (String flag : List.of("--registry", "--bootstrap-servers")) {
            if (flag.equals("--bootstrap-servers") && !options.containsKey(flag)) {
                continue;
            }
            String[] hostPort =
                    options.getOrDefault(flag, "").replaceFirst("^https?://", "").split(":");
            if (hostPort.length != 2
                    || !servicePorts.getOrDefault(hostPort[0], Set.of()).contains(hostPort[1])) {
                problems.add(
                        m.where() + ": " + flag + " '" + options.get(flag) + "' is no Service");
            }
        }
        Set<String> restServices = new TreeSet<>();
        of(manifests, Set.of("FlinkDeployment"))
                .forEach(d -> restServices.add("http://" + d.name() + "-rest:8081"));
        if (!restServices.contains(options.getOrDefault("--flink-rest", ""))) {
            problems.add(
                    m.where()
                            + ": --flink-rest '"
                            + options.get("--flink-rest")
                            + "' is not the session cluster's REST Service, one of "
                            + restServices);
        }
        Map<String, String> mountedSecrets = new HashMap<>();
        Map<String, String> mountPaths = new HashMap<>();
        container
                .path("volumeMounts")
                .forEach(
                        v -> mountPaths.put(v.path("name").asText(), v.path("mountPath").asText()));
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("secret")) {
                mountedSecrets.put(
                        mountPaths.get(volume.path("name").asText()),
                        volume.at("/secret/secretName").asText());
            }
        }
        String secret = mountedSecrets.get(options.getOrDefault("--tokens", ""));
        Manifest tokens =
                of(manifests, Set.of("Secret")).stream()
                        .filter(x -> x.name().equals(secret))
                        .findFirst()
                        .orElse(null);
        if (tokens == null) {
            problems.add(
                    m.where()
                            + ": --tokens '"
                            + options.get("--tokens")
                            + "' is no mounted Secret of this pod; mounted: "
                            + mountedSecrets);
        } else {
            Map<String, MountedFile> jobManager = jobManagerFiles(manifests, problems);
            Map<String, MountedFile> own = podFiles(manifests, m.where(), pod, problems);
            String kafkaDir = options.getOrDefault("--host-job-kafka-properties-dir", "");
            tokens.document()
                    .path("stringData")
                    .fieldNames()
                    .forEachRemaining(
                            owner -> {
                                String file = kafkaDir + "/" + owner + ".properties";
                                if (!jobManager.containsKey(file)) {
                                    problems.add(
                                            m.where()
                                                    + ": the JobManager has no Kafka client"
                                                    + " properties of "
                                                    + owner
                                                    + " at --host-job-kafka-properties-dir '"
                                                    + kafkaDir
                                                    + "'");
                                    return;
                                }
                                if (!own.containsKey(file)
                                        || !own.get(file).equals(jobManager.get(file))) {
                                    problems.add(
                                            m.where()
                                                    + ": the supervisor's pod lacks the"
                                                    + " JobManager's "
                                                    + file
                                                    + ": it refuses to start host jobs of "
                                                    + owner
                                                    + " without it");
                                }
                                problems.addAll(
                                        KafkaManifestChecks.ownerLogin(
                                                manifests,
                                                m.where() + ": host jobs' --kafka.properties",
                                                file,
                                                jobManager.get(file).content(),
                                                owner));
                            });
            String dir = options.getOrDefault("--host-job-token-dir", "");
            tokens.document()
                    .path("stringData")
                    .fieldNames()
                    .forEachRemaining(
                            owner -> {
                                if (!jobManager.containsKey(dir + "/" + owner)) {
                                    problems.add(
                                            m.where()
                                                    + ": the JobManager has no token of "
                                                    + owner
                                                    + " at --host-job-token-dir "
                                                    + dir);
                                }
                            });
            Map<String, String> hostArgs = new HashMap<>();
            List<String> hostArgList =
                    args.stream()
                            .filter(a -> a.startsWith("--host-job-arg="))
                            .map(a -> a.substring("--host-job-arg=".length()))
                            .toList();
            for (int i = 0; i + 1 < hostArgList.size(); i += 2) {
                hostArgs.put(hostArgList.get(i), hostArgList.get(i + 1));
            }
            for (String flag : List.of("--cameras.catalog", "--placement.topology")) {
                if (!jobManager.containsKey(hostArgs.getOrDefault(flag, ""))) {
                    problems.add(
                            m.where()
                                    + ": host job "
                                    + flag
                                    + " '"
                                    + hostArgs.get(flag)
                                    + "' is not mounted on the JobManager");
                }
            }
            String model = hostArgs.getOrDefault("--detect.model", "");
            for (Set<String> mounts : taskManagerMountPaths(manifests)) {
                if (mounts.stream().noneMatch(x -> model.startsWith(x + "/"))) {
                    problems.add(
                            m.where()
                                    + ": host job --detect.model '"
                                    + model
                                    + "' is under no volume of a TaskManager pod");
                }
            }
        }
        String jar = options.getOrDefault("--job-jar", "");
        if (!jar.matches("/opt/flink/lib/flink-edge-jobs-[^/]*\\.jar")
                || jar.endsWith("-job.jar")) {
            problems.add(
                    m.where()
                            + ": --job-jar '"
                            + jar
                            + "' is not the plain jobs jar the image has in /opt/flink/lib/"
                            + " (the shaded one would bring a second Kafka connector)");
        }
        return problems;
    }

    /**
     * The TaskManager pools match the topology: every pool (a workload whose pods carry {@value
     * #SITE_LABEL}) runs on a site of the topology and declares that site as its external resource,
     * and every edge or cloud site with slots has a pool or is the FlinkDeployment's.
     */
    static List<String> taskManagerPools(List<Manifest> manifests, Topology topology) {
        List<String> problems = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Manifest m : of(manifests, WORKLOADS)) {
            JsonNode podSpec = m.document().at("/spec/template/spec");
            String site = podSpec.path("nodeSelector").path(SITE_LABEL).asText("");
            if (site.isEmpty()) {
                continue;
            }
            covered.add(site);
            if (!topology.contains(site)) {
                problems.add(
                        m.where()
                                + ": nodeSelector "
                                + SITE_LABEL
                                + "="
                                + site
                                + " is no site"
                                + " of the topology; use one of "
                                + sorted(siteIds(topology)));
                continue;
            }
            List<String> args = texts(podSpec.path("containers").path(0).path("args"));
            for (String expected :
                    List.of(
                            "-Dexternal-resources=" + site,
                            "-Dexternal-resource."
                                    + site
                                    + ".amount="
                                    + topology.site(site).slots())) {
                if (!args.contains(expected)) {
                    problems.add(m.where() + ": the TaskManager's args lack " + expected);
                }
            }
        }
        for (Manifest m : of(manifests, Set.of("FlinkDeployment"))) {
            covered.add(
                    m.document()
                            .at("/spec/flinkConfiguration")
                            .path("external-resources")
                            .asText(""));
        }
        for (Site site : topology.sites()) {
            if (site.tier() != Tier.DEVICE && site.slots() > 0 && !covered.contains(site.id())) {
                problems.add(
                        "site "
                                + site.id()
                                + " has "
                                + site.slots()
                                + " slots but no"
                                + " TaskManager pool; add k8s/taskmanagers-"
                                + site.id()
                                + ".yaml");
            }
        }
        return problems;
    }

    static Map<String, Set<String>> servicePorts(List<Manifest> manifests) {
        Map<String, Set<String>> ports = new HashMap<>();
        for (Manifest service : of(manifests, Set.of("Service"))) {
            for (JsonNode port : service.document().at("/spec/ports")) {
                ports.computeIfAbsent(service.name(), s -> new TreeSet<>())
                        .add(port.path("port").asText());
            }
        }
        return ports;
    }

    /**
     * A file a pod sees from a Secret or ConfigMap key.
     *
     * @param source {@code Secret/<name>} or {@code ConfigMap/<name>}
     * @param content the key's value
     */
    record MountedFile(String source, String content) {}

    /** Every Secret's keys and values: {@code stringData}, and {@code data} decoded. */
    static Map<String, Map<String, String>> secretData(List<Manifest> manifests) {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (Manifest m : of(manifests, Set.of("Secret"))) {
            Map<String, String> keys = new TreeMap<>();
            m.document()
                    .path("data")
                    .fields()
                    .forEachRemaining(
                            e ->
                                    keys.put(
                                            e.getKey(),
                                            new String(
                                                    Base64.getDecoder()
                                                            .decode(e.getValue().asText()),
                                                    StandardCharsets.UTF_8)));
            m.document()
                    .path("stringData")
                    .fields()
                    .forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
            secrets.put(m.name(), keys);
        }
        return secrets;
    }

    /** Every ConfigMap's keys and values. */
    private static Map<String, Map<String, String>> configMapData(List<Manifest> manifests) {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (Manifest m : of(manifests, Set.of("ConfigMap"))) {
            Map<String, String> keys = new TreeMap<>();
            m.document()
                    .path("data")
                    .fields()
                    .forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
            maps.put(m.name(), keys);
        }
        return maps;
    }

    /**
     * The files a pod sees from Secrets and ConfigMaps, plain or projected, path to file; {@code
     * problems} gets a line for each such volume whose source no manifest defines or that no
     * container mounts.
     */
    static Map<String, MountedFile> podFiles(
            List<Manifest> manifests, String where, JsonNode pod, List<String> problems) {
        Map<String, Map<String, String>> data = new HashMap<>();
        secretData(manifests).forEach((name, keys) -> data.put("Secret/" + name, keys));
        configMapData(manifests).forEach((name, keys) -> data.put("ConfigMap/" + name, keys));
        Map<String, String> mountPaths = new HashMap<>();
        for (JsonNode container : pod.path("containers")) {
            for (JsonNode mount : container.path("volumeMounts")) {
                mountPaths.put(mount.path("name").asText(), mount.path("mountPath").asText());
            }
        }
        Map<String, MountedFile> files = new HashMap<>();
        for (JsonNode volume : pod.path("volumes")) {
            List<JsonNode> sources = new ArrayList<>();
            if (volume.has("projected")) {
                volume.at("/projected/sources").forEach(sources::add);
            } else if (volume.has("secret") || volume.has("configMap")) {
                sources.add(volume);
            }
            String name = volume.path("name").asText();
            String dir = mountPaths.get(name);
            for (JsonNode s : sources) {
                String source =
                        s.has("secret")
                                ? "Secret/"
                                        + s.at("/secret/secretName")
                                                .asText(s.at("/secret/name").asText())
                                : "ConfigMap/" + s.at("/configMap/name").asText();
                Map<String, String> keys = data.get(source);
                if (keys == null || dir == null) {
                    problems.add(
                            where
                                    + ": volume '"
                                    + name
                                    + "' mounts "
                                    + source
                                    + (keys == null
                                            ? ", which no manifest defines"
                                            : " but no container mounts it"));
                    continue;
                }
                Map<String, String> paths = new TreeMap<>();
                JsonNode items = s.path(s.has("secret") ? "secret" : "configMap").path("items");
                if (items.isArray() && !items.isEmpty()) {
                    items.forEach(i -> paths.put(i.path("key").asText(), i.path("path").asText()));
                } else {
                    keys.keySet().forEach(k -> paths.put(k, k));
                }
                paths.forEach(
                        (key, path) -> {
                            if (keys.containsKey(key)) {
                                files.put(dir + "/" + path, new MountedFile(source, keys.get(key)));
                            }
                        });
            }
        }
        return files;
    }

    /**
     * The files the JobManager pod sees from Secrets and ConfigMaps, path to file; {@code problems}
     * also gets a line for a claimed volume whose claim is missing or unmounted.
     */
    static Map<String, MountedFile> jobManagerFiles(
            List<Manifest> manifests, List<String> problems) {
        Map<String, MountedFile> files = new HashMap<>();
        Set<String> claims =
                of(manifests, Set.of("PersistentVolumeClaim")).stream()
                        .map(Manifest::name)
                        .collect(Collectors.toSet());
        for (Manifest m : of(manifests, Set.of("FlinkDeployment"))) {
            JsonNode pod = m.document().at("/spec/jobManager/podTemplate/spec");
            Set<String> mounted = new HashSet<>();
            pod.path("containers")
                    .forEach(
                            c ->
                                    c.path("volumeMounts")
                                            .forEach(v -> mounted.add(v.path("name").asText())));
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("persistentVolumeClaim")) {
                    String claim = volume.at("/persistentVolumeClaim/claimName").asText();
                    if (!claims.contains(claim)
                            || !mounted.contains(volume.path("name").asText())) {
                        problems.add(
                                m.where()
                                        + ": JobManager volume '"
                                        + volume.path("name").asText()
                                        + "' claims PersistentVolumeClaim/"
                                        + claim
                                        + (claims.contains(claim)
                                                ? " but no container mounts it"
                                                : ", which no manifest defines"));
                    }
                }
            }
            files.putAll(podFiles(manifests, m.where() + " JobManager", pod, problems));
        }
        return files;
    }

    /** The volume mount paths of each TaskManager pod: the FlinkDeployment's and every pool's. */
    private static List<Set<String>> taskManagerMountPaths(List<Manifest> manifests) {
        List<JsonNode> pods = new ArrayList<>();
        of(manifests, Set.of("FlinkDeployment"))
                .forEach(m -> pods.add(m.document().at("/spec/taskManager/podTemplate/spec")));
        for (Manifest m : of(manifests, WORKLOADS)) {
            JsonNode pod = m.document().at("/spec/template/spec");
            if (pod.path("nodeSelector").has(SITE_LABEL)) {
                pods.add(pod);
            }
        }
        List<Set<String>> mounts = new ArrayList<>();
        for (JsonNode pod : pods) {
            Set<String> paths = new HashSet<>();
            pod.path("containers")
                    .forEach(
                            c ->
                                    c.path("volumeMounts")
                                            .forEach(v -> paths.add(v.path("mountPath").asText())));
            mounts.add(paths);
        }
        return mounts;
    }

    /**
     * The registry's tokens files ({@code tokens.properties} of a Secret) load as the registry
     * loads them, with {@link TokenAuthenticator#fromFile}: a file the registry would refuse to
     * start with is a problem.
     */
    static List<String> registryTokensFiles(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        registryTokens(manifests, problems);
        return problems;
    }

    /**
     * The registry's view of its tokens files, one authenticator per Secret holding a {@code
     * tokens.properties}, each loaded by the registry's own parser; {@code problems} gets a line
     * for every file that would not load.
     */
    private static List<TokenAuthenticator> registryTokens(
            List<Manifest> manifests, List<String> problems) {
        List<TokenAuthenticator> authenticators = new ArrayList<>();
        for (Manifest m : of(manifests, Set.of("Secret"))) {
            JsonNode properties = m.document().at("/stringData/tokens.properties");
            if (properties.isMissingNode()) {
                continue;
            }
            try {
                Path file = Files.createTempFile("tokens", ".properties");
                try {
                    Files.writeString(file, properties.asText(), StandardCharsets.UTF_8);
                    authenticators.add(TokenAuthenticator.fromFile(file));
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(
                        m.where()
                                + ": the registry cannot load tokens.properties ("
                                + e.getMessage()
                                + "); write one 'token=owner' line per owner");
            }
        }
        return authenticators;
    }

    /** The owners of the registry's tokens files. */
    static Set<String> registryOwners(List<Manifest> manifests) {
        Set<String> owners = new TreeSet<>();
        registryTokens(manifests, new ArrayList<>()).forEach(a -> owners.addAll(a.owners()));
        return owners;
    }

    /** The owner the registry maps {@code token} to, or null if none of its tokens files does. */
    private static String registryOwner(List<TokenAuthenticator> registry, String token) {
        for (TokenAuthenticator auth : registry) {
            try {
                return auth.authenticate("Bearer " + token);
            } catch (UnauthenticatedException unknown) {
                // not this file's token: try the next
            }
        }
        return null;
    }

    /**
     * A pod template of the manifests: a Deployment's or StatefulSet's, or the JobManager's or
     * TaskManager's of a FlinkDeployment.
     *
     * @param where the document, and for a FlinkDeployment which of its pods
     * @param template the template: {@code metadata} and {@code spec}
     */
    record Pod(String where, JsonNode template) {
        JsonNode spec() {
            return template.path("spec");
        }

        /** Whether a Job runs this pod: a CLI command run to completion. */
        boolean isJob() {
            return where.contains("(Job ");
        }

        Map<String, String> labels() {
            Map<String, String> labels = new HashMap<>();
            template.path("metadata")
                    .path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return labels;
        }

        /** Whether this pod runs the flink-edge CLI (registry, supervisor) or the image given. */
        boolean runs(String what) {
            for (JsonNode c : spec().path("containers")) {
                if (c.toString().contains(what)) {
                    return true;
                }
            }
            return false;
        }
    }

    static List<Pod> pods(List<Manifest> manifests) {
        List<Pod> pods = new ArrayList<>();
        for (Manifest m : of(manifests, RUNNERS)) {
            pods.add(new Pod(m.where(), m.document().at("/spec/template")));
        }
        for (Manifest m : of(manifests, Set.of("FlinkDeployment"))) {
            for (String role : List.of("jobManager", "taskManager")) {
                pods.add(
                        new Pod(
                                m.where() + " " + role,
                                m.document().at("/spec/" + role + "/podTemplate")));
            }
        }
        return pods;
    }

    /**
     * Every pod runs as a non-root user under the runtime's default seccomp profile, and every
     * container drops all capabilities and may not escalate privileges. Containers that run a
     * flink-edge main of their own (the registry server, the CLI of the supervisor and the Job)
     * have a read-only root file system with an emptyDir at {@code /tmp}; the Flink and Kafka
     * images rewrite their configuration at start, so theirs must say {@code
     * readOnlyRootFilesystem: false} explicitly.
     */
    static List<String> podSecurity(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods(manifests)) {
            JsonNode sc = pod.spec().path("securityContext");
            if (!sc.path("runAsNonRoot").isBoolean() || !sc.path("runAsNonRoot").asBoolean()) {
                problems.add(pod.where() + ": securityContext.runAsNonRoot is not true");
            }
            if (sc.path("runAsUser").asInt(0) <= 0) {
                problems.add(pod.where() + ": securityContext.runAsUser is no non-root uid");
            }
            if (!"RuntimeDefault".equals(sc.at("/seccompProfile/type").asText())) {
                problems.add(
                        pod.where() + ": securityContext.seccompProfile is not RuntimeDefault");
            }
            Map<String, JsonNode> volumes = volumes(pod);
            for (JsonNode c : pod.spec().path("containers")) {
                String where = pod.where() + " container " + c.path("name").asText();
                JsonNode csc = c.path("securityContext");
                JsonNode escalation = csc.path("allowPrivilegeEscalation");
                if (!escalation.isBoolean() || escalation.asBoolean()) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!texts(csc.at("/capabilities/drop")).equals(List.of("ALL"))) {
                    problems.add(where + ": capabilities.drop is not [ALL]");
                }
                JsonNode readOnly = csc.path("readOnlyRootFilesystem");
                if (!readOnly.isBoolean()) {
                    problems.add(where + ": readOnlyRootFilesystem is not set");
                } else if (c.toString().contains("dev.flinkedge.")) {
                    if (!readOnly.asBoolean()) {
                        problems.add(where + ": a flink-edge main needs no writable root");
                    }
                    boolean tmp = false;
                    for (JsonNode mount : c.path("volumeMounts")) {
                        JsonNode volume = volumes.get(mount.path("name").asText());
                        tmp |=
                                "/tmp".equals(mount.path("mountPath").asText())
                                        && volume != null
                                        && volume.has("emptyDir");
                    }
                    if (!tmp) {
                        problems.add(where + ": no emptyDir at /tmp for the JVM's scratch files");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Every container requests CPU and memory and limits memory to at least its request;
     * FlinkDeployment pods get theirs from {@code spec.<role>.resource}. CPU is not limited, so
     * that a JVM's bursts (start-up, GC) are not throttled.
     */
    static List<String> resources(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : of(manifests, RUNNERS)) {
            for (JsonNode c : m.document().at("/spec/template/spec/containers")) {
                String where = m.where() + " container " + c.path("name").asText();
                JsonNode r = c.path("resources");
                String cpu = r.at("/requests/cpu").asText("");
                String memory = r.at("/requests/memory").asText("");
                String limit = r.at("/limits/memory").asText("");
                if (cpu.isEmpty() || memory.isEmpty() || limit.isEmpty()) {
                    problems.add(
                            where
                                    + ": needs resources.requests.cpu, requests.memory and"
                                    + " limits.memory");
                } else if (Quantity.getAmountInBytes(new Quantity(limit))
                                .compareTo(Quantity.getAmountInBytes(new Quantity(memory)))
                        < 0) {
                    problems.add(where + ": memory limit " + limit + " < request " + memory);
                }
            }
        }
        for (Manifest m : of(manifests, Set.of("FlinkDeployment"))) {
            for (String role : List.of("jobManager", "taskManager")) {
                JsonNode r = m.document().at("/spec/" + role + "/resource");
                if (r.path("memory").asText("").isEmpty() || !r.path("cpu").isNumber()) {
                    problems.add(m.where() + ": spec." + role + ".resource needs memory and cpu");
                }
            }
        }
        return problems;
    }

    /**
     * The probes of each pod: the registry is ready when {@code GET /v1/health} answers 200 and
     * alive while its port accepts connections (a Kafka outage makes it unhealthy but must not
     * restart it); Kafka, the JobManager (REST port) and TaskManagers (RPC port 6122) are probed
     * over TCP. The supervisor has no port: it exits on a fatal error and is restarted; a Job's CLI
     * command runs to completion and needs none either.
     */
    static List<String> probes(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods(manifests)) {
            for (JsonNode c : pod.spec().path("containers")) {
                String where = pod.where() + " container " + c.path("name").asText();
                List<String> args = texts(c.path("args"));
                String readiness;
                String liveness;
                if (c.toString().contains(REGISTRY_MAIN)) {
                    readiness = "http:8090/v1/health";
                    liveness = "tcp:8090";
                } else if (pod.isJob()
                        || args.size() >= 2
                                && args.subList(0, 2).equals(List.of("supervisor", "start"))) {
                    readiness = "none";
                    liveness = "none";
                } else if (c.path("image").asText().startsWith("apache/kafka")) {
                    readiness = "tcp:9092";
                    liveness = "tcp:9092";
                } else if (pod.where().endsWith("jobManager")) {
                    readiness = "tcp:8081";
                    liveness = "tcp:8081";
                } else {
                    readiness = "tcp:6122";
                    liveness = "tcp:6122";
                }
                String actualReadiness = probe(c, c.path("readinessProbe"));
                String actualLiveness = probe(c, c.path("livenessProbe"));
                if (!readiness.equals(actualReadiness)) {
                    problems.add(
                            where
                                    + ": readinessProbe is "
                                    + actualReadiness
                                    + ", expected "
                                    + readiness);
                }
                if (!liveness.equals(actualLiveness)) {
                    problems.add(
                            where
                                    + ": livenessProbe is "
                                    + actualLiveness
                                    + ", expected "
                                    + liveness);
                }
            }
        }
        return problems;
    }

    /**
     * A probe as {@code http:PORT/path}, {@code tcp:PORT} or {@code none}; named ports resolved.
     */
    private static String probe(JsonNode container, JsonNode probe) {
        if (probe.isMissingNode()) {
            return "none";
        }
        if (probe.has("httpGet")) {
            return "http:"
                    + port(container, probe.at("/httpGet/port"))
                    + probe.at("/httpGet/path").asText();
        }
        if (probe.has("tcpSocket")) {
            return "tcp:" + port(container, probe.at("/tcpSocket/port"));
        }
        return "unsupported " + probe;
    }

    private static String port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asText();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asText();
            }
        }
        return "unknown port '" + port.asText() + "'";
    }

    /**
     * Every mount of a Secret, ConfigMap, projected volume or host path (the models) is read-only:
     * a pod cannot alter its credentials, its configuration or a model other pods load.
     */
    static List<String> readOnlyMounts(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods(manifests)) {
            Map<String, JsonNode> volumes = volumes(pod);
            for (JsonNode c : pod.spec().path("containers")) {
                for (JsonNode mount : c.path("volumeMounts")) {
                    JsonNode volume = volumes.get(mount.path("name").asText());
                    boolean shared =
                            volume != null
                                    && (volume.has("secret")
                                            || volume.has("configMap")
                                            || volume.has("projected")
                                            || volume.has("hostPath"));
                    if (shared && !mount.path("readOnly").asBoolean(false)) {
                        problems.add(
                                pod.where()
                                        + ": "
                                        + mount.path("mountPath").asText()
                                        + " is not mounted readOnly");
                    }
                }
            }
        }
        return problems;
    }

    private static Map<String, JsonNode> volumes(Pod pod) {
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.spec().path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        return volumes;
    }

    /**
     * NetworkPolicies: Kafka admits on its broker port exactly the registry and the Flink pods (the
     * JobManager and the TaskManagers, where the jobs run), not the supervisor, which reaches no
     * Kafka, nor the CLI's Jobs, which call only the registry; the registry admits on its REST port
     * exactly the pods that call it, all but Kafka's. Peers are chosen by pod labels only, never by
     * namespace or address.
     */
    static List<String> networkPolicies(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        List<Pod> pods = pods(manifests);
        Pod kafka = pods.stream().filter(p -> p.runs("apache/kafka")).findFirst().orElse(null);
        Pod registry = pods.stream().filter(p -> p.runs(REGISTRY_MAIN)).findFirst().orElse(null);
        if (kafka == null || registry == null) {
            problems.add("expected a Kafka and a registry workload");
            return problems;
        }
        Set<String> kafkaClients = new TreeSet<>();
        Set<String> registryClients = new TreeSet<>();
        for (Pod p : pods) {
            if (p != kafka && p != registry) {
                registryClients.add(p.where());
            }
            boolean flink =
                    p.where().contains("(FlinkDeployment ")
                            || p.spec().path("nodeSelector").has(SITE_LABEL);
            if (p == registry || flink) {
                kafkaClients.add(p.where());
            }
        }
        checkPolicy(manifests, pods, kafka, "9092", kafkaClients, problems);
        checkPolicy(manifests, pods, registry, "8090", registryClients, problems);
        return problems;
    }

    private static void checkPolicy(
            List<Manifest> manifests,
            List<Pod> pods,
            Pod target,
            String port,
            Set<String> expected,
            List<String> problems) {
        List<Manifest> policies =
                of(manifests, Set.of("NetworkPolicy")).stream()
                        .filter(
                                m ->
                                        matches(
                                                m.document().at("/spec/podSelector/matchLabels"),
                                                target.labels()))
                        .toList();
        if (policies.size() != 1) {
            problems.add(
                    target.where()
                            + ": expected one NetworkPolicy selecting its pods, found "
                            + policies.size());
            return;
        }
        Manifest policy = policies.get(0);
        JsonNode spec = policy.document().path("spec");
        if (!texts(spec.path("policyTypes")).contains("Ingress")) {
            problems.add(policy.where() + ": policyTypes lacks Ingress");
        }
        Set<String> admitted = new TreeSet<>();
        for (JsonNode rule : spec.path("ingress")) {
            Set<String> ports = new TreeSet<>();
            rule.path("ports").forEach(p -> ports.add(p.path("port").asText()));
            if (!ports.equals(Set.of(port))) {
                problems.add(policy.where() + ": a rule admits ports " + ports + ", not " + port);
            }
            if (!rule.path("from").isArray() || rule.path("from").isEmpty()) {
                problems.add(policy.where() + ": a rule admits every peer");
            }
            for (JsonNode peer : rule.path("from")) {
                if (peer.has("namespaceSelector") || peer.has("ipBlock")) {
                    problems.add(policy.where() + ": a peer is chosen by namespace or address");
                }
                for (Pod p : pods) {
                    if (matches(peer.at("/podSelector/matchLabels"), p.labels())) {
                        admitted.add(p.where());
                    }
                }
            }
        }
        if (!admitted.equals(expected)) {
            problems.add(
                    policy.where() + ": admits " + admitted + ", expected exactly " + expected);
        }
    }

    private static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code --flag value} pairs of an args array. */
    private static Map<String, String> options(JsonNode args) {
        List<String> list = texts(args);
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < list.size(); i++) {
            if (list.get(i).startsWith("--")) {
                options.put(list.get(i), list.get(i + 1));
            }
        }
        return options;
    }

    private static List<Manifest> of(List<Manifest> manifests, Set<String> kinds) {
        return manifests.stream().filter(m -> kinds.contains(m.kind())).toList();
    }

    private static Set<String> names(List<Manifest> manifests) {
        Set<String> names = new HashSet<>();
        manifests.forEach(m -> names.add(m.name()));
        return names;
    }

    private static Set<String> siteIds(Topology topology) {
        Set<String> ids = new HashSet<>();
        topology.sites().forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
