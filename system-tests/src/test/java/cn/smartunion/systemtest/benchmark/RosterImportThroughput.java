package cn.smartunion.systemtest.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.People;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * Part 4: a generated roster uploaded through the gateway to membership-service's import (集中入会: multipart upload,
 * the async job polled until COMPLETED) beside the raw driver inserting equivalent member documents ({@code insertMany},
 * 1,000 a batch, a unique index on the blind index as the service has) into a scratch collection of the same Mongo
 * wire server. The raw documents are sealed beforehand (AES-GCM, an HMAC blind index, masked copies), outside the
 * timing: the raw figure is the store's, the import's includes everything the service does per row.
 */
final class RosterImportThroughput {

    private static final String JOBS = "/api/membership/v1/enrolment-jobs";
    private static final int BATCH = 1_000;

    record Outcome(int rows, int activated, double clientSeconds, double acceptSeconds, double serviceSeconds,
                   double rawSeconds, String jobStatus) {
    }

    private final String gatewayUrl;
    private final String membershipMongoUri;
    private final Supplier<String> token;
    private final DistinctPeople people;

    RosterImportThroughput(String gatewayUrl, String membershipMongoUri, Supplier<String> token,
                           DistinctPeople people) {
        this.gatewayUrl = gatewayUrl;
        this.membershipMongoUri = membershipMongoUri;
        this.token = token;
        this.people = people;
    }

    Outcome measure(String orgId, int rows) throws Exception {
        List<People.Person> roster = new ArrayList<>(rows);
        StringBuilder csv = new StringBuilder("姓名,公民身份号码,手机号\r\n");
        for (int i = 0; i < rows; i++) {
            People.Person person = people.next();
            roster.add(person);
            csv.append(person.legalName()).append(',').append(person.citizenIdNumber()).append(',')
                    .append(person.mobilePhone()).append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String boundary = "----performance" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"performance-roster.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] upload = body.toByteArray();

        long started = System.nanoTime();
        Http.Answer job = Http.postBytes(gatewayUrl + JOBS + "?orgId=" + orgId + "&joinChannel=COLLECTIVE_REGISTRATION",
                token.get(), "multipart/form-data; boundary=" + boundary, upload);
        long accepted = System.nanoTime();
        if (job.status() != 202) {
            throw new IllegalStateException("the roster was not accepted: " + job);
        }
        String jobId = job.json().path("id").asString();
        JsonNode state = job.json();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int lastTenth = -1;
        while (!Set.of("COMPLETED", "FAILED").contains(state.path("status").asString())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the roster import did not finish within 30 minutes: " + state);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            state = Http.get(gatewayUrl + JOBS + "/" + jobId, token.get()).json();
            int percent = state.path("progressPercent").asInt();
            if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                System.out.printf(Locale.ROOT, "PERFORMANCE roster import %3d%% (%,d rows) after %.1f s%n", percent,
                        state.path("processed").asInt(), (System.nanoTime() - started) / 1e9);
            }
        }
        long done = System.nanoTime();
        double serviceSeconds = Duration.between(Instant.parse(state.path("startedAt").asString()),
                Instant.parse(state.path("finishedAt").asString())).toNanos() / 1e9;
        int activated = state.path("activated").asInt();
        double raw = rawInsertMany(roster);
        Outcome outcome = new Outcome(rows, activated, (done - started) / 1e9, (accepted - started) / 1e9,
                serviceSeconds, raw, state.path("status").asString());
        System.out.printf(Locale.ROOT, "PERFORMANCE roster import of %,d rows: %s, %,d activated in %.1f s (service's "
                        + "own start to finish %.1f s); raw insertMany %.2f s%n", rows, outcome.jobStatus(), activated,
                outcome.clientSeconds(), serviceSeconds, raw);
        return outcome;
    }

    /** The same people as member documents, sealed beforehand, stored 1,000 to an insertMany; seconds of the stores. */
    private double rawInsertMany(List<People.Person> roster) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] aesKey = new byte[32];
        byte[] hmacKey = new byte[32];
        random.nextBytes(aesKey);
        random.nextBytes(hmacKey);
        Mac blindIndex = Mac.getInstance("HmacSHA256");
        blindIndex.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        List<Document> documents = new ArrayList<>(roster.size());
        String batchId = UUID.randomUUID().toString();
        int row = 2;
        for (People.Person p : roster) {
            String id = p.citizenIdNumber();
            String phone = p.mobilePhone();
            documents.add(new Document("_id", UUID.randomUUID().toString())
                    .append("idCiphertext", seal(aesKey, id, random))
                    .append("idBlindIndex", Base64.getEncoder().encodeToString(
                            blindIndex.doFinal(id.getBytes(StandardCharsets.UTF_8))))
                    .append("idMasked", id.substring(0, 4) + "**********" + id.substring(14))
                    .append("nameCiphertext", seal(aesKey, p.legalName(), random))
                    .append("phoneCiphertext", seal(aesKey, phone, random))
                    .append("phoneMasked", phone.substring(0, 3) + "****" + phone.substring(7))
                    .append("orgId", "performance").append("orgPath", "420000")
                    .append("joinChannel", "COLLECTIVE_REGISTRATION").append("groupTags", List.of())
                    .append("status", "ACTIVE").append("enrolmentBatchId", batchId).append("enrolmentRow", row++)
                    .append("activatedAt", new Date()).append("version", 0L));
        }
        try (MongoClient client = MongoClients.create(membershipMongoUri)) {
            MongoCollection<Document> members = client.getDatabase("membership")
                    .getCollection("performance_raw_members");
            members.createIndex(Indexes.ascending("idBlindIndex"), new IndexOptions().unique(true));
            long started = System.nanoTime();
            for (int i = 0; i < documents.size(); i += BATCH) {
                members.insertMany(documents.subList(i, Math.min(documents.size(), i + BATCH)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            members.drop();
            return seconds;
        }
    }

    private static String seal(byte[] key, String plaintext, SecureRandom random) throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return "k1:" + Base64.getEncoder().encodeToString(nonce) + ":" + Base64.getEncoder().encodeToString(sealed);
    }
}
