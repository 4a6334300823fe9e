package io.tradeplex.logging;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites every log record before a handler prints it: secrets (tokens, passwords, API keys, TOTP secrets) become
 * {@value #MASK}, and line breaks become {@code \n} so a value taken from a request cannot forge a log line (CWE-117).
 * Redacting the formatted message here, once, covers every logger of every library, including the ones that print a
 * request or a config value we never meant to log (CWE-532). A thrown exception is printed by the formatter after this
 * filter ran, so its messages (and its causes') are masked here too, see {@link RedactedThrowables}. Never drops a record.
 */
@LoggingFilter(name = SecretRedactingFilter.NAME)
public final class SecretRedactingFilter implements Filter {
    public static final String NAME = "redact-secrets";
    static final String MASK = "[REDACTED]";

    private static final String SECRET_NAMES = "(?:password|passwd|pwd|secret|client_?secret|api_?key|api_?secret"
            + "|access_?token|refresh_?token|id_?token|token|totp_?secret|totp|otp|signing_?key|private_?key"
            + "|credentials?|session_?id|signature)";

    /**
     * Every handler runs the filter on the same record, so a second pass must leave a masked value as it is (and not
     * mask "[REDACTED" again, leaving one more "]" each time).
     */
    private static final String NOT_MASKED = "(?!" + Pattern.quote(MASK) + ")";

    /** Each rule keeps group 1 (the name and separator) and masks the rest. */
    private static final List<Pattern> RULES = List.of(
            // "password":"value" and 'secret': 'value' (JSON, maps printed as JSON)
            Pattern.compile("(?i)([\"']?[\\w-]*" + SECRET_NAMES + "[\"']?\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")"),
            // the same with single quotes, as some toString() and dict-like dumps print them
            Pattern.compile("(?i)([\"']?[\\w-]*" + SECRET_NAMES + "[\"']?\\s*[:=]\\s*')(?:[^'\\\\]|\\\\.)*(')"),
            // password=value, apiKey: value, secret value (query strings, toString(), headers)
            Pattern.compile("(?i)(\\b[\\w-]*" + SECRET_NAMES + "\\b\\s*[=:]\\s*)" + NOT_MASKED + "[^\\s,;&\"'}\\])]+()"),
            // Authorization: <any scheme> <credentials>, as a header line or a printed header map ({Authorization=[...]})
            Pattern.compile("(?i)(\\bauthorization[\"']?\\s*[:=]\\s*" + NOT_MASKED + "[\\[\"']?)" + NOT_MASKED
                    + "(?:(?:Bearer|Basic|Digest|token)\\s+)?[^\\s\"',;}\\[\\]]+()"),
            // Bearer xyz / Basic xyz without the header name in front
            Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=-]+()"),
            // Kite's "token api_key:access_token" scheme: the API key and the access token both go
            Pattern.compile("(?i)(\\btoken\\s+)[A-Za-z0-9._-]+:[A-Za-z0-9._-]+()"),
            // a JWT anywhere, even with no name in front of it
            Pattern.compile("()eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*()"),
            // otpauth:// URIs carry the TOTP secret as a query parameter
            Pattern.compile("(?i)(otpauth://)\\S+()"),
            // PEM blocks (private keys)
            Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----)"));

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = formatted(record);
        if (message != null) {
            String clean = redact(message);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(clean, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(clean);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            record.setThrown(RedactedThrowables.redact(thrown));
        }
        return true;
    }

    /** The message with secrets masked and line breaks escaped. */
    public static String redact(String message) {
        return mask(message).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The text with secrets masked, nothing else changed. */
    static String mask(String text) {
        String result = text;
        for (Pattern rule : RULES) {
            Matcher matcher = rule.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(2)));
            }
        }
        return result;
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        if (record.getMessage() == null) {
            return null;
        }
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }
}
