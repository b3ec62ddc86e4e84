package cn.smartunion.membership.org.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organisation's record says about it besides its place in the tree (DOMAIN.md §2.9). Rules that depend on
 * the kind of organisation (who covers units, who has an end date) are the {@link OrgUnit}'s.
 *
 * @param industryCodes industries it is affiliated with, GB/T 4754-2017 codes: a section letter, optionally followed
 *                      by the 2-digit division, 3-digit group or 4-digit class ({@code G}, {@code G60}, {@code G6020})
 * @param coveredUnits  for federations and joint unions: the firms and self-employed they cover, unique by credit code
 * @param ownership     ownership of the employer, when known
 * @param employeeCount workers employed, as reported (the denominator of 入会率), when known
 * @param foundedOn     the date the union was founded, when known
 * @param endsOn        the date a project union ends
 */
public record OrgProfile(List<String> industryCodes, List<CoveredUnit> coveredUnits, UnitOwnership ownership,
                         Integer employeeCount, LocalDate foundedOn, LocalDate endsOn) {

    public static final int MAX_INDUSTRY_CODES = 20;
    public static final int MAX_COVERED_UNITS = 2000;
    public static final int MAX_EMPLOYEES = 10_000_000;

    private static final Pattern INDUSTRY_CODE = Pattern.compile("[A-T]([0-9]{2}([0-9]{1,2})?)?");

    public OrgProfile {
        industryCodes = industryCodes == null ? List.of() : List.copyOf(industryCodes);
        coveredUnits = coveredUnits == null ? List.of() : List.copyOf(coveredUnits);
        if (industryCodes.size() > MAX_INDUSTRY_CODES) {
            throw new OrgRuleViolation("industryCodes", "at most " + MAX_INDUSTRY_CODES + " industries");
        }
        for (String code : industryCodes) {
            if (!INDUSTRY_CODE.matcher(code).matches()) {
                throw new OrgRuleViolation("industryCodes", "must be GB/T 4754 codes such as G, G60 or G6020");
            }
        }
        if (new HashSet<>(industryCodes).size() != industryCodes.size()) {
            throw new OrgRuleViolation("industryCodes", "must not repeat a code");
        }
        if (coveredUnits.size() > MAX_COVERED_UNITS) {
            throw new OrgRuleViolation("coveredUnits", "at most " + MAX_COVERED_UNITS + " covered units");
        }
        Set<String> codes = new HashSet<>();
        for (CoveredUnit unit : coveredUnits) {
            if (!codes.add(unit.creditCode())) {
                throw new OrgRuleViolation("coveredUnits", "lists the same unified social credit code twice");
            }
        }
        if (employeeCount != null && (employeeCount < 0 || employeeCount > MAX_EMPLOYEES)) {
            throw new OrgRuleViolation("employeeCount", "must be between 0 and " + MAX_EMPLOYEES);
        }
        if (foundedOn != null && endsOn != null && endsOn.isBefore(foundedOn)) {
            throw new OrgRuleViolation("endsOn", "must not be before the founding date");
        }
    }

    /** A record with nothing known beyond the unit's place in the tree. */
    public static OrgProfile none() {
        return new OrgProfile(List.of(), List.of(), null, null, null, null);
    }

    public List<String> coveredUnitCodes() {
        return coveredUnits.stream().map(CoveredUnit::creditCode).toList();
    }
}
