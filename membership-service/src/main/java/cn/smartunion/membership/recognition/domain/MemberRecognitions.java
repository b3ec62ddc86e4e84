package cn.smartunion.membership.recognition.domain;

/** The recognitions membership-service has heard of, per member. */
public interface MemberRecognitions {

    /** {@link Recognitions#NONE} for a member with none. */
    Recognitions of(String memberId);
}
