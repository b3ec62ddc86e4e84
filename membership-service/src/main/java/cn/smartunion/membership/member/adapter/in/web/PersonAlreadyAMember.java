package cn.smartunion.membership.member.adapter.in.web;

/**
 * Registration found the person already a member somewhere in the province; answered without saying where. Public so
 * the joining feature's controllers give the same 409 for an applicant who is a member already.
 */
public class PersonAlreadyAMember extends RuntimeException {

    public PersonAlreadyAMember() {
        super("already a member", null, false, false);
    }
}
