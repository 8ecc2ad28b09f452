package dev.ecsdeck.sim;

import dev.ecsdeck.model.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Cuts lists into pages the way ECS's List calls do: an opaque token, maxResults within limits. */
public final class Paging {
    private Paging() {}

    public static <T> Page<T> page(List<T> all, String nextToken, Integer maxResults, int defaultSize, int maxSize) {
        int size = maxResults == null ? defaultSize : maxResults;
        if (size < 1 || size > maxSize) {
            throw SimApiException.invalidParameter("maxResults must be between 1 and " + maxSize + ".");
        }
        int from = decode(nextToken);
        if (from > all.size()) {
            throw SimApiException.invalidParameter("Invalid nextToken.");
        }
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith("o:")) {
                throw new IllegalArgumentException(s);
            }
            int offset = Integer.parseInt(s.substring(2));
            if (offset < 0) {
                throw new IllegalArgumentException(s);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw SimApiException.invalidParameter("Invalid nextToken.");
        }
    }
}
