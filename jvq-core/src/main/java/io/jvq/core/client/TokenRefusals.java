package io.jvq.core.client;

import io.jvq.core.port.DiscoveryReply;

import java.util.List;
import java.util.Locale;

/** {@link RefusalClassifier#DEFAULT}: a refusal whose text speaks of the token or of an entitlement is fatal. */
final class TokenRefusals {
    /** Lower case; matched anywhere in the reply body. */
    static final List<String> FATAL_WORDS = List.of(
            "token", "expired", "entitle", "unauthori", "not authori", "permission", "forbidden",
            "令牌", "过期", "到期", "授权", "权限");

    private TokenRefusals() {
    }

    static RefusalClassifier.Kind classify(DiscoveryReply reply) {
        String text = reply.body() == null ? "" : reply.body().toLowerCase(Locale.ROOT);
        for (String word : FATAL_WORDS) {
            if (text.contains(word)) {
                return RefusalClassifier.Kind.FATAL;
            }
        }
        return RefusalClassifier.Kind.TRANSIENT;
    }
}
