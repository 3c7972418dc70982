package org.amicus.platform.encryption;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for contact data and document contents at rest (docs/operations.md, "Encryption keys").
 *
 * @param key the current key: 32 random bytes, base64 ({@code openssl rand -base64 32}); new values
 *     are sealed with it. Left at {@code change-me} only the {@code demo} profile starts, with a
 *     public development key.
 * @param previousKeys keys values may still be sealed with; readable, re-sealed with {@link #key}
 * @param reencryptOnStart re-seal, at start-up, every value sealed with a previous key
 */
@ConfigurationProperties("amicus.encryption")
public record EncryptionProperties(
    String key,
    @DefaultValue List<String> previousKeys,
    @DefaultValue("true") boolean reencryptOnStart) {}
