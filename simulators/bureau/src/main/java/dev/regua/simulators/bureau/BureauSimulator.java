package dev.regua.simulators.bureau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.regua.simulators.bureau.Bureau.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.regua.kernel.calendar.BankCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the credit bureaus' negativação and score APIs: Serasa Experian under {@code /serasa},
 * SPC Brasil under {@code /spc}, Boa Vista under {@code /boavista}. The request and response shapes are modelled on
 * the bureaus' public documentation and public client libraries (see docs/simulators/bureau.md); they are a
 * faithful-enough rendering for the adapters, not a copy of any contract.
 *
 * <p>What it does: answers score reports from per-CPF/CNPJ configuration (active registrations count as
 * restrictions); sends the prior-notice letter (a protocol and a tracking code); registers a debt only after a
 * notice of the same debtor at the same bureau, refuses a second active registration of the same contract; removes
 * registrations. Every write is idempotent by the client's key (same key and same body → the first answer again;
 * same key, another body → 422). Latency, a random 5xx rate and scripted faults (timeouts before or after acting,
 * 500, 503) are configurable. {@code /_admin} shows what was received and configures the rest.
 *
 * <p>In process: {@code try (var sim = BureauSimulator.start(0)) { sim.baseUrl(Bureau.SERASA) ... }}. Standalone:
 * {@code java -cp ... dev.regua.simulators.bureau.BureauSimulator [port]} (default 8095).
 */
public final class BureauSimulator implements AutoCloseable {
    public static final int DEFAULT_PORT = 8095;
    public static final String SERASA_CLIENT_ID = "regua-serasa";
    public static final String SERASA_CLIENT_SECRET = "regua-serasa-secret";
    public static final String SPC_OPERATOR = "regua-spc";
    public static final String SPC_PASSWORD = "regua-spc-secret";
    public static final String BOA_VISTA_API_KEY = "regua-boavista-key";
    public static final String NOTARY_API_KEY = "regua-cra-key";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock = Clock.systemUTC();
    private static final java.time.ZoneId SAO_PAULO = java.time.ZoneId.of("America/Sao_Paulo");
    private final AtomicLong sequence = new AtomicLong(100_000);
    private final Random random = new Random(42);

    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();
    private volatile int defaultScore = 650;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, Notice> notices = new ConcurrentHashMap<>();
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, Protest> protests = new ConcurrentHashMap<>();
    private final Map<String, Stored> idempotency = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile double failureRate = 0.0;
    private volatile Duration hang = Duration.ofSeconds(5);

    /** One debtor's standing at every bureau: the score and restrictions reported by other creditors. */
    public record Subject(int score, List<Restriction> restrictions) {
    }

    /** A restriction some other creditor registered. */
    public record Restriction(String creditor, BigDecimal amount, LocalDate since, String contract) {
    }

    /** What the simulator received, in arrival order. {@code status} is -1 when the client was left hanging. */
    public record ReceivedRequest(Instant at, Bureau bureau, Operation operation, String method, String path,
                                  String idempotencyKey, String taxId, String body, int status) {
    }

    /** A prior notice (comunicado) the bureau sent by post. */
    public record Notice(Bureau bureau, String protocol, String taxId, String contract, BigDecimal amount,
                         Instant sentAt, String trackingCode) {
    }

    /** A negativação at one bureau; {@code state} is ACTIVE or REMOVED. */
    public record Registration(Bureau bureau, String protocol, String taxId, String contract, BigDecimal amount,
                               String noticeProtocol, String state, Instant includedAt, Instant removedAt,
                               String removalReason) {
        Registration removed(Instant at, String reason) {
            return new Registration(bureau, protocol, taxId, contract, amount, noticeProtocol, "REMOVED", includedAt, at, reason);
        }
    }

    /**
     * A title at a notary office. {@code state}: APONTADO (registered and the debtor notified — intimação; the debtor
     * may pay until {@code paymentDeadline}, the third business day after the apontamento), WITHDRAWN (the creditor
     * withdrew it before the protest — desistência), PROTESTED (the deadline passed unpaid; {@code protestedOn} is
     * the deadline), CONSENT_GIVEN or CANCELLED.
     */
    public record Protest(String protocol, String notaryOffice, String taxId, String titleNumber, BigDecimal amount,
                          String state, Instant receivedAt, LocalDate presentedOn, LocalDate paymentDeadline,
                          LocalDate protestedOn, String consentLetter, Instant consentAt, Instant cancelledAt) {
        Protest with(String newState, String letter, Instant consent, Instant cancelled) {
            return new Protest(protocol, notaryOffice, taxId, titleNumber, amount, newState, receivedAt, presentedOn,
                    paymentDeadline, protestedOn, letter, consent, cancelled);
        }

        Protest protested() {
            return new Protest(protocol, notaryOffice, taxId, titleNumber, amount, "PROTESTED", receivedAt, presentedOn,
                    paymentDeadline, paymentDeadline, consentLetter, consentAt, cancelledAt);
        }
    }

    private record Stored(String fingerprint, int status, String body) {
    }

    private record Answer(int status, String body) {
    }

    private BureauSimulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0 = any free port) on 127.0.0.1; {@link #port()} says which. */
    public static BureauSimulator start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            BureauSimulator simulator = new BureauSimulator(server);
            server.setExecutor(simulator.executor);
            server.createContext("/", simulator::handle);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("bureau simulator cannot listen on port " + port, e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(Optional.ofNullable(System.getenv("BUREAU_SIMULATOR_PORT"))
                .orElse(System.getProperty("regua.port.bureau", String.valueOf(DEFAULT_PORT))));
        BureauSimulator simulator = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        for (Bureau b : Bureau.values()) {
            System.out.println("bureau simulator: " + b + " at " + simulator.baseUrl(b));
        }
        System.out.println("bureau simulator: admin at http://127.0.0.1:" + simulator.port() + "/_admin/requests");
        Thread.currentThread().join();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL an adapter is configured with, e.g. {@code http://127.0.0.1:8095/serasa}. */
    public String baseUrl(Bureau bureau) {
        return "http://127.0.0.1:" + port() + "/" + bureau.prefix();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- configuration --------------------------------------------------------------------------------------

    /** Sets the score and restrictions every bureau reports for this CPF/CNPJ (punctuation ignored). */
    public BureauSimulator subject(String taxId, int score, List<Restriction> restrictions) {
        subjects.put(normalise(taxId), new Subject(score, List.copyOf(restrictions)));
        return this;
    }

    /** The score of a CPF/CNPJ nobody configured (650 unless changed). */
    public BureauSimulator defaultScore(int score) {
        this.defaultScore = score;
        return this;
    }

    /** The next {@code times} calls of {@code operation} at {@code bureau} fail with {@code fault}. */
    public BureauSimulator failNext(Bureau bureau, Operation operation, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(bureau + "/" + operation, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        }
        return this;
    }

    /** Delay added to every answer. */
    public BureauSimulator latency(Duration value) {
        this.latency = value;
        return this;
    }

    /** Share (0–1) of calls answered 503 at random (seeded, so runs repeat). */
    public BureauSimulator failureRate(double rate) {
        this.failureRate = rate;
        return this;
    }

    /** How long a timeout fault holds the connection (5 s unless changed; set it above the client's timeout). */
    public BureauSimulator hang(Duration value) {
        this.hang = value;
        return this;
    }

    /** Forgets everything received, stored and configured. */
    public void reset() {
        subjects.clear();
        received.clear();
        notices.clear();
        protests.clear();
        registrations.clear();
        idempotency.clear();
        faults.clear();
        tokens.clear();
        defaultScore = 650;
        latency = Duration.ZERO;
        failureRate = 0.0;
        hang = Duration.ofSeconds(5);
    }

    // ---- inspection -----------------------------------------------------------------------------------------

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    public List<ReceivedRequest> received(Bureau bureau, Operation operation) {
        return received.stream().filter(r -> r.bureau() == bureau && r.operation() == operation).toList();
    }

    public List<Notice> notices() {
        return notices.values().stream().sorted((a, b) -> a.sentAt().compareTo(b.sentAt())).toList();
    }

    public List<Registration> registrations() {
        return registrations.values().stream().sorted((a, b) -> a.includedAt().compareTo(b.includedAt())).toList();
    }

    public List<Protest> protests() {
        return protests.values().stream().sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt())).toList();
    }

    public List<Registration> registrationsOf(String taxId) {
        String id = normalise(taxId);
        return registrations().stream().filter(r -> r.taxId().equals(id)).toList();
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = readBody(exchange.getRequestBody());
            if (path.startsWith("/_admin")) {
                Answer a = admin(exchange.getRequestMethod(), path, exchange.getRequestURI(), body);
                respond(exchange, a);
                return;
            }
            String[] segments = path.substring(1).split("/");
            Bureau bureau = switch (segments[0]) {
                case "serasa" -> Bureau.SERASA;
                case "spc" -> Bureau.SPC;
                case "boavista" -> Bureau.BOA_VISTA;
                case "cra" -> Bureau.NOTARY;
                default -> null;
            };
            if (bureau == null) {
                respond(exchange, new Answer(404, "{\"message\":\"no such bureau\"}"));
                return;
            }
            String rest = path.substring(bureau.prefix().length() + 1);
            Operation operation = operationOf(bureau, exchange.getRequestMethod(), rest);
            if (operation == null) {
                respond(exchange, error(bureau, 404, "NOT_FOUND", "no such operation: " + exchange.getRequestMethod() + " " + rest));
                return;
            }
            sleep(latency);
            if (!authorised(bureau, operation, exchange)) {
                record(bureau, operation, exchange, null, null, body, 401);
                respond(exchange, error(bureau, 401, "UNAUTHORIZED", "invalid or missing credentials"));
                return;
            }
            JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            String key = idempotencyKey(bureau, exchange, json);
            String taxId = taxIdOf(bureau, operation, exchange, json);
            if (operation == Operation.REMOVE) {
                Registration target = registrations.get(bureau + "/" + removalProtocol(bureau, rest, json));
                taxId = target == null ? null : target.taxId();
            }
            if (operation == Operation.CONSENT || operation == Operation.CANCEL_PROTEST || operation == Operation.WITHDRAW_PROTEST
                    || operation == Operation.PROTEST_STATUS) {
                Protest target = protests.get(protestProtocol(rest));
                taxId = target == null ? null : target.taxId();
            }
            Fault fault = nextFault(bureau, operation);
            if (fault == Fault.TIMEOUT_BEFORE) {
                record(bureau, operation, exchange, key, taxId, body, -1);
                sleep(hang);
                respond(exchange, error(bureau, 504, "TIMEOUT", "gateway timeout"));
                return;
            }
            if (fault == Fault.HTTP_500 || fault == Fault.HTTP_503) {
                int status = fault == Fault.HTTP_500 ? 500 : 503;
                record(bureau, operation, exchange, key, taxId, body, status);
                respond(exchange, error(bureau, status, status == 500 ? "INTERNAL_ERROR" : "SERVICE_UNAVAILABLE",
                        "simulated failure"));
                return;
            }
            Answer answer = idempotent(bureau, operation, key, body, () -> perform(bureau, operation, rest, exchange, json));
            if (fault == Fault.TIMEOUT_AFTER) {
                record(bureau, operation, exchange, key, taxId, body, -1);
                sleep(hang);
                respond(exchange, answer);
                return;
            }
            record(bureau, operation, exchange, key, taxId, body, answer.status());
            respond(exchange, answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            respond(exchange, new Answer(400, "{\"message\":\"malformed JSON\"}"));
        } catch (RuntimeException e) {
            respond(exchange, new Answer(500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}"));
        }
    }

    private static Operation operationOf(Bureau bureau, String method, String rest) {
        boolean post = method.equals("POST");
        return switch (bureau) {
            case SERASA -> {
                if (post && rest.equals("/security/iam/v1/client-identities/login")) {
                    yield Operation.LOGIN;
                } else if (method.equals("GET") && rest.equals("/credit-services/person-information-report/v1/creditreport")) {
                    yield Operation.REPORT;
                } else if (post && rest.equals("/collection/pefin/v1/notifications")) {
                    yield Operation.NOTICE;
                } else if (post && rest.equals("/collection/pefin/v1/debts")) {
                    yield Operation.REGISTER;
                } else if (post && rest.matches("/collection/pefin/v1/debts/[^/]+/write-off")) {
                    yield Operation.REMOVE;
                }
                yield null;
            }
            case SPC -> {
                if (!post) {
                    yield null;
                }
                yield switch (rest) {
                    case "/consulta" -> Operation.REPORT;
                    case "/comunicado" -> Operation.NOTICE;
                    case "/inclusao" -> Operation.REGISTER;
                    case "/exclusao" -> Operation.REMOVE;
                    default -> null;
                };
            }
            case BOA_VISTA -> {
                if (!post) {
                    yield null;
                } else if (rest.equals("/acerta/v1/consultas")) {
                    yield Operation.REPORT;
                } else if (rest.equals("/scpc/v1/comunicados")) {
                    yield Operation.NOTICE;
                } else if (rest.equals("/scpc/v1/registros")) {
                    yield Operation.REGISTER;
                } else if (rest.matches("/scpc/v1/registros/[^/]+/baixa")) {
                    yield Operation.REMOVE;
                }
                yield null;
            }
            case NOTARY -> {
                if (method.equals("GET") && rest.matches("/v1/titulos/[^/]+")) {
                    yield Operation.PROTEST_STATUS;
                } else if (!post) {
                    yield null;
                } else if (rest.equals("/v1/titulos")) {
                    yield Operation.PROTEST;
                } else if (rest.matches("/v1/titulos/[^/]+/desistencia")) {
                    yield Operation.WITHDRAW_PROTEST;
                } else if (rest.matches("/v1/titulos/[^/]+/anuencia")) {
                    yield Operation.CONSENT;
                } else if (rest.matches("/v1/titulos/[^/]+/cancelamento")) {
                    yield Operation.CANCEL_PROTEST;
                }
                yield null;
            }
        };
    }

    private boolean authorised(Bureau bureau, Operation operation, HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return switch (bureau) {
            case SERASA -> operation == Operation.LOGIN
                    ? ("Basic " + base64(SERASA_CLIENT_ID + ":" + SERASA_CLIENT_SECRET)).equals(authorization)
                    : authorization != null && authorization.startsWith("Bearer ") && tokens.containsKey(authorization.substring(7));
            case SPC -> ("Basic " + base64(SPC_OPERATOR + ":" + SPC_PASSWORD)).equals(authorization);
            case BOA_VISTA -> BOA_VISTA_API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"));
            case NOTARY -> NOTARY_API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"));
        };
    }

    /** Where each bureau takes the client's idempotency key: a header for Serasa and Boa Vista, a field for SPC. */
    private static String idempotencyKey(Bureau bureau, HttpExchange exchange, JsonNode json) {
        return switch (bureau) {
            case SERASA -> exchange.getRequestHeaders().getFirst("Idempotency-Key");
            case SPC -> json.hasNonNull("id-integracao") ? json.get("id-integracao").asText() : null;
            case BOA_VISTA, NOTARY -> exchange.getRequestHeaders().getFirst("X-Idempotency-Key");
        };
    }

    private static String taxIdOf(Bureau bureau, Operation operation, HttpExchange exchange, JsonNode json) {
        String raw = switch (bureau) {
            case SERASA -> operation == Operation.REPORT ? exchange.getRequestHeaders().getFirst("X-Document-Id")
                    : json.path("debtor").path("documentNumber").asText(null);
            case SPC -> operation == Operation.REPORT ? json.path("documento-consumidor").asText(null)
                    : spcTaxId(json);
            case BOA_VISTA -> operation == Operation.REPORT ? json.path("documento").asText(null)
                    : json.path("devedor").path("documento").asText(null);
            case NOTARY -> json.path("devedor").path("documento").asText(null);
        };
        return raw == null ? null : normalise(raw);
    }

    private static String spcTaxId(JsonNode json) {
        String cpf = json.path("dados-pessoa-fisica").path("cpf").path("numero").asText(null);
        return cpf != null ? cpf : json.path("dados-pessoa-juridica").path("cnpj").path("numero").asText(null);
    }

    private Fault nextFault(Bureau bureau, Operation operation) {
        Deque<Fault> queue = faults.get(bureau + "/" + operation);
        if (queue != null) {
            synchronized (queue) {
                Fault f = queue.poll();
                if (f != null) {
                    return f;
                }
            }
        }
        if (failureRate > 0) {
            synchronized (random) {
                if (random.nextDouble() < failureRate) {
                    return Fault.HTTP_503;
                }
            }
        }
        return null;
    }

    private Answer idempotent(Bureau bureau, Operation operation, String key, String body, java.util.function.Supplier<Answer> work) {
        if (key == null || operation == Operation.REPORT || operation == Operation.LOGIN || operation == Operation.PROTEST_STATUS) {
            return work.get();
        }
        String slot = bureau + "/" + operation + "/" + key;
        String fingerprint = sha256(body);
        synchronized (idempotency) {
            Stored stored = idempotency.get(slot);
            if (stored != null) {
                if (!stored.fingerprint().equals(fingerprint)) {
                    return error(bureau, 422, "IDEMPOTENCY_KEY_REUSED", "the key " + key + " was used for another request");
                }
                return new Answer(stored.status(), stored.body());
            }
            Answer answer = work.get();
            if (answer.status() < 500) {
                idempotency.put(slot, new Stored(fingerprint, answer.status(), answer.body()));
            }
            return answer;
        }
    }

    // ---- the operations -------------------------------------------------------------------------------------

    /** A debt as the simulator understands it, whichever bureau's shape it came in. */
    private record DebtRequest(String taxId, String name, String state, String contract, BigDecimal amount,
                               LocalDate dueDate, String noticeProtocol) {
    }

    private Answer perform(Bureau bureau, Operation operation, String rest, HttpExchange exchange, JsonNode json) {
        return switch (operation) {
            case LOGIN -> login();
            case REPORT -> report(bureau, taxIdOf(bureau, operation, exchange, json));
            case NOTICE -> notice(bureau, debt(bureau, json));
            case REGISTER -> register(bureau, debt(bureau, json));
            case REMOVE -> remove(bureau, removalProtocol(bureau, rest, json), removalReason(bureau, json));
            case PROTEST -> protest(json);
            case PROTEST_STATUS -> protestStatus(protestProtocol(rest), query(exchange.getRequestURI()).get("dataReferencia"));
            case WITHDRAW_PROTEST -> withdrawProtest(protestProtocol(rest), json.path("dataReferencia").asText(null));
            case CONSENT -> consent(protestProtocol(rest));
            case CANCEL_PROTEST -> cancelProtest(protestProtocol(rest));
        };
    }

    private Answer login() {
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, "serasa");
        ObjectNode o = JSON.createObjectNode();
        o.put("accessToken", token);
        o.put("tokenType", "Bearer");
        o.put("expiresIn", "3600");
        return new Answer(201, o.toString());
    }

    private Answer report(Bureau bureau, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return error(bureau, 400, "DOCUMENT_REQUIRED", "the CPF/CNPJ is required");
        }
        Subject subject = subjects.getOrDefault(taxId, new Subject(defaultScore, List.of()));
        List<Restriction> restrictions = new ArrayList<>(subject.restrictions());
        for (Registration r : registrations.values()) {
            if (r.bureau() == bureau && r.taxId().equals(taxId) && r.state().equals("ACTIVE")) {
                restrictions.add(new Restriction("REGUA CREDOR", r.amount(), LocalDate.ofInstant(r.includedAt(), clock.getZone()), r.contract()));
            }
        }
        BigDecimal total = restrictions.stream().map(Restriction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String protocol = nextProtocol(bureau);
        ObjectNode o = JSON.createObjectNode();
        switch (bureau) {
            case SERASA -> {
                ObjectNode report = o.putArray("reports").addObject();
                report.put("reportName", "RELATORIO_BASICO_PF_PME");
                report.putObject("registration").put("documentNumber", taxId).put("statusRegistration", "REGULAR");
                report.putObject("score").put("score", subject.score()).put("scoreModel", "HSPN")
                        .put("defaultRate", defaultRate(subject.score()));
                ObjectNode pefin = report.putObject("negativeData").putObject("pefin");
                ArrayNode items = pefin.putArray("pefinResponse");
                for (Restriction r : restrictions) {
                    items.addObject().put("occurrenceDate", r.since().toString()).put("legalNature", "DUPLICATA")
                            .put("contractId", r.contract()).put("creditorName", r.creditor()).put("amount", r.amount());
                }
                pefin.putObject("summary").put("count", restrictions.size()).put("balance", total);
                o.putObject("optionalFeatures");
            }
            case SPC -> {
                o.putObject("protocolo").put("numero", protocol);
                o.put("data", clock.instant().toString());
                ObjectNode spc = o.putObject("spc");
                spc.putObject("resumo").put("quantidade-total", restrictions.size()).put("valor-total", total);
                ArrayNode items = spc.putArray("detalhe-spc");
                for (Restriction r : restrictions) {
                    items.addObject().put("nome-associado", r.creditor()).put("data-inclusao", r.since().toString())
                            .put("valor", r.amount()).put("contrato", r.contract());
                }
                o.putObject("pontuacao").put("score", subject.score()).put("classe-risco", riskClass(subject.score()))
                        .put("probabilidade-inadimplencia", defaultRate(subject.score()));
            }
            case BOA_VISTA -> {
                o.putObject("consulta").put("protocolo", protocol).put("dataHora", clock.instant().toString());
                o.putObject("score").put("pontuacao", subject.score()).put("faixa", riskClass(subject.score()))
                        .put("probabilidadeInadimplencia", defaultRate(subject.score()));
                ObjectNode debitos = o.putObject("debitos");
                debitos.put("quantidade", restrictions.size()).put("valorTotal", total.toPlainString());
                ArrayNode items = debitos.putArray("ocorrencias");
                for (Restriction r : restrictions) {
                    items.addObject().put("informante", r.creditor()).put("valor", r.amount().toPlainString())
                            .put("dataOcorrencia", r.since().toString()).put("contrato", r.contract());
                }
            }
        }
        return new Answer(200, o.toString());
    }

    private static String protestProtocol(String rest) {
        String[] parts = rest.split("/");
        if (parts.length == 4) { // /v1/titulos/{protocolo}
            return parts[3];
        }
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    /**
     * CRA: a title (the debt) presented for protest. The office registers it (apontamento) and notifies the debtor
     * (intimação) the day it is presented ({@code dataApresentacao}, the creditor's business date; else today in
     * São Paulo); the debtor may pay until the third business day after it (Lei 9.492/1997 art. 12); then, unless
     * paid or withdrawn, the title is protested.
     */
    private Answer protest(JsonNode j) {
        DebtRequest debt = debt(Bureau.NOTARY, j);
        Optional<Answer> invalid = validate(Bureau.NOTARY, debt, false);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        boolean duplicate = protests.values().stream().anyMatch(p -> !p.state().equals("CANCELLED") && !p.state().equals("WITHDRAWN")
                && p.taxId().equals(debt.taxId()) && p.titleNumber().equals(debt.contract()));
        if (duplicate) {
            return error(Bureau.NOTARY, 409, "TITULO_JA_PROTESTADO", "title " + debt.contract() + " is already protested");
        }
        LocalDate presented;
        try {
            presented = j.hasNonNull("dataApresentacao") ? LocalDate.parse(j.get("dataApresentacao").asText())
                    : LocalDate.ofInstant(clock.instant(), SAO_PAULO);
        } catch (java.time.format.DateTimeParseException e) {
            return error(Bureau.NOTARY, 400, "INVALID_REQUEST", "dataApresentacao must be a date (YYYY-MM-DD)");
        }
        Instant now = clock.instant();
        String protocol = nextProtocol(Bureau.NOTARY);
        String office = "1º Tabelião de Protesto de Letras e Títulos de " + j.path("devedor").path("endereco").path("cidade").asText("São Paulo");
        LocalDate deadline = BankCalendar.national().plusBusinessDays(presented, 3);
        Protest p = new Protest(protocol, office, debt.taxId(), debt.contract(), debt.amount(), "APONTADO", now, presented, deadline,
                null, null, null, null);
        protests.put(protocol, p);
        return new Answer(201, titleJson(p).put("dataIntimacao", presented.toString()).toString());
    }

    private static ObjectNode titleJson(Protest p) {
        String situacao = switch (p.state()) {
            case "APONTADO" -> "APONTADO";
            case "WITHDRAWN" -> "RETIRADO";
            case "PROTESTED" -> "PROTESTADO";
            case "CONSENT_GIVEN" -> "ANUENCIA_REGISTRADA";
            default -> "CANCELADO";
        };
        ObjectNode o = JSON.createObjectNode().put("protocolo", p.protocol()).put("cartorio", p.notaryOffice()).put("situacao", situacao)
                .put("dataApontamento", p.presentedOn().toString()).put("prazoPagamento", p.paymentDeadline().toString());
        if (p.protestedOn() != null) {
            o.put("dataProtesto", p.protestedOn().toString());
        }
        return o;
    }

    /** The title as of {@code reference}: once its payment deadline is over (and it was neither paid nor withdrawn), protested. */
    private Protest asOf(Protest p, LocalDate reference) {
        if (p.state().equals("APONTADO") && reference.isAfter(p.paymentDeadline())) {
            Protest protested = p.protested();
            protests.put(p.protocol(), protested);
            return protested;
        }
        return p;
    }

    /** CRA: where a title stands on the creditor's date {@code dataReferencia} (the day's return, "retorno"). */
    private Answer protestStatus(String protocol, String reference) {
        Protest p = protests.get(protocol);
        if (p == null) {
            return error(Bureau.NOTARY, 404, "TITULO_NAO_ENCONTRADO", "no title " + protocol);
        }
        LocalDate ref;
        try {
            ref = LocalDate.parse(reference);
        } catch (RuntimeException e) {
            return error(Bureau.NOTARY, 400, "INVALID_REQUEST", "dataReferencia (YYYY-MM-DD) is required");
        }
        return new Answer(200, titleJson(asOf(p, ref)).toString());
    }

    /** CRA: the creditor withdraws a title before it is protested (desistência), e.g. because the debt was paid. */
    private Answer withdrawProtest(String protocol, String reference) {
        Protest p = protests.get(protocol);
        if (p == null) {
            return error(Bureau.NOTARY, 404, "TITULO_NAO_ENCONTRADO", "no title " + protocol);
        }
        LocalDate ref;
        try {
            ref = LocalDate.parse(reference);
        } catch (RuntimeException e) {
            return error(Bureau.NOTARY, 400, "INVALID_REQUEST", "dataReferencia (YYYY-MM-DD) is required");
        }
        p = asOf(p, ref);
        if (p.state().equals("APONTADO")) {
            p = p.with("WITHDRAWN", null, null, null);
            protests.put(protocol, p);
        }
        if (!p.state().equals("WITHDRAWN")) {
            return error(Bureau.NOTARY, 409, "TITULO_JA_PROTESTADO", "title " + protocol + " was protested on " + p.protestedOn());
        }
        return new Answer(200, titleJson(p).put("dataRetirada", ref.toString()).toString());
    }

    /** The creditor's electronic consent (carta de anuência): the debtor may now have the protest cancelled. */
    private Answer consent(String protocol) {
        Protest p = protests.get(protocol);
        if (p == null) {
            return error(Bureau.NOTARY, 404, "TITULO_NAO_ENCONTRADO", "no protest " + protocol);
        }
        if (p.state().equals("APONTADO") || p.state().equals("WITHDRAWN")) {
            return error(Bureau.NOTARY, 422, "TITULO_NAO_PROTESTADO", "title " + protocol + " is not protested");
        }
        if (p.state().equals("PROTESTED")) {
            p = p.with("CONSENT_GIVEN", "ANU-" + sequence.incrementAndGet(), clock.instant(), null);
            protests.put(protocol, p);
        }
        ObjectNode o = JSON.createObjectNode().put("protocolo", protocol).put("situacao", "ANUENCIA_REGISTRADA");
        o.putObject("cartaAnuencia").put("numero", p.consentLetter()).put("emitidaEm", p.consentAt().toString());
        return new Answer(201, o.toString());
    }

    private Answer cancelProtest(String protocol) {
        Protest p = protests.get(protocol);
        if (p == null) {
            return error(Bureau.NOTARY, 404, "TITULO_NAO_ENCONTRADO", "no protest " + protocol);
        }
        if (p.state().equals("PROTESTED") || p.state().equals("APONTADO") || p.state().equals("WITHDRAWN")) {
            return error(Bureau.NOTARY, 422, "ANUENCIA_REQUERIDA", "cancellation needs a protest and the creditor's consent first");
        }
        if (p.state().equals("CONSENT_GIVEN")) {
            p = p.with("CANCELLED", p.consentLetter(), p.consentAt(), clock.instant());
            protests.put(protocol, p);
        }
        ObjectNode o = JSON.createObjectNode().put("protocolo", protocol).put("situacao", "CANCELADO")
                .put("dataCancelamento", p.cancelledAt().toString());
        return new Answer(200, o.toString());
    }

    private Answer notice(Bureau bureau, DebtRequest debt) {
        Optional<Answer> invalid = validate(bureau, debt, false);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Instant now = clock.instant();
        String protocol = nextProtocol(bureau);
        String tracking = "BR" + (sequence.incrementAndGet() % 1_000_000_000L) + "SP";
        notices.put(bureau + "/" + protocol, new Notice(bureau, protocol, debt.taxId(), debt.contract(), debt.amount(), now, tracking));
        ObjectNode o = JSON.createObjectNode();
        switch (bureau) {
            case SERASA -> {
                o.put("notificationId", protocol).put("status", "SENT").put("sentAt", now.toString());
                o.putObject("letter").put("trackingCode", tracking).put("postedAt", now.toString());
            }
            case SPC -> o.put("protocolo", protocol).put("situacao", "ENVIADO").put("data-envio", now.toString())
                    .put("codigo-rastreio-carta", tracking);
            case BOA_VISTA -> o.put("idComunicado", protocol).put("status", "ENVIADO").put("dataEnvio", now.toString())
                    .put("codigoRastreio", tracking);
        }
        return new Answer(201, o.toString());
    }

    private Answer register(Bureau bureau, DebtRequest debt) {
        Optional<Answer> invalid = validate(bureau, debt, true);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Notice notice = notices.get(bureau + "/" + debt.noticeProtocol());
        if (notice == null || !notice.taxId().equals(debt.taxId())) {
            return error(bureau, 422, "NOTICE_NOT_FOUND", "no prior notice " + debt.noticeProtocol() + " for this debtor");
        }
        boolean duplicate = registrations.values().stream().anyMatch(r -> r.bureau() == bureau && r.state().equals("ACTIVE")
                && r.taxId().equals(debt.taxId()) && r.contract().equals(debt.contract()));
        if (duplicate) {
            return error(bureau, 409, "DUPLICATE_REGISTRATION", "contract " + debt.contract() + " is already registered for this debtor");
        }
        Instant now = clock.instant();
        String protocol = nextProtocol(bureau);
        registrations.put(bureau + "/" + protocol, new Registration(bureau, protocol, debt.taxId(), debt.contract(),
                debt.amount(), debt.noticeProtocol(), "ACTIVE", now, null, null));
        ObjectNode o = JSON.createObjectNode();
        switch (bureau) {
            case SERASA -> o.put("debtId", protocol).put("status", "ACTIVE").put("includedAt", now.toString());
            case SPC -> o.put("protocolo", protocol).put("situacao", "INCLUIDO").put("data-inclusao", now.toString());
            case BOA_VISTA -> o.put("idRegistro", protocol).put("status", "ATIVO").put("dataInclusao", now.toString());
        }
        return new Answer(201, o.toString());
    }

    private Answer remove(Bureau bureau, String protocol, String reason) {
        if (protocol == null || protocol.isBlank()) {
            return error(bureau, 400, "PROTOCOL_REQUIRED", "the registration protocol is required");
        }
        String slot = bureau + "/" + protocol;
        Registration r = registrations.get(slot);
        if (r == null) {
            return error(bureau, 404, "REGISTRATION_NOT_FOUND", "no registration " + protocol);
        }
        if (r.state().equals("ACTIVE")) {
            r = r.removed(clock.instant(), reason);
            registrations.put(slot, r);
        }
        ObjectNode o = JSON.createObjectNode();
        switch (bureau) {
            case SERASA -> o.put("debtId", protocol).put("status", "WRITTEN_OFF").put("writtenOffAt", r.removedAt().toString());
            case SPC -> o.put("protocolo", protocol).put("situacao", "EXCLUIDO").put("data-exclusao", r.removedAt().toString());
            case BOA_VISTA -> o.put("idRegistro", protocol).put("status", "BAIXADO").put("dataBaixa", r.removedAt().toString());
        }
        return new Answer(200, o.toString());
    }

    private DebtRequest debt(Bureau bureau, JsonNode j) {
        return switch (bureau) {
            case SERASA -> new DebtRequest(norm(j.path("debtor").path("documentNumber").asText(null)),
                    j.path("debtor").path("name").asText(null), j.path("debtor").path("address").path("state").asText(null),
                    j.path("debt").path("contractNumber").asText(null), decimal(j.path("debt").path("amount")),
                    date(j.path("debt").path("dueDate")), j.path("notificationId").asText(null));
            case SPC -> new DebtRequest(norm(spcTaxId(j)), j.path("dados-pessoa-fisica").path("nome").asText(
                    j.path("dados-pessoa-juridica").path("razao-social").asText(null)),
                    j.path("endereco").path("uf").asText(null), j.path("numero-contrato").asText(null),
                    decimal(j.path("valor-debito")), date(j.path("data-vencimento")), j.path("protocolo-comunicado").asText(null));
            case BOA_VISTA, NOTARY -> new DebtRequest(norm(j.path("devedor").path("documento").asText(null)),
                    j.path("devedor").path("nome").asText(null), j.path("devedor").path("endereco").path("uf").asText(null),
                    j.path("debito").path("contrato").asText(null), decimal(j.path("debito").path("valor")),
                    date(j.path("debito").path("dataVencimento")), j.path("idComunicado").asText(null));
        };
    }

    private Optional<Answer> validate(Bureau bureau, DebtRequest d, boolean registration) {
        List<String> missing = new ArrayList<>();
        if (d.taxId() == null || d.taxId().isBlank()) {
            missing.add("document");
        }
        if (d.name() == null || d.name().isBlank()) {
            missing.add("name");
        }
        if (d.contract() == null || d.contract().isBlank()) {
            missing.add("contract");
        }
        if (d.amount() == null || d.amount().signum() <= 0) {
            missing.add("amount");
        }
        if (d.dueDate() == null) {
            missing.add("dueDate");
        }
        if (!registration && (d.state() == null || d.state().isBlank())) {
            missing.add("address");
        }
        if (registration && (d.noticeProtocol() == null || d.noticeProtocol().isBlank())) {
            missing.add("noticeProtocol");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(error(bureau, 400, "INVALID_REQUEST", "missing or invalid: " + String.join(", ", missing)));
    }

    private static String removalProtocol(Bureau bureau, String rest, JsonNode json) {
        return switch (bureau) {
            case SERASA, BOA_VISTA, NOTARY -> rest.split("/")[rest.split("/").length - 2];
            case SPC -> json.path("protocolo-inclusao").asText(null);
        };
    }

    private static String removalReason(Bureau bureau, JsonNode json) {
        return switch (bureau) {
            case SERASA -> json.path("reasonCode").asText("PAYMENT");
            case SPC -> json.path("motivo-exclusao").path("descricao").asText("PAGAMENTO DA DIVIDA");
            case BOA_VISTA, NOTARY -> json.path("motivo").asText("PAGAMENTO");
        };
    }

    // ---- admin ----------------------------------------------------------------------------------------------

    private Answer admin(String method, String path, URI uri, String body) throws IOException {
        Map<String, String> query = query(uri);
        if (method.equals("GET") && path.equals("/_admin/requests")) {
            List<ReceivedRequest> list = received.stream()
                    .filter(r -> !query.containsKey("bureau") || r.bureau() == Bureau.parse(query.get("bureau")))
                    .filter(r -> !query.containsKey("operation") || r.operation() == Operation.valueOf(query.get("operation").toUpperCase(Locale.ROOT)))
                    .filter(r -> !query.containsKey("taxId") || normalise(query.get("taxId")).equals(r.taxId()))
                    .toList();
            return new Answer(200, JSON.writeValueAsString(list));
        }
        if (method.equals("GET") && path.equals("/_admin/registrations")) {
            return new Answer(200, JSON.writeValueAsString(query.containsKey("taxId") ? registrationsOf(query.get("taxId")) : registrations()));
        }
        if (method.equals("GET") && path.equals("/_admin/protests")) {
            return new Answer(200, JSON.writeValueAsString(query.containsKey("taxId")
                    ? protests().stream().filter(p -> p.taxId().equals(normalise(query.get("taxId")))).toList() : protests()));
        }
        if (method.equals("GET") && path.equals("/_admin/notices")) {
            return new Answer(200, JSON.writeValueAsString(notices()));
        }
        if (method.equals("PUT") && path.startsWith("/_admin/subjects/")) {
            JsonNode j = JSON.readTree(body);
            List<Restriction> restrictions = new ArrayList<>();
            for (JsonNode r : j.path("restrictions")) {
                restrictions.add(new Restriction(r.path("creditor").asText("OUTRO CREDOR"), new BigDecimal(r.path("amount").asText()),
                        LocalDate.parse(r.path("since").asText()), r.path("contract").asText("-")));
            }
            subject(path.substring("/_admin/subjects/".length()), j.path("score").asInt(defaultScore), restrictions);
            return new Answer(204, "");
        }
        if (method.equals("POST") && path.equals("/_admin/faults")) {
            JsonNode j = JSON.readTree(body);
            failNext(Bureau.parse(j.path("bureau").asText()), Operation.valueOf(j.path("operation").asText().toUpperCase(Locale.ROOT)),
                    Fault.valueOf(j.path("fault").asText()), j.path("times").asInt(1));
            return new Answer(204, "");
        }
        if (method.equals("PUT") && path.equals("/_admin/behaviour")) {
            JsonNode j = JSON.readTree(body);
            if (j.has("latencyMillis")) {
                latency(Duration.ofMillis(j.get("latencyMillis").asLong()));
            }
            if (j.has("failureRate")) {
                failureRate(j.get("failureRate").asDouble());
            }
            if (j.has("hangMillis")) {
                hang(Duration.ofMillis(j.get("hangMillis").asLong()));
            }
            if (j.has("defaultScore")) {
                defaultScore(j.get("defaultScore").asInt());
            }
            return new Answer(204, "");
        }
        if (method.equals("POST") && path.equals("/_admin/reset")) {
            reset();
            return new Answer(204, "");
        }
        return new Answer(404, "{\"message\":\"unknown admin operation\"}");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void record(Bureau bureau, Operation operation, HttpExchange exchange, String key, String taxId, String body, int status) {
        received.add(new ReceivedRequest(clock.instant(), bureau, operation, exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), key, taxId, body, status));
    }

    private static Answer error(Bureau bureau, int status, String code, String message) {
        ObjectNode o = JSON.createObjectNode();
        switch (bureau) {
            case SERASA -> o.putArray("errors").addObject().put("code", code).put("message", message);
            case SPC -> o.put("codigo", code).put("mensagem", message);
            case BOA_VISTA, NOTARY -> o.putObject("erro").put("codigo", code).put("mensagem", message);
        }
        return new Answer(status, o.toString());
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away (it timed out): nothing to answer
        }
    }

    private String nextProtocol(Bureau bureau) {
        return bureau.prefix().toUpperCase(Locale.ROOT).substring(0, 3) + "-" + sequence.incrementAndGet();
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() == null) {
            return out;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String normalise(String taxId) {
        return taxId.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    private static String norm(String taxId) {
        return taxId == null ? null : normalise(taxId);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String riskClass(int score) {
        return score >= 800 ? "A" : score >= 600 ? "B" : score >= 400 ? "C" : score >= 200 ? "D" : "E";
    }

    private static String defaultRate(int score) {
        return BigDecimal.valueOf(Math.max(1, 1000 - score)).divide(BigDecimal.TEN).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
