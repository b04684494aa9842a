import java.nio.file.Path;
import java.time.Duration;

import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.backup.AccountBackup;
import org.flickrdynamic.backup.AccountBackup.BackupListener;
import org.flickrdynamic.backup.AccountBackup.BackupReport;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.table.Permission;

/**
 * The account backup of {@code bin/flickr backup DIR} from a program of your own, here with the originals
 * and a line for each photo found deleted. The folder's format is in docs/backup.md.
 *
 * <pre>
 * java -cp "target/flickr-dynamic-0.1.0-SNAPSHOT.jar:target/lib/*" examples/backup/Backup.java --sandbox /tmp/backup
 * java -cp "target/flickr-dynamic-0.1.0-SNAPSHOT.jar:target/lib/*" examples/backup/Backup.java ~/flickr-backup
 * </pre>
 */
public final class Backup {
    public static void main(String[] args) {
        boolean sandbox = args.length == 2 && args[0].equals("--sandbox");
        Path dir = Path.of(args[args.length - 1]);
        try (Sandbox s = sandbox ? Sandbox.start() : null;
             FlickrClient flickr = sandbox ? sandboxUser(s) : Flickr.client().newBuilder()   // the stored login
                     .rateLimit(3600, Duration.ofHours(1)).build()) {                        // Flickr's limit
            BackupReport report = new AccountBackup(flickr, dir).originals(true).listener(new BackupListener() {
                @Override
                public void noted(String message) {
                    System.err.println(message);
                }
            }).run();
            System.out.printf("%d photos: %d fetched, %d unchanged, %d deleted%n", report.photos(), report.fetched(),
                    report.unchanged(), report.deleted());
            report.problems().forEach(System.err::println);
            System.exit(report.complete() ? 0 : 1);
        }
    }

    private static FlickrClient sandboxUser(Sandbox s) {
        SandboxToken token = s.issueToken(s.users().get(0).nsid(), Permission.READ);
        return FlickrClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).secret(s.secret())
                .token(token.token(), token.tokenSecret()).build();
    }
}
