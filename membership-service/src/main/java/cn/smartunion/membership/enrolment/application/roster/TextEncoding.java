package cn.smartunion.membership.enrolment.application.roster;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the encoding of a CSV roster. A byte-order mark decides (UTF-8, UTF-16LE/BE). Without one, text that is
 * valid UTF-8 from the first byte to the last is UTF-8; anything else is read as GB18030, the superset of GBK and
 * GB2312 that Excel on Chinese Windows writes. Fed the whole file (it is read once anyway to hash it), so a GBK
 * file whose first lines happen to be ASCII is not mistaken for UTF-8.
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer sink = CharBuffer.allocate(8192);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private byte[] head = new byte[0];
    private boolean validUtf8 = true;

    /** Feeds the next bytes of the file. */
    void update(byte[] bytes, int offset, int length) {
        if (head.length < 4) {
            int take = Math.min(4 - head.length, length);
            byte[] grown = new byte[head.length + take];
            System.arraycopy(head, 0, grown, 0, head.length);
            System.arraycopy(bytes, offset, grown, head.length, take);
            head = grown;
        }
        if (!validUtf8) {
            return;
        }
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
        input.put(pending).put(bytes, offset, length).flip();
        decode(input, false);
        pending = input.slice();
    }

    private void decode(ByteBuffer input, boolean endOfInput) {
        while (true) {
            CoderResult result = utf8.decode(input, sink, endOfInput);
            sink.clear();
            if (result.isError()) {
                validUtf8 = false;
                return;
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    /** The encoding of everything fed, and how many bytes of byte-order mark to skip. */
    Detected result() {
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (validUtf8) {
            decode(pending, true);
            if (validUtf8 && utf8.flush(sink).isUnderflow() && !pending.hasRemaining()) {
                return new Detected(StandardCharsets.UTF_8, 0);
            }
        }
        return new Detected(GB18030, 0);
    }

    private boolean startsWith(int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    record Detected(Charset charset, int bomLength) {
    }
}
