package io.tradeplex.order.broker;

/**
 * A broker did not confirm a cancel: it could not be asked, gave no answer, or refused while the order still works
 * there. The order stays open here, since the broker may still fill it; asking again is safe.
 */
public class CancelNotConfirmedException extends RuntimeException {
    /** Nothing reached the broker, or no answer came back. */
    public static final String BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE";
    /** The broker account's session has ended (Kite): the owner must log in to the broker again. */
    public static final String BROKER_LOGIN_REQUIRED = "BROKER_LOGIN_REQUIRED";
    /** The broker answered but would not cancel an order it still works (e.g. it is being processed there). */
    public static final String BROKER_CANCEL_REFUSED = "BROKER_CANCEL_REFUSED";

    private final String code;

    public CancelNotConfirmedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static CancelNotConfirmedException unavailable(String message) {
        return new CancelNotConfirmedException(BROKER_UNAVAILABLE, message);
    }

    public static CancelNotConfirmedException refused(String message) {
        return new CancelNotConfirmedException(BROKER_CANCEL_REFUSED, message);
    }

    public String code() {
        return code;
    }
}
