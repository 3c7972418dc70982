package org.amicus.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Session attributes in Redis as Java serialization, which every object Spring Security keeps in a
 * session supports (security context, OIDC user, authorized clients with their tokens, the pending
 * authorization request, the back-channel registry's records).
 *
 * <p>Reading back goes through an allow-list: the JDK, Spring Security and the JOSE libraries the
 * tokens' claims come from, nothing else, so bytes someone managed to write into Redis cannot make
 * the gateway build arbitrary objects. A value that cannot be read, because another version of the
 * gateway wrote it or the allow-list refuses it, is read as absent: the person signs in again
 * rather than meeting an error.
 */
final class SessionSerializer implements RedisSerializer<Object> {

  private static final Logger log = LoggerFactory.getLogger(SessionSerializer.class);

  static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=30;maxrefs=20000;maxbytes=1000000;maxarray=100000;"
              + "java.base/*;org.springframework.security.**;com.nimbusds.**;net.minidev.**;!*");

  @Override
  public byte[] serialize(Object value) {
    if (value == null) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new SerializationException(
          "A session attribute of type " + value.getClass().getName() + " is not serializable", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object deserialize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try (ObjectInputStream in =
        new ConfigurableObjectInputStream(
            new ByteArrayInputStream(bytes), SessionSerializer.class.getClassLoader())) {
      in.setObjectInputFilter(ALLOWED);
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      log.warn(
          "A session value in Redis could not be read ({}); it counts as absent",
          e.getClass().getSimpleName());
      return null;
    }
  }
}
