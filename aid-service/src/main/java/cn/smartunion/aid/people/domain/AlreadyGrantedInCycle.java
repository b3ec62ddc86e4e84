package cn.smartunion.aid.people.domain;

/**
 * The person or household already has (or has applied for) this programme in this cycle (answered 409
 * {@code already-granted-in-cycle}; the answer does not say where).
 */
public class AlreadyGrantedInCycle extends RuntimeException {

    private final String programmeCode;
    private final String cycle;

    public AlreadyGrantedInCycle(String programmeCode, String cycle) {
        super("already granted programme " + programmeCode + " in cycle " + cycle);
        this.programmeCode = programmeCode;
        this.cycle = cycle;
    }

    public String programmeCode() {
        return programmeCode;
    }

    public String cycle() {
        return cycle;
    }
}
