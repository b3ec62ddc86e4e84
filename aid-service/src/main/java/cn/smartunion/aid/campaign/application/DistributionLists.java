package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.campaign.domain.Campaign;
import cn.smartunion.aid.campaign.domain.CampaignStatus;
import cn.smartunion.aid.campaign.domain.Campaigns;
import cn.smartunion.aid.campaign.domain.DistributionJob;
import cn.smartunion.aid.campaign.domain.DistributionJob.RowRejection;
import cn.smartunion.aid.campaign.domain.DistributionJobs;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.people.domain.AlreadyGrantedInCycle;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.problem.FieldRuleViolation;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Distribution lists: an officer uploads a campaign's list; a worker records it row by row as deliveries, each row
 * under a delivery id derived from the job and the row number, checkpointing after every batch, so a job taken over
 * after a crash re-runs its last batch without recording anything twice. The same file uploaded again for the same
 * campaign is the same job (its id is derived from the file's SHA-256).
 */
@Service
public class DistributionLists {

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    static final int BATCH = 25;
    static final Duration LEASE = Duration.ofMinutes(2);

    /** Where a rule violation of a row's delivery points: the reason code and the column. */
    private static final Map<String, String[]> FIELD_REASONS = Map.of(
            "beneficiary.memberId", new String[]{"MEMBER_ID_REQUIRED", DistributionListFile.MEMBER_ID},
            "beneficiary.person.citizenIdNumber", new String[]{"INVALID_ID_NUMBER", DistributionListFile.ID_NUMBER},
            "beneficiary.person.legalName", new String[]{"NAME_REQUIRED", DistributionListFile.NAME},
            "beneficiary.site.name", new String[]{"SITE_NAME_REQUIRED", DistributionListFile.SITE_NAME},
            "beneficiary.site.unitCreditCode", new String[]{"INVALID_CREDIT_CODE", DistributionListFile.SITE_NAME},
            "beneficiary.workerCount", new String[]{"INVALID_WORKER_COUNT", DistributionListFile.WORKERS},
            "deliveredOn", new String[]{"OUTSIDE_CAMPAIGN_WINDOW", DistributionListFile.DATE},
            "cashFen", new String[]{"INVALID_AMOUNT", DistributionListFile.CASH},
            "inKindFen", new String[]{"INVALID_AMOUNT", DistributionListFile.IN_KIND});

    private final CampaignLifecycle lifecycle;
    private final Campaigns campaigns;
    private final CondolenceDistribution distribution;
    private final DistributionJobs jobs;
    private final PersonalDataProtector protector;
    private final Clock clock;

    DistributionLists(CampaignLifecycle lifecycle, Campaigns campaigns, CondolenceDistribution distribution,
                      DistributionJobs jobs, PersonalDataProtector protector, Clock clock) {
        this.lifecycle = lifecycle;
        this.campaigns = campaigns;
        this.distribution = distribution;
        this.jobs = jobs;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Queues the list (or answers the job of the same file uploaded before).
     *
     * @throws ResponseStatusException 413 beyond {@link #MAX_BYTES}
     * @throws AidRuleViolation        on {@code file}: no header, a required column missing, beyond {@link #MAX_ROWS}
     */
    public DistributionJob submit(String campaignId, byte[] file, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        Campaign campaign = lifecycle.within(campaignId, caller);
        if (file == null || file.length == 0) {
            throw new AidRuleViolation("file", "is required");
        }
        if (file.length > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "a list is at most "
                    + MAX_BYTES / 1024 / 1024 + " MB");
        }
        if (campaign.status() != CampaignStatus.LAUNCHED) {
            throw new AidStatusConflict("the campaign", campaign.status().name());
        }
        String text = DistributionListFile.decode(file);
        List<DistributionListFile.Row> rows = DistributionListFile.rows(text, MAX_ROWS);
        String jobId = UUID.nameUUIDFromBytes(("distribution:" + campaignId + ":" + sha256(file))
                .getBytes(StandardCharsets.UTF_8)).toString();
        DistributionJob job = new DistributionJob(jobId, campaignId, campaign.orgId(), campaign.orgPath(),
                DistributionJob.Status.QUEUED, rows.size(), 0, 0, 0, List.of(), caller.subject(), clock.instant(),
                null);
        return jobs.submit(job, protector.encrypt(text));
    }

    public DistributionJob get(String jobId, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return jobs.findWithin(jobId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("distribution job not found"));
    }

    /** Leases one job and works it to its end (or until the lease is lost). @return whether there was one */
    public boolean workNext(String owner) {
        DistributionJobs.Leased leased = jobs.lease(owner, clock.instant(), clock.instant().plus(LEASE)).orElse(null);
        if (leased == null) {
            return false;
        }
        DistributionJob job = leased.job();
        Campaign campaign = campaigns.find(job.campaignId()).orElse(null);
        List<DistributionListFile.Row> rows;
        try {
            rows = campaign == null ? null
                    : DistributionListFile.rows(protector.decrypt(leased.encryptedList()), MAX_ROWS);
        } catch (RuntimeException unreadable) {
            rows = null;
        }
        if (rows == null) {
            jobs.finish(job.id(), owner, DistributionJob.Status.FAILED, clock.instant());
            return true;
        }
        int next = leased.nextRow();
        while (next < rows.size()) {
            int end = Math.min(rows.size(), next + BATCH);
            int accepted = 0;
            List<RowRejection> rejections = new ArrayList<>();
            for (int i = next; i < end; i++) {
                RowRejection rejection = record(campaign, job, rows.get(i));
                if (rejection == null) {
                    accepted++;
                } else {
                    rejections.add(rejection);
                }
            }
            if (!jobs.checkpoint(job.id(), owner, next, end, accepted, rejections.size(), rejections,
                    clock.instant().plus(LEASE))) {
                return true;
            }
            next = end;
            campaign = campaigns.find(job.campaignId()).orElse(campaign);
        }
        jobs.finish(job.id(), owner, DistributionJob.Status.COMPLETED, clock.instant());
        return true;
    }

    /** Records one row; null when accepted, else why not. Failures of the store propagate (the batch re-runs). */
    private RowRejection record(Campaign campaign, DistributionJob job, DistributionListFile.Row row) {
        RecordDelivery command;
        try {
            command = command(row);
        } catch (RowProblem problem) {
            return new RowRejection(row.number(), problem.code, problem.column);
        }
        String deliveryId = UUID.nameUUIDFromBytes(("distribution-row:" + job.id() + ":" + row.number())
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            distribution.record(campaign, deliveryId, command, job.createdBy());
            return null;
        } catch (FieldRuleViolation violation) {
            String[] reason = FIELD_REASONS.getOrDefault(violation.field(), new String[]{"INVALID_ROW", null});
            return new RowRejection(row.number(), reason[0], reason[1]);
        } catch (NotEligible notEligible) {
            return new RowRejection(row.number(), notEligible.reasons().isEmpty() ? "NOT_ELIGIBLE"
                    : notEligible.reasons().get(0).name(), DistributionListFile.TYPE);
        } catch (AlreadyGrantedInCycle granted) {
            return new RowRejection(row.number(), "ALREADY_GRANTED_IN_CYCLE", null);
        } catch (BudgetExhausted exhausted) {
            return new RowRejection(row.number(), "BUDGET_EXHAUSTED", null);
        } catch (AidStatusConflict notLaunched) {
            return new RowRejection(row.number(), "CAMPAIGN_NOT_LAUNCHED", null);
        }
    }

    private static RecordDelivery command(DistributionListFile.Row row) {
        String typeText = row.get(DistributionListFile.TYPE);
        BeneficiaryType type = typeText == null ? null : switch (typeText) {
            case "会员" -> BeneficiaryType.MEMBER;
            case "职工" -> BeneficiaryType.NON_MEMBER_WORKER;
            case "工地" -> BeneficiaryType.WORK_SITE;
            default -> null;
        };
        if (type == null) {
            throw new RowProblem("INVALID_TYPE", DistributionListFile.TYPE);
        }
        long cash = amount(row, DistributionListFile.CASH);
        long inKind = amount(row, DistributionListFile.IN_KIND);
        LocalDate date;
        try {
            String text = row.get(DistributionListFile.DATE);
            if (text == null) {
                throw new RowProblem("DATE_REQUIRED", DistributionListFile.DATE);
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException bad) {
            throw new RowProblem("INVALID_DATE", DistributionListFile.DATE);
        }
        Set<String> groups = new LinkedHashSet<>();
        String groupText = row.get(DistributionListFile.GROUPS);
        if (groupText != null) {
            for (String tag : groupText.split("[;；]")) {
                String t = tag.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.matches("[A-Z][A-Z0-9_]{1,63}") || groups.size() >= 32) {
                    throw new RowProblem("INVALID_GROUP", DistributionListFile.GROUPS);
                }
                groups.add(t);
            }
        }
        Integer workers = null;
        if (type == BeneficiaryType.WORK_SITE) {
            try {
                String text = row.get(DistributionListFile.WORKERS);
                workers = text == null ? 0 : Integer.parseInt(text);
            } catch (NumberFormatException bad) {
                throw new RowProblem("INVALID_WORKER_COUNT", DistributionListFile.WORKERS);
            }
        }
        if (cash + inKind <= 0) {
            throw new RowProblem("INVALID_AMOUNT", DistributionListFile.CASH);
        }
        return new RecordDelivery(type, row.get(DistributionListFile.MEMBER_ID), row.get(DistributionListFile.ID_NUMBER),
                row.get(DistributionListFile.NAME), groups, null, row.get(DistributionListFile.SITE_NAME), null,
                workers, cash, inKind, date, cash > 0 ? DisbursementChannel.CASH : DisbursementChannel.IN_KIND);
    }

    private static long amount(DistributionListFile.Row row, String column) {
        String text = row.get(column);
        if (text == null) {
            return 0;
        }
        try {
            long fen = Long.parseLong(text);
            if (fen < 0 || fen > 10_000_000_000L) {
                throw new RowProblem("INVALID_AMOUNT", column);
            }
            return fen;
        } catch (NumberFormatException bad) {
            throw new RowProblem("INVALID_AMOUNT", column);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final class RowProblem extends RuntimeException {

        final String code;
        final String column;

        RowProblem(String code, String column) {
            super(code, null, false, false);
            this.code = code;
            this.column = column;
        }
    }
}
