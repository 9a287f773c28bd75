package cn.minzheng.platform.files;

/**
 * Whether bytes begin like an MP3: an ID3v2 tag header with a sync-safe size, then (or at once) MPEG audio frame
 * headers whose version, layer, bit rate and sample rate are all valid, and — when it lies within the bytes — the
 * next frame header exactly where the first one's length puts it.
 */
final class Mp3Frames {

    /** Bit rates in kbit/s by [version 1 / 2][layer I, II, III][index]. */
    private static final int[][][] BIT_RATES = {
        {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
        },
        {
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
        }
    };

    private static final int[][] SAMPLE_RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};

    private Mp3Frames() {}

    static boolean valid(byte[] head) {
        int offset = 0;
        if (head.length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            if (head[3] < 2 || head[3] > 4 || (head[3] & 0xFF) == 0xFF) {
                return false;
            }
            int size = 0;
            for (int i = 6; i < 10; i++) {
                if ((head[i] & 0x80) != 0) {
                    return false;
                }
                size = (size << 7) | head[i];
            }
            offset = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
            if (offset + 4 > head.length) {
                return true; // a large tag (cover art): its header is sound, the frames lie beyond what was read
            }
        }
        int length = frameLength(head, offset);
        if (length <= 0) {
            return false;
        }
        int next = offset + length;
        return next + 4 > head.length || frameLength(head, next) > 0;
    }

    /** The length in bytes of the frame whose header is at {@code offset}; 0 when there is no valid header. */
    static int frameLength(byte[] head, int offset) {
        if (offset < 0 || offset + 4 > head.length) {
            return 0;
        }
        int b1 = head[offset + 1] & 0xFF;
        int b2 = head[offset + 2] & 0xFF;
        if ((head[offset] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
            return 0;
        }
        int versionBits = (b1 >> 3) & 3; // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
        int layerBits = (b1 >> 1) & 3; // 0: reserved, 1: III, 2: II, 3: I
        int bitRateIndex = (b2 >> 4) & 15;
        int sampleRateIndex = (b2 >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitRateIndex == 0 || bitRateIndex == 15 || sampleRateIndex == 3) {
            return 0;
        }
        boolean mpeg1 = versionBits == 3;
        int layer = 4 - layerBits; // 1, 2 or 3
        int bitRate = BIT_RATES[mpeg1 ? 0 : 1][layer - 1][bitRateIndex] * 1000;
        int sampleRate = SAMPLE_RATES[mpeg1 ? 0 : versionBits == 2 ? 1 : 2][sampleRateIndex];
        int padding = (b2 >> 1) & 1;
        if (layer == 1) {
            return (12 * bitRate / sampleRate + padding) * 4;
        }
        return (layer == 3 && !mpeg1 ? 72 : 144) * bitRate / sampleRate + padding;
    }
}
