package io.tradeplex.auth.totp;

/** Shown once, at enrolment; the secret is never answered again. */
public record TotpEnrolment(String secret, String otpauthUri) {
    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
