package cn.smartunion.contracts;

/** Topic names: {@code <context>.<aggregate>.v<major>}; dead letters go to {@code <topic>.DLT}. */
public final class Topics {

    public static final String MEMBERSHIP_ORG = "membership.org.v1";
    public static final String MEMBERSHIP_APPLICATION = "membership.application.v1";
    public static final String MEMBERSHIP_MEMBER = "membership.member.v1";
    public static final String MEMBERSHIP_ENROLMENT = "membership.enrolment.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
