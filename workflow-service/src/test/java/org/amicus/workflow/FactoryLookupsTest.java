package org.amicus.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pinning the factory lookups keeps the implementations that the class path scan finds. */
class FactoryLookupsTest {

  private static final List<String> PROPERTIES =
      List.of(
          TransformerFactory.class.getName(),
          SAXParserFactory.class.getName(),
          StreamProvider.class.getName());

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void unpinned() {
    PROPERTIES.forEach(p -> before.put(p, System.clearProperty(p)));
  }

  @AfterEach
  void restore() {
    before.forEach(
        (p, v) -> {
          if (v == null) {
            System.clearProperty(p);
          } else {
            System.setProperty(p, v);
          }
        });
  }

  @Test
  void afterPinningEveryLookupFindsWhatTheScanFound() {
    Class<?> transformer = TransformerFactory.newInstance().getClass();
    Class<?> parser = SAXParserFactory.newInstance().getClass();
    Class<?> mail = StreamProvider.provider().getClass();

    FactoryLookups.pin();

    assertThat(System.getProperty(TransformerFactory.class.getName()))
        .isEqualTo(transformer.getName());
    assertThat(System.getProperty(SAXParserFactory.class.getName())).isEqualTo(parser.getName());
    assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(mail.getName());
    assertThat(TransformerFactory.newInstance()).isInstanceOf(transformer);
    assertThat(SAXParserFactory.newInstance()).isInstanceOf(parser);
    assertThat(StreamProvider.provider()).isInstanceOf(mail);
  }

  @Test
  void aFactoryNamedOnTheCommandLineIsLeftAlone() {
    String named = TransformerFactory.newDefaultInstance().getClass().getName();
    System.setProperty(TransformerFactory.class.getName(), named);

    FactoryLookups.pin();

    assertThat(System.getProperty(TransformerFactory.class.getName())).isSameAs(named);
  }
}
