package cn.minzheng.platform.backup;

import cn.minzheng.platform.database.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code backup FILE} and {@code restore FILE}, run by the jar before (and without) the application context: both work
 * on the data folder of {@code MINZHENG_DATA_DIR}, with the passphrase from {@code MINZHENG_BACKUP_PASSPHRASE}. Every
 * refusal is one Chinese line and exit code 2.
 */
public final class BackupCommands {

    public static final String PASSPHRASE = "MINZHENG_BACKUP_PASSPHRASE";
    static final int MIN_PASSPHRASE = 12;

    private BackupCommands() {}

    public static boolean handles(String command) {
        return command.equals("backup") || command.equals("restore");
    }

    /** Runs the command; returns the process exit code (0 done, 2 refused, 1 failed). */
    public static int run(String[] args) {
        String command = args[0];
        if (args.length != 2 || args[1].isBlank()) {
            System.err.println("用法：bin/minzheng " + command + " 文件名（口令取自环境变量 " + PASSPHRASE + "）");
            return 2;
        }
        String passphrase = System.getenv(PASSPHRASE);
        if (passphrase == null || passphrase.isBlank()) {
            System.err.println("未设置备份口令：请设置环境变量 " + PASSPHRASE + "（至少 " + MIN_PASSPHRASE + " 个字符）后再" + verb(command));
            return 2;
        }
        if (passphrase.length() < MIN_PASSPHRASE) {
            System.err.println("备份口令太短：" + PASSPHRASE + " 至少需要 " + MIN_PASSPHRASE + " 个字符");
            return 2;
        }
        String externalDatabase = System.getenv("MINZHENG_DB_URL");
        if (externalDatabase != null && !externalDatabase.isBlank()) {
            System.err.println("使用外部 PostgreSQL（MINZHENG_DB_URL）时，数据库用 pg_dump / pg_basebackup 备份，见 docs/operations.md；"
                    + "本命令备份内置数据库及其数据目录");
            return 2;
        }
        Path file = Path.of(args[1]).toAbsolutePath().normalize();
        Path dataDir = EmbeddedCluster.dataDirFromEnvironment();
        char[] secret = passphrase.toCharArray();
        try {
            if (command.equals("backup")) {
                if (!Files.isDirectory(dataDir)) {
                    System.err.println("数据目录 " + dataDir + " 不存在（用 MINZHENG_DATA_DIR 指定平台的数据目录）");
                    return 2;
                }
                Backup.Summary done = Backup.write(EmbeddedCluster.of(dataDir), file, secret);
                System.out.println("备份完成：" + file + "（" + megabytes(done.backupBytes()) + "；数据库 "
                        + megabytes(done.databaseBytes()) + "，数据目录文件 " + done.fileCount() + " 个 "
                        + megabytes(done.fileBytes()) + "，压缩并加密）");
            } else {
                Restore.Summary done = Restore.into(dataDir, file, secret);
                System.out.println("已把 " + done.createdAt() + " 的备份恢复到 " + dataDir + "（" + done.files()
                        + " 个文件）。启动平台：MINZHENG_DATA_DIR=" + dataDir + " bin/minzheng");
            }
            return 0;
        } catch (BackupFile.Refused e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println(verb(command) + "失败：" + e.getMessage());
            return 1;
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private static String verb(String command) {
        return command.equals("backup") ? "备份" : "恢复";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
