package cn.smartunion.systemtest.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.smartunion.systemtest.province.GeneratedProvince.City;
import cn.smartunion.systemtest.province.GeneratedProvince.County;
import cn.smartunion.systemtest.province.GeneratedProvince.Dispute;
import cn.smartunion.systemtest.province.GeneratedProvince.Mediation;
import cn.smartunion.systemtest.province.GeneratedProvince.Worker;

/**
 * The figures of a generated province worked out from the generator's own record, by plain counting, without the
 * services or the event streams: what statistics-service must answer for each part of the province.
 */
public final class ProvinceFigures {

    /** Count figures (persons, person-times, cases, items, organisations). */
    public static final List<String> COUNTS = List.of("membership.members", "membership.new-members",
            "membership.new-members.new-form-workers", "membership.new-members.migrant-workers",
            "membership.collective-enrolment", "membership.new-unions", "aid.condolence.person-times",
            "aid.condolence.persons", "rights.disputes.opened", "rights.disputes.closed", "rights.disputes.workers",
            "rights.work-orders.created", "rights.work-orders.calls", "competition.competitions",
            "competition.participant-times");
    /** Money figures, in yuan. */
    public static final List<String> MONEY = List.of("aid.funds-disbursed", "rights.disputes.recovered");
    /** Rate figures: numerator and denominator. */
    public static final List<String> RATES = List.of("rights.disputes.mediation-success-rate");

    private ProvinceFigures() {
    }

    /** One expected figure: a value, and for a rate its numerator and denominator. */
    public record Expected(BigDecimal value, Long numerator, Long denominator) {

        static Expected count(long value) {
            return new Expected(BigDecimal.valueOf(value), null, null);
        }

        static Expected yuan(long fen) {
            return new Expected(BigDecimal.valueOf(fen, 2), null, null);
        }

        static Expected rate(long numerator, long denominator) {
            return new Expected(null, numerator, denominator);
        }
    }

    /** Every compared figure of the whole generated province. */
    public static Map<String, Expected> ofProvince(GeneratedProvince province) {
        return of(province.cities(), province.counties());
    }

    public static Map<String, Expected> ofCity(City city) {
        return of(List.of(city), city.counties());
    }

    public static Map<String, Expected> ofCounty(County county) {
        return of(List.of(), List.of(county));
    }

    /**
     * @param cities   the cities wholly inside the scope (their federations and competitions count)
     * @param counties the counties inside the scope
     */
    private static Map<String, Expected> of(List<City> cities, List<County> counties) {
        List<Worker> rostered = new ArrayList<>();
        List<Worker> single = new ArrayList<>();
        long unions = cities.size();
        for (County county : counties) {
            unions += 1 + county.unions().size();
            county.unions().forEach(union -> rostered.addAll(union.workers()));
            single.add(county.singleMember());
        }
        List<Worker> members = new ArrayList<>(rostered);
        members.addAll(single);

        Map<String, Expected> figures = new LinkedHashMap<>();
        figures.put("membership.members", Expected.count(members.size()));
        figures.put("membership.new-members", Expected.count(members.size()));
        figures.put("membership.new-members.new-form-workers",
                Expected.count(members.stream().filter(w -> w.tags().newForm()).count()));
        figures.put("membership.new-members.migrant-workers",
                Expected.count(members.stream().filter(w -> w.tags().migrant()).count()));
        figures.put("membership.collective-enrolment", Expected.count(rostered.size()));
        figures.put("membership.new-unions", Expected.count(unions));

        List<GeneratedProvince.Delivery> deliveries = all(counties, County::deliveries);
        figures.put("aid.funds-disbursed", Expected.yuan(deliveries.stream()
                .mapToLong(GeneratedProvince.Delivery::inKindFen).sum()));
        figures.put("aid.condolence.person-times", Expected.count(deliveries.size()));
        figures.put("aid.condolence.persons", Expected.count(distinct(deliveries.stream()
                .map(GeneratedProvince.Delivery::to).toList())));

        List<Dispute> disputes = all(counties, County::disputes);
        figures.put("rights.disputes.opened", Expected.count(disputes.size()));
        figures.put("rights.disputes.closed", Expected.count(disputes.stream().filter(Dispute::closed).count()));
        figures.put("rights.disputes.workers", Expected.count(distinct(disputes.stream()
                .flatMap(d -> d.workers().stream()).toList())));
        figures.put("rights.disputes.recovered", Expected.yuan(disputes.stream().filter(Dispute::closed)
                .mapToLong(Dispute::recoveredFen).sum()));
        figures.put("rights.disputes.mediation-success-rate", Expected.rate(
                disputes.stream().filter(d -> d.mediation() == Mediation.AGREEMENT).count(),
                disputes.stream().filter(d -> d.mediation() != Mediation.NONE).count()));
        figures.put("rights.work-orders.created", Expected.count(all(counties, County::workOrders).size()));
        // every generated order comes in by phone
        figures.put("rights.work-orders.calls", Expected.count(all(counties, County::workOrders).size()));

        figures.put("competition.competitions", Expected.count(cities.size()));
        figures.put("competition.participant-times", Expected.count(all(counties, County::entries).stream()
                .mapToLong(entry -> entry.participants().size()).sum()));
        return figures;
    }

    private static <T> List<T> all(List<County> counties, Function<County, List<T>> what) {
        return counties.stream().flatMap(county -> what.apply(county).stream()).toList();
    }

    private static long distinct(List<Worker> workers) {
        Set<String> ids = new HashSet<>();
        workers.forEach(worker -> ids.add(worker.citizenIdNumber()));
        return ids.size();
    }
}
