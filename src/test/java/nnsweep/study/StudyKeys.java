package nnsweep.study;

import java.util.List;

/** {@link StudyLoader#KEYS} for test helpers outside this package (nnsweep.testing.StudyText). */
public final class StudyKeys {
  private StudyKeys() {}

  /** Fails unless {@code key} is a key of the study file's object {@code object} ("study", "study.hidden", ...). */
  public static void require(String object, String key) {
    List<String> keys = StudyLoader.KEYS.get(object);
    if (keys == null || !keys.contains(key)) {
      throw new IllegalArgumentException(object + "." + key + ": not a key of StudyLoader.KEYS, expected one of "
          + (keys == null ? StudyLoader.KEYS.keySet() : keys));
    }
  }
}
