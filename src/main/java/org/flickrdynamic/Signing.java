package org.flickrdynamic;

/** How signed requests are signed. */
public enum Signing {
    /** OAuth 1.0a with HMAC-SHA1 (RFC 5849): what Flickr accepts today. The default. */
    OAUTH1,
    /**
     * The legacy scheme of the original Flickr auth API: {@code api_sig} is the MD5 hex of the secret
     * followed by every name and value, sorted by name. A legacy token travels as {@code auth_token}.
     */
    LEGACY_MD5
}
