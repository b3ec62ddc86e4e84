package cn.smartunion.systemtest.benchmark;

import java.util.List;

import cn.smartunion.systemtest.suite.People;

/**
 * People for the harness's writes, all distinct: {@link People} repeats an ID number after 12,000 people of one county,
 * so the harness moves to the next Hubei county every 10,000 (80,000 people before the first repeat).
 */
final class DistinctPeople {

    private static final List<String> COUNTIES = List.of("420322", "420323", "420324", "420325", "420302",
            "420303", "420304", "420381");
    private static final int PER_COUNTY = 10_000;

    private int issued;

    synchronized People.Person next() {
        return People.newPerson(COUNTIES.get(issued++ / PER_COUNTY % COUNTIES.size()));
    }
}
