package cn.smartunion.rights.calendar.domain;

import cn.smartunion.contracts.rights.Complexity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // Friday 2026-09-25; Thursday 2026-10-01 is a holiday, Saturday 2026-09-26 a make-up working day
    private final WorkingCalendar calendar = new WorkingCalendar(CHINA, LocalTime.of(17, 30),
            Set.of(LocalDate.of(2026, 10, 1)), Set.of(LocalDate.of(2026, 9, 26)));

    @Test
    void aDifficultOrderReceivedOnAFridayAfternoonIsDueFiveWorkingDaysLater() {
        Instant friday = at(2026, 9, 25, 15, 0);
        // Sat 26 (make-up), Mon 28, Tue 29, Wed 30, (Thu 1 holiday), Fri 2
        assertThat(calendar.dueAt(friday, Complexity.DIFFICULT)).isEqualTo(at(2026, 10, 2, 17, 30));

        WorkingCalendar makeUpOnly = new WorkingCalendar(CHINA, LocalTime.of(17, 30), Set.of(),
                Set.of(LocalDate.of(2026, 9, 26)));
        assertThat(makeUpOnly.dueAt(friday, Complexity.DIFFICULT)).isEqualTo(at(2026, 10, 1, 17, 30));
        WorkingCalendar holidayOnly = new WorkingCalendar(CHINA, LocalTime.of(17, 30),
                Set.of(LocalDate.of(2026, 10, 1)), Set.of());
        assertThat(holidayOnly.dueAt(friday, Complexity.DIFFICULT)).isEqualTo(at(2026, 10, 5, 17, 30));
    }

    @Test
    void ordinaryOrdersAreDueTheSameWorkingDayOrTheNextOneWhenTheDayIsOverOrOff() {
        assertThat(calendar.dueAt(at(2026, 9, 24, 9, 0), Complexity.ORDINARY)).isEqualTo(at(2026, 9, 24, 17, 30));
        assertThat(calendar.dueAt(at(2026, 9, 24, 18, 0), Complexity.ORDINARY)).isEqualTo(at(2026, 9, 25, 17, 30));
        // the make-up Saturday is a working day, the Sunday after it is not
        assertThat(calendar.dueAt(at(2026, 9, 26, 10, 0), Complexity.ORDINARY)).isEqualTo(at(2026, 9, 26, 17, 30));
        assertThat(calendar.dueAt(at(2026, 9, 27, 10, 0), Complexity.ORDINARY)).isEqualTo(at(2026, 9, 28, 17, 30));
        assertThat(calendar.dueAt(at(2026, 10, 1, 10, 0), Complexity.ORDINARY)).isEqualTo(at(2026, 10, 2, 17, 30));
    }

    @Test
    void complexOrdersAreDueFifteenDaysLaterOnAWorkingDay() {
        assertThat(calendar.dueAt(at(2026, 9, 23, 10, 0), Complexity.COMPLEX)).isEqualTo(at(2026, 10, 8, 17, 30));
        // 15 days after Friday 25 is Saturday 10 October: due the Monday after
        assertThat(calendar.dueAt(at(2026, 9, 25, 10, 0), Complexity.COMPLEX)).isEqualTo(at(2026, 10, 12, 17, 30));
    }

    @Test
    void aDayCannotBeBothAHolidayAndAMakeUpWorkingDay() {
        assertThatThrownBy(() -> new WorkingCalendar(CHINA, LocalTime.of(17, 30), Set.of(LocalDate.of(2026, 10, 10)),
                Set.of(LocalDate.of(2026, 10, 10)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHINA).toInstant();
    }
}
