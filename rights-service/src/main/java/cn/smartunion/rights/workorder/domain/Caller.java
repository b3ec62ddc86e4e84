package cn.smartunion.rights.workorder.domain;

/** The caller's contact details in their stored forms (ciphertext + masked), or all null for an anonymous caller. */
public record Caller(String phoneCiphertext, String phoneMasked, String nameCiphertext, String nameMasked) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null);

    public boolean anonymous() {
        return phoneCiphertext == null && nameCiphertext == null;
    }

    @Override
    public String toString() {
        return "Caller[" + phoneMasked + "]";
    }
}
