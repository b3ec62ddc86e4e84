package cn.smartunion.membership.member.adapter.in.web;

/** Registration found the person already a member somewhere in the province; answered without saying where. */
class PersonAlreadyAMember extends RuntimeException {

    PersonAlreadyAMember() {
        super("already a member", null, false, false);
    }
}
