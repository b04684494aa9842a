package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class DataSetTest {

    @Test
    void datesTakenAreWrittenAsTheFormatterWouldWriteThem() {
        DateTimeFormatter mysql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (long t = 1_400_000_000L; t < 1_740_000_000L; t += 86_399L * 7 + 3_661) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
            assertEquals(mysql.format(time), DataSet.mysql(time));
        }
        assertEquals("2024-01-09 05:07:03", DataSet.mysql(LocalDateTime.of(2024, 1, 9, 5, 7, 3)));
    }

    @Test
    void everyPhotoOfASetBelongsToTheSetsOwner() {
        DataSet data = DataSet.generate(DataSet.DEFAULT_SEED);
        for (Photoset set : data.sets) {
            for (Photo p : set.photos()) {
                assertEquals(set.owner().nsid(), p.owner().nsid(), set.id());
            }
        }
    }
}
