package org.amicus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import org.amicus.runtime.Component;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;
import org.junit.jupiter.api.Test;

class SharedPostgresAndSmtpTest {

  @Test
  void postgresIsRealVersion17AndSharedWithinTheBuild() throws Exception {
    PostgresInfo postgres = RealDependencies.postgres();
    String url = postgres.database("testkit_check");

    try (Connection connection =
            DriverManager.getConnection(url, postgres.user(), postgres.password());
        ResultSet rs = connection.createStatement().executeQuery("show server_version")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("17.");
    }
    assertThat(RealDependencies.postgres()).isEqualTo(postgres);
  }

  @Test
  void theBenchmarkReportCanTellHowLongPostgresTookToStartAndWhatItOccupies() {
    RealDependencies.postgres();
    ServerProcess server = RealDependencies.process(Component.POSTGRES);

    assertThat(server.readyAfter()).isPositive();
    assertThat(ProcessHandle.of(server.pid()).flatMap(p -> p.info().command()))
        .as("the postmaster, not its supervisor")
        .hasValueSatisfying(command -> assertThat(command).endsWith("postgres"));
    assertThat(server.memoryMegabytes()).isPositive();
  }

  @Test
  void mailSentOverSmtpCanBeReadBackOverImap() throws Exception {
    SmtpInfo smtp = RealDependencies.smtp();
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("coalition@amicus.test"));
    message.setRecipients(Message.RecipientType.TO, "upr-submissions@ohchr.test");
    message.setSubject("Joint UPR submission");
    message.setText("See attachment.");
    Transport.send(message);

    Store store = session.getStore("imap");
    store.connect(smtp.host(), smtp.imapPort(), "upr-submissions@ohchr.test", "any");
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    assertThat(inbox.getMessages())
        .extracting(Message::getSubject)
        .contains("Joint UPR submission");
    store.close();
  }
}
