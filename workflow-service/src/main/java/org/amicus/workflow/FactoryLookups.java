package org.amicus.workflow;

import jakarta.mail.util.StreamProvider;
import java.util.function.Supplier;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Finds the XML and mail factories once, at start, instead of on every document and every email.
 *
 * <p>Apache POI asks JAXP for a new {@code TransformerFactory} each time it saves a .docx, XMLBeans
 * a new {@code SAXParserFactory} each time it reads one, and Jakarta Mail 2.1 its {@code
 * StreamProvider} for each body part it builds or writes. Without a system property naming the
 * implementation, each of those lookups scans every jar on the class path for a service file: in
 * the profile of review cycles (docs/performance.md) about a tenth of the service's CPU. Here each
 * lookup runs once the usual way and its answer is written into the system property that the lookup
 * reads first, so every later lookup finds the same implementation without the scan.
 *
 * <p>A property set already (on the command line) is left alone. The mail provider is pinned only
 * when the system class loader sees it (a flat class path): Jakarta Mail loads a named provider
 * through the calling thread's context class loader and fails when that one cannot see it, which in
 * a nested jar is the case for threads the JDK starts itself.
 */
final class FactoryLookups {

  private FactoryLookups() {}

  static void pin() {
    pin(TransformerFactory.class.getName(), () -> TransformerFactory.newInstance().getClass());
    pin(SAXParserFactory.class.getName(), () -> SAXParserFactory.newInstance().getClass());
    pin(StreamProvider.class.getName(), () -> StreamProvider.provider().getClass());
  }

  private static void pin(String property, Supplier<Class<?>> lookup) {
    if (System.getProperty(property) != null) {
      return;
    }
    Class<?> found = lookup.get();
    if (visibleToEveryThread(found)) {
      System.setProperty(property, found.getName());
    }
  }

  private static boolean visibleToEveryThread(Class<?> type) {
    try {
      return Class.forName(type.getName(), false, ClassLoader.getSystemClassLoader()) == type;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
