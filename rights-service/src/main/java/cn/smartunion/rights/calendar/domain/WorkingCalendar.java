package cn.smartunion.rights.calendar.domain;

import cn.smartunion.contracts.rights.Complexity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The province's working days and the 12351 service levels on them: ordinary issues closed the same working day,
 * difficult ones within five working days, particularly complex ones within fifteen days (DOMAIN.md §4.3).
 *
 * <p>A working day is a Monday to Friday that is not a public holiday, or a weekend day the State Council's holiday
 * notice makes a working day (调休). Both lists are configured per year, since the notice is published each year.
 * Due times fall at the end of a working day.
 *
 * @param zone           the province's time zone
 * @param dayEndsAt      when a working day ends: an order received later counts from the next working day
 * @param holidays       weekdays that are public holidays
 * @param makeUpWorkdays weekend days that are working days
 */
public record WorkingCalendar(ZoneId zone, LocalTime dayEndsAt, Set<LocalDate> holidays,
                              Set<LocalDate> makeUpWorkdays) {

    public static final int DIFFICULT_WORKING_DAYS = 5;
    public static final int COMPLEX_CALENDAR_DAYS = 15;

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        for (LocalDate day : makeUpWorkdays) {
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is configured both as a holiday and as a make-up working day");
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /**
     * When an order of the given complexity received at {@code receivedAt} is due:
     * <ul>
     * <li>ordinary: the end of the day it was received, if that is a working day and it came before the day ended;
     * otherwise the end of the next working day;</li>
     * <li>difficult: the end of the fifth working day after the day it was received;</li>
     * <li>complex: the end of the fifteenth calendar day after the day it was received, moved to the next working day
     * if that is not one.</li>
     * </ul>
     */
    public Instant dueAt(Instant receivedAt, Complexity complexity) {
        ZonedDateTime received = receivedAt.atZone(zone);
        LocalDate day = received.toLocalDate();
        LocalDate due = switch (complexity) {
            case ORDINARY -> isWorkingDay(day) && received.toLocalTime().isBefore(dayEndsAt) ? day
                    : nextWorkingDayAfter(day);
            case DIFFICULT -> workingDaysAfter(day, DIFFICULT_WORKING_DAYS);
            case COMPLEX -> onOrAfter(day.plusDays(COMPLEX_CALENDAR_DAYS));
        };
        return due.atTime(dayEndsAt).atZone(zone).toInstant();
    }

    /** The {@code count}-th working day after {@code day} ({@code day} itself never counts). */
    public LocalDate workingDaysAfter(LocalDate day, int count) {
        LocalDate current = day;
        int found = 0;
        while (found < count) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                found++;
            }
        }
        return current;
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        return workingDaysAfter(day, 1);
    }

    private LocalDate onOrAfter(LocalDate day) {
        return isWorkingDay(day) ? day : nextWorkingDayAfter(day);
    }
}
