package nnsweep.state;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of a committed part: a 16-byte header (magic, the block's length, its CRC32C) before the block.
 * A truncated, corrupted or foreign part (another build's format) is recognised by it on {@code --resume}, set aside
 * and trained again, instead of being trusted or stopping the run. The whole frame is written in one atomic commit,
 * so a part and its checksum cannot disagree because of a crash.
 */
final class PartFrame {
  private static final int MAGIC = 0x4E4E5032; // "NNP2": the parts of earlier builds had no frame
  static final int HEADER = 16;

  private PartFrame() {}

  /** {@code block} with its header. */
  static byte[] wrap(byte[] block) {
    return ByteBuffer.allocate(HEADER + block.length).putInt(MAGIC).putLong(block.length).putInt(crc(block))
        .put(block).array();
  }

  /**
   * The block inside {@code file}.
   *
   * @throws IllegalArgumentException saying what is wrong (no frame, truncated, checksum mismatch)
   */
  static byte[] unwrap(byte[] file) {
    if (file.length < HEADER || ByteBuffer.wrap(file).getInt() != MAGIC) {
      throw new IllegalArgumentException("no part header (another build's format, or damaged)");
    }
    ByteBuffer header = ByteBuffer.wrap(file, 4, HEADER - 4);
    long length = header.getLong();
    int expected = header.getInt();
    if (length != file.length - HEADER) {
      throw new IllegalArgumentException("wrong length (truncated or extended), found " + (file.length - HEADER)
          + " bytes, expected " + length);
    }
    byte[] block = new byte[file.length - HEADER];
    System.arraycopy(file, HEADER, block, 0, block.length);
    int found = crc(block);
    if (found != expected) {
      throw new IllegalArgumentException(String.format("checksum mismatch, found CRC32C %08x, expected %08x", found,
          expected));
    }
    return block;
  }

  private static int crc(byte[] block) {
    CRC32C crc = new CRC32C();
    crc.update(block);
    return (int) crc.getValue();
  }
}
