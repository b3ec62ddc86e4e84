package cn.smartunion.competition.registration.adapter.in.web;

import cn.smartunion.competition.registration.application.EntrantAdvancement;
import cn.smartunion.competition.registration.application.EntryRegistration;
import cn.smartunion.competition.registration.application.RegisterEntry;
import cn.smartunion.competition.registration.domain.Entries;
import cn.smartunion.competition.registration.domain.Entry;
import cn.smartunion.competition.registration.domain.EntryStatus;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Entries (报名): members register themselves, union admins and organisers register workers, teams (班组), units and
 * projects on their behalf; withdrawal, disqualification, roster changes, advancement between levels (晋级). Answers
 * show participants by personId and memberId with masked name and ID number only.
 *
 * <p>Retries: registrations take an {@code Idempotency-Key} (the same key and body answer the first 201 again, marked
 * {@code Idempotent-Replayed}); without a key a repeat is refused 422 ALREADY_REGISTERED by the natural key (person,
 * competition, trade). Roster changes take a key too. Withdrawal and disqualification are final, so a repeat is
 * answered 409 with the entry's status. Advancement is idempotent per (source entry, target competition).
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1")
class EntryController {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$";
    static final String CODE = "^[A-Z][A-Z0-9_]{1,63}$";
    static final String PATH = "^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$";

    private final EntryRegistration registration;
    private final EntrantAdvancement advancement;

    EntryController(EntryRegistration registration, EntrantAdvancement advancement) {
        this.registration = registration;
        this.advancement = advancement;
    }

    /** The signed-in worker (role {@code member}) enters as an individual. */
    @PostMapping("/competitions/{id}/entries/self")
    ResponseEntity<EntryView> registerSelf(@PathVariable @Size(max = 64) String id,
                                           @Valid @RequestBody SelfRequest request,
                                           @AuthenticationPrincipal OrgPrincipal caller) {
        return created(registration.registerSelf(id, request.citizenIdNumber(), request.legalName(), request.trade(),
                caller));
    }

    /** A union admin or organiser registers an entrant on their behalf. */
    @PostMapping("/competitions/{id}/entries")
    ResponseEntity<EntryView> register(@PathVariable @Size(max = 64) String id,
                                       @Valid @RequestBody EntryRequest request,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        return created(registration.registerOnBehalf(id, request.command(), caller));
    }

    @GetMapping("/competitions/{id}/entries")
    PageView<EntryView> list(@PathVariable @Size(max = 64) String id,
                             @RequestParam(required = false) EntryStatus status,
                             @RequestParam(required = false) @Pattern(regexp = CODE) String trade,
                             @RequestParam(required = false) EntrantType entrantType,
                             @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = PATH) String orgPath,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return registration.listForCompetition(id, new Entries.Filter(id, status, trade, entrantType, orgPath, null,
                null), caller, page, size).map(EntryView::of);
    }

    @PostMapping("/competitions/{id}/advancements")
    AdvancementsView advance(@PathVariable @Size(max = 64) String id, @Valid @RequestBody AdvancementRequest request,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return new AdvancementsView(advancement.advance(id, request.sourceEntryIds(), caller).stream()
                .map(a -> new AdvancedView(a.sourceEntryId(), a.created(), EntryView.of(a.entry()))).toList());
    }

    @GetMapping("/entries/{entryId}")
    EntryView get(@PathVariable @Size(max = 64) String entryId, @AuthenticationPrincipal OrgPrincipal caller) {
        return EntryView.of(registration.get(entryId, caller));
    }

    /**
     * The entries of the unions in the caller's subtree across competitions (union admins, organisers, analysts),
     * newest first.
     */
    @GetMapping("/entries")
    PageView<EntryView> listWithinScope(@RequestParam(required = false) @Pattern(regexp = ID) String competitionId,
                                        @RequestParam(required = false) EntryStatus status,
                                        @RequestParam(required = false) EntrantType entrantType,
                                        @RequestParam(required = false) @Pattern(regexp = CODE) String trade,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE)
                                        int size,
                                        @AuthenticationPrincipal OrgPrincipal caller) {
        return registration.listWithinScope(new Entries.Filter(competitionId, status, trade, entrantType, null, null,
                null), caller, page, size).map(EntryView::of);
    }

    @PostMapping("/entries/{entryId}/withdrawal")
    EntryView withdraw(@PathVariable @Size(max = 64) String entryId, @AuthenticationPrincipal OrgPrincipal caller) {
        return EntryView.of(registration.withdraw(entryId, caller));
    }

    @PostMapping("/entries/{entryId}/disqualification")
    EntryView disqualify(@PathVariable @Size(max = 64) String entryId,
                         @Valid @RequestBody DisqualificationRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return EntryView.of(registration.disqualify(entryId, request.reason(), caller));
    }

    /** Replaces the team or project member at {@code index} (zero-based). */
    @PutMapping("/entries/{entryId}/participants/{index}")
    EntryView replaceParticipant(@PathVariable @Size(max = 64) String entryId,
                                 @PathVariable @Min(0) @Max(199) int index,
                                 @Valid @RequestBody ParticipantRequest request,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return EntryView.of(registration.replaceParticipant(entryId, index, request.person(), caller));
    }

    @GetMapping("/me/entries")
    PageView<EntryView> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return registration.mine(caller, page, size).map(EntryView::of);
    }

    private static ResponseEntity<EntryView> created(Entry entry) {
        return ResponseEntity.created(URI.create("/api/competition/v1/entries/" + entry.id())).body(EntryView.of(entry));
    }

    record SelfRequest(@NotBlank @Size(max = 18) String citizenIdNumber,
                       @NotBlank @Size(max = 50) String legalName,
                       @Pattern(regexp = CODE) String trade) {

        @Override
        public String toString() {
            return "SelfRequest[" + trade + "]";
        }
    }

    record ParticipantRequest(@NotBlank @Size(max = 18) String citizenIdNumber,
                              @NotBlank @Size(max = 50) String legalName,
                              @Size(max = 64) @Pattern(regexp = ID) String memberId,
                              @Size(max = 18) String employerCreditCode,
                              Boolean captain) {

        RegisterEntry.Person person() {
            return new RegisterEntry.Person(citizenIdNumber, legalName, memberId, employerCreditCode,
                    Boolean.TRUE.equals(captain));
        }

        @Override
        public String toString() {
            return "ParticipantRequest[" + memberId + "]";
        }
    }

    record EntryRequest(@NotNull EntrantType entrantType,
                        @Size(max = 64) String orgId,
                        @Pattern(regexp = CODE) String trade,
                        @Size(max = 100) String teamName,
                        @Size(max = 18) String unitCreditCode,
                        @Size(max = 200) String unitName,
                        @Size(max = 200) String projectTitle,
                        @Pattern(regexp = CODE) String projectFieldCode,
                        @NotNull @Size(max = 200) List<@Valid @NotNull ParticipantRequest> participants) {

        RegisterEntry command() {
            return new RegisterEntry(entrantType, orgId, trade, teamName, unitCreditCode, unitName, projectTitle,
                    projectFieldCode, participants.stream().map(ParticipantRequest::person).toList());
        }
    }

    record DisqualificationRequest(@NotNull DisqualificationReason reason) {
    }

    record AdvancementRequest(@NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> sourceEntryIds) {
    }

    record AdvancedView(String sourceEntryId, boolean created, EntryView entry) {
    }

    record AdvancementsView(List<AdvancedView> advanced) {
    }

    record ParticipantView(String personId, String memberId, String maskedName, String maskedIdNumber, String orgId,
                           String employerCreditCode, boolean captain) {
    }

    record RegisteredByView(RegistrarKind kind, String subject, String orgPath) {
    }

    record EndingView(RegistrarKind withdrawnBy, DisqualificationReason disqualificationReason, Instant at) {
    }

    record EntryView(String id, String competitionId, String competitionOrgPath, String orgId, String orgPath,
                     EntrantType entrantType, String trade, EntryStatus status, List<String> stages,
                     String teamName, String unitCreditCode, String unitName, String projectTitle,
                     String projectFieldCode, List<ParticipantView> participants, RegisteredByView registeredBy,
                     Instant registeredAt, String advancedFromEntryId, EndingView ending) {

        static EntryView of(Entry e) {
            Entry.Details d = e.details();
            Entry.Ending end = e.ending();
            return new EntryView(e.id(), e.competitionId(), e.competitionOrgPath(), e.orgId(), e.orgPath(),
                    e.entrantType(), e.trade(), e.status(), e.stages(), d.teamName(), d.unitCreditCode(),
                    d.unitName(), d.projectTitle(), d.projectFieldCode(),
                    e.participants().stream().map(p -> new ParticipantView(p.personId(), p.memberId(),
                            p.maskedName(), p.maskedIdNumber(), p.orgId(), p.employerCreditCode(), p.captain()))
                            .toList(),
                    new RegisteredByView(e.registeredBy().kind(), e.registeredBy().subject(),
                            e.registeredBy().orgPath()),
                    e.registeredAt(), e.advancedFromEntryId(),
                    end == null ? null : new EndingView(end.withdrawnBy(), end.disqualification(), end.at()));
        }
    }
}
