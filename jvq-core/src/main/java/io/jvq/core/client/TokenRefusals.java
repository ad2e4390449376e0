package io.jvq.core.client;

import io.jvq.core.json.JsonReader;
import io.jvq.core.port.DiscoveryReply;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RefusalClassifier#DEFAULT}: a refusal is judged by what it says, decoded (docs/PROTOCOL.md §1).
 * A JSON body is read (escapes included: 令牌过期 written as JSON escapes reads as 令牌过期) and its
 * string values other than {@code code} and {@code server} are the message; any other text (a close
 * reason) is the message as it is. The first rule the message matches decides:
 * <ol>
 *   <li>{@link #PASSING_WORDS} (a connection limit, a busy server): transient, even when the token is
 *       named, as in 该token连接数已达上限: waiting heals it;</li>
 *   <li>{@link #FATAL_WORDS} (the token, key, account or user is invalid, expired or unknown, or not
 *       entitled): fatal;</li>
 *   <li>anything else: transient.</li>
 * </ol>
 * The code decides nothing: the vendor documents none but {@code "0"}, and the codes seen
 * ({@code "-1"}, {@code "1"}) come with fatal and passing wordings alike.
 */
final class TokenRefusals {
    /** Lower case; matched anywhere in the decoded message, before {@link #FATAL_WORDS}. */
    static final List<String> PASSING_WORDS = List.of(
            "连接数", "连接过多", "上限", "繁忙", "too many", "limit", "busy");
    /** Lower case; matched anywhere in the decoded message. */
    static final List<String> FATAL_WORDS = List.of(
            "令牌", "token", "密钥", "秘钥", "api key", "账号", "帐号", "账户", "account",
            "用户不存在", "用户无效", "用户已", "no such user", "unknown user", "user not", "invalid user",
            "过期", "到期", "失效", "expired", "授权", "权限", "entitle", "unauthori", "not authori",
            "permission", "forbidden");

    private TokenRefusals() {
    }

    static RefusalClassifier.Kind classify(DiscoveryReply reply) {
        return classifyText(reply.body());
    }

    /** The rule for a close reason (the caller has checked the close code). */
    static RefusalClassifier.Kind classifyClose(String reason) {
        return classifyText(reason);
    }

    private static RefusalClassifier.Kind classifyText(String text) {
        String said = message(text).toLowerCase(Locale.ROOT);
        if (containsAny(said, PASSING_WORDS)) {
            return RefusalClassifier.Kind.TRANSIENT;
        }
        return containsAny(said, FATAL_WORDS) ? RefusalClassifier.Kind.FATAL : RefusalClassifier.Kind.TRANSIENT;
    }

    /**
     * What a refusal says: the string values of a JSON object or array, decoded, other than
     * {@code code} and {@code server}, joined by {@code "; "}; any other text as it is; "" for null.
     */
    static String message(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                StringBuilder said = new StringBuilder();
                strings(JsonReader.read(trimmed), said);
                return said.toString();
            } catch (IllegalArgumentException notJson) {
                // plain text that starts like JSON: matched as it is
            }
        }
        return text;
    }

    private static void strings(@Nullable Object json, StringBuilder said) {
        if (json instanceof String text) {
            said.append(said.length() == 0 ? "" : "; ").append(text);
        } else if (json instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> field : object.entrySet()) {
                if (!"code".equals(field.getKey()) && !"server".equals(field.getKey())) {
                    strings(field.getValue(), said);
                }
            }
        } else if (json instanceof List<?> array) {
            array.forEach(item -> strings(item, said));
        }
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
