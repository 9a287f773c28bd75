package cn.minzheng.platform.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CAPTCHA that needs no outside service (the platform runs on the government intranet): five digits drawn as
 * jittered strokes over noise — no font needed — as a PNG {@code data:} URI. The challenge is kept in the database, so
 * any instance can check it; it is good for ten minutes and for one answer, right or wrong.
 */
@Component
public class Captchas {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int DIGITS = 5;
    private static final int WIDTH = 170;
    private static final int HEIGHT = 56;
    /** Seven segments per digit: a, b, c, d, e, f, g (top, upper right, lower right, bottom, lower left, upper left, middle). */
    private static final int[] SEGMENTS = {
        0b1111110, 0b0110000, 0b1101101, 0b1111001, 0b0110011, 0b1011011, 0b1011111, 0b1110000, 0b1111111, 0b1111011
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Captchas(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a form shows: the challenge's id (a hidden field) and its picture. */
    public record Challenge(String id, String image) {}

    @Transactional
    public Challenge issue() {
        Instant now = clock.instant();
        jdbc.sql("delete from captcha_challenge where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
        StringBuilder answer = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            answer.append(random.nextInt(10));
        }
        byte[] idBytes = new byte[18];
        random.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        jdbc.sql("insert into captcha_challenge (id, answer, expires_at) values (?, ?, ?)")
                .params(id, answer.toString(), Timestamp.from(now.plus(LIFETIME)))
                .update();
        return new Challenge(id, draw(answer.toString()));
    }

    /** Whether the answer is right; the challenge is used up either way. */
    @Transactional
    public boolean check(String id, String answer) {
        if (id == null || answer == null || id.length() > 64) {
            return false;
        }
        String expected = jdbc.sql("delete from captcha_challenge where id = ? and expires_at >= ? returning answer")
                .params(id, Timestamp.from(clock.instant()))
                .query(String.class)
                .optional()
                .orElse(null);
        String typed = answer.replaceAll("\\s", "");
        return expected != null && MessageDigest.isEqual(expected.getBytes(), typed.getBytes());
    }

    private String draw(String digits) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(245, 245, 240));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 150 + random.nextInt(80)));
                g.setStroke(new BasicStroke(1f));
                g.drawLine(
                        random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
            }
            for (int i = 0; i < digits.length(); i++) {
                g.setColor(new Color(20 + random.nextInt(60), 30 + random.nextInt(60), 60 + random.nextInt(80)));
                g.setStroke(new BasicStroke(3f + random.nextFloat(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                digit(g, digits.charAt(i) - '0', 12 + i * 31 + random.nextInt(5), 8 + random.nextInt(8));
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One digit, 18 wide and 36 high from (x, y), its corners moved a little at random and slanted. */
    private void digit(Graphics2D g, int digit, int x, int y) {
        double slant = (random.nextDouble() - 0.5) * 0.5;
        int[][] corner = new int[6][2];
        int[][] base = {{0, 0}, {18, 0}, {0, 18}, {18, 18}, {0, 36}, {18, 36}};
        for (int i = 0; i < 6; i++) {
            corner[i][0] = x + base[i][0] + (int) (slant * (36 - base[i][1])) + random.nextInt(3) - 1;
            corner[i][1] = y + base[i][1] + random.nextInt(3) - 1;
        }
        int[][] segment = {{0, 1}, {1, 3}, {3, 5}, {4, 5}, {2, 4}, {0, 2}, {2, 3}};
        int bits = SEGMENTS[digit];
        for (int s = 0; s < 7; s++) {
            if ((bits & (1 << (6 - s))) != 0) {
                int[] from = corner[segment[s][0]];
                int[] to = corner[segment[s][1]];
                g.drawLine(from[0], from[1], to[0], to[1]);
            }
        }
    }
}
